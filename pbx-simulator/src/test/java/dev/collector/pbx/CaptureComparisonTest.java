package dev.collector.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The simulator's event sequences against those a real Asterisk 22 wrote for the same Originates
 * ({@code captures/ami-run1.log} and {@code ami-run2.log}, copied from shared/asterisk): per call, the
 * same event types in the same order, for an answer bridged to an agent, busy, congestion, no answer,
 * and answering-machine detection of a person and of a machine.
 *
 * <p>Compared are the call's events: channels, states, caller ids, Local bridge, dials, bridges,
 * hang-ups and the OriginateResponse. Left out are VarSet and Newexten, which trace the dialplan
 * line by line (the capture's Set(R=${RAND()}) and Dial()'s bookkeeping variables), and
 * DeviceStateChange, which concerns devices rather than calls.
 */
class CaptureComparisonTest {

    private static final Set<String> DIALPLAN_TRACE = Set.of("VarSet", "Newexten", "DeviceStateChange");
    /** The captures' Originates: ActionID by the debtor number dialled. */
    private static final Map<String, String> ACTION_BY_NUMBER = Map.of(
            "5550001", "orig-answer", "5550002", "orig-busy", "5550003", "orig-cong", "5550004", "orig-noans",
            "5551003", "amd-human", "5551004", "amd-machine");
    private static final List<String> OUTCOMES = List.of("orig-answer", "orig-busy", "orig-cong", "orig-noans");
    private static final Pattern DEBTOR_LEG = Pattern.compile("Local/(\\d+)@debtors-[0-9a-f]{8};1");

    @Test
    void eachOutcomeRaisesTheEventsAsterisk22RaisesInTheSameOrder() throws Exception {
        Map<String, List<String>> captured = eventTypesByCall(capturedPackets("/captures/ami-run1.log"));
        Map<String, List<String>> simulated = eventTypesByCall(simulatedPackets(List.of(
                originate("orig-answer", "5550001", "answer", "agent", 3) + "Variable: AGENT=100\r\n",
                originate("orig-busy", "5550002", "busy", "agent", 3),
                originate("orig-cong", "5550003", "congestion", "agent", 3),
                originate("orig-noans", "5550004", "noanswer", "agent", 3))));

        for (String outcome : OUTCOMES) {
            assertThat(captured.get(outcome)).as("capture of %s", outcome).isNotEmpty();
            assertThat(simulated.get(outcome)).as("events of %s", outcome).containsExactlyElementsOf(captured.get(outcome));
        }
    }

    /**
     * ami-run2.log: answering-machine detection on the answered leg ({@code [connect] amd}), a person
     * then bridged to agent 100, a machine hung up on, each reported by {@code UserEvent: AMDResult}.
     */
    @Test
    void machineDetectionRaisesTheEventsAsterisk22RaisesInTheSameOrder() throws Exception {
        Map<String, List<String>> captured = eventTypesByCall(capturedPackets("/captures/ami-run2.log"));
        Map<String, List<String>> simulated = eventTypesByCall(simulatedPackets(List.of(
                originate("amd-human", "5551003", "answer", "amd", 4) + "ChannelId: call-amd-h\r\nVariable: AGENT=100\r\n",
                originate("amd-machine", "5551004", "machine", "amd", 4) + "ChannelId: call-amd-m\r\n")));

        for (String outcome : List.of("amd-human", "amd-machine")) {
            assertThat(captured.get(outcome)).as("capture of %s", outcome).isNotEmpty();
            // Asterisk's originate thread races the answered channel's own: ami-run1 has the
            // OriginateResponse before the answer's Newstate events, ami-run2 after its DialEnd. The
            // simulator keeps run1's order; here the rest is compared, and the response's place
            // before the AMD verdict.
            assertThat(withoutOriginateResponse(simulated.get(outcome))).as("events of %s", outcome)
                    .containsExactlyElementsOf(withoutOriginateResponse(captured.get(outcome)));
            assertThat(simulated.get(outcome).indexOf("OriginateResponse"))
                    .isBetween(0, simulated.get(outcome).indexOf("UserEvent"));
        }
    }

    private static List<String> withoutOriginateResponse(List<String> events) {
        return events.stream().filter(e -> !e.equals("OriginateResponse")).toList();
    }

    /** A capture's run: the same Originates, ActionIDs and variables, against the simulator. */
    private static List<Map<String, String>> simulatedPackets(List<String> originates) throws IOException {
        try (PbxSimulator pbx = PbxSimulator.start(SimulatorSettings.defaults().withTimeScale(0.01));
             Socket socket = new Socket("127.0.0.1", pbx.port())) {
            socket.setSoTimeout(1500);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            in.readLine(); // the banner
            send(out, "Action: Login\r\nUsername: collector\r\nSecret: collector\r\nActionID: login\r\n");
            for (String originate : originates) {
                send(out, originate);
            }
            List<Map<String, String>> packets = new ArrayList<>();
            try {
                Map<String, String> packet;
                while ((packet = readPacket(in)) != null) {
                    packets.add(packet);
                }
            } catch (SocketTimeoutException quiet) {
                // every call is over: nothing more comes
            }
            return packets;
        }
    }

    private static String originate(String actionId, String number, String force, String exten, int talk) {
        return "Action: Originate\r\nActionID: " + actionId + "\r\nChannel: Local/" + number + "@debtors\r\n"
                + "Context: connect\r\nExten: " + exten + "\r\nPriority: 1\r\nTimeout: 8000\r\n"
                + "CallerID: Dialer <1000>\r\nAsync: true\r\nVariable: TALK=" + talk + "\r\nVariable: FORCE=" + force
                + "\r\n";
    }

    private static void send(OutputStream out, String action) throws IOException {
        out.write((action + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Map<String, String> readPacket(BufferedReader in) throws IOException {
        Map<String, String> packet = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (!packet.isEmpty()) {
                    return packet;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                packet.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return packet.isEmpty() ? null : packet;
    }

    /** A capture: packets separated by {@code --- t=SECONDS} lines, after the banner. */
    private static List<Map<String, String>> capturedPackets(String resource) throws IOException {
        List<Map<String, String>> packets = new ArrayList<>();
        try (InputStream stream = Objects.requireNonNull(
                CaptureComparisonTest.class.getResourceAsStream(resource), resource);
             BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            Map<String, String> packet = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("--- t=")) {
                    packet = new LinkedHashMap<>();
                    packets.add(packet);
                } else if (packet != null && line.indexOf(':') > 0) {
                    int colon = line.indexOf(':');
                    packet.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
        }
        return packets;
    }

    /**
     * Event types per Originate, by ActionID. A call's events carry the Linkedid of its first channel
     * (Dest- or LocalOne- prefixed on dial and Local bridge events), the debtor's {@code ;1} leg, whose
     * name tells the number dialled. Bridge create/destroy events are the call's whose channels enter
     * the bridge.
     */
    private static Map<String, List<String>> eventTypesByCall(List<Map<String, String>> packets) {
        Map<String, String> actionByLinkedId = new HashMap<>();
        Map<String, String> linkedIdByBridge = new HashMap<>();
        for (Map<String, String> packet : packets) {
            Matcher debtorLeg = DEBTOR_LEG.matcher(packet.getOrDefault("Channel", ""));
            if ("Newchannel".equals(packet.get("Event")) && debtorLeg.matches()) {
                actionByLinkedId.put(packet.get("Linkedid"), ACTION_BY_NUMBER.get(debtorLeg.group(1)));
            } else if ("BridgeEnter".equals(packet.get("Event"))) {
                linkedIdByBridge.putIfAbsent(packet.get("BridgeUniqueid"), packet.get("Linkedid"));
            }
        }
        Map<String, List<String>> byCall = new HashMap<>();
        for (Map<String, String> packet : packets) {
            String event = packet.get("Event");
            if (event == null || DIALPLAN_TRACE.contains(event)) {
                continue;
            }
            String action = "OriginateResponse".equals(event) ? packet.get("ActionID")
                    : actionByLinkedId.get(linkedId(packet, linkedIdByBridge));
            if (action != null) {
                byCall.computeIfAbsent(action, a -> new ArrayList<>()).add(event);
            }
        }
        return byCall;
    }

    private static String linkedId(Map<String, String> packet, Map<String, String> linkedIdByBridge) {
        for (String header : List.of("Linkedid", "DestLinkedid", "LocalOneLinkedid")) {
            if (packet.containsKey(header)) {
                return packet.get(header);
            }
        }
        return linkedIdByBridge.get(packet.get("BridgeUniqueid"));
    }
}
