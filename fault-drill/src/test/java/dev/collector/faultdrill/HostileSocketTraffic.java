package dev.collector.faultdrill;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wrong and forged messages on the agent desktop's socket, from connections that never log in
 * successfully: each must get one {@code error} naming the field, and nothing else (no status,
 * no screen pop: no agent's data).
 */
final class HostileSocketTraffic {

    private final Vertx vertx;
    private final List<Integer> httpPorts;
    private final Random random;
    private final Map<String, Long> errorsByField = new TreeMap<>();
    private final Map<String, Long> otherReplies = new TreeMap<>();
    private long sent;

    HostileSocketTraffic(Vertx vertx, List<Integer> httpPorts, long seed) {
        this.vertx = vertx;
        this.httpPorts = httpPorts;
        this.random = new Random(seed);
    }

    void send(int count) throws Exception {
        int perConnection = 100;
        for (int done = 0; done < count; done += perConnection) {
            int port = httpPorts.get((done / perConnection) % httpPorts.size());
            WebSocketClient client = vertx.createWebSocketClient();
            WebSocket socket = client.connect(port, "127.0.0.1", "/agent/socket").await(10, TimeUnit.SECONDS);
            AtomicReference<CompletableFuture<String>> reply = new AtomicReference<>();
            socket.textMessageHandler(text -> {
                CompletableFuture<String> waiting = reply.get();
                if (waiting != null) {
                    waiting.complete(text);
                }
            });
            try {
                for (int i = 0; i < Math.min(perConnection, count - done); i++) {
                    CompletableFuture<String> next = new CompletableFuture<>();
                    reply.set(next);
                    if (random.nextInt(20) == 0) {
                        socket.writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3})).await(5, TimeUnit.SECONDS);
                    } else {
                        socket.writeTextMessage(hostileMessage()).await(5, TimeUnit.SECONDS);
                    }
                    sent++;
                    classify(next.get(10, TimeUnit.SECONDS));
                }
                // anything that arrives after the last answer (a late status, a pop) is a leak too
                CompletableFuture<String> late = new CompletableFuture<>();
                reply.set(late);
                try {
                    classify(late.get(200, TimeUnit.MILLISECONDS));
                } catch (java.util.concurrent.TimeoutException expected) {
                    // quiet: nothing more was sent to this hostile connection
                }
            } finally {
                socket.close().await(5, TimeUnit.SECONDS);
                client.close();
            }
        }
    }

    private String hostileMessage() {
        String guarded = DrillCluster.GUARDED_AGENTS.get(random.nextInt(DrillCluster.GUARDED_AGENTS.size()));
        return switch (random.nextInt(10)) {
            case 0 -> "{not json" + random.nextInt();
            case 1 -> random.nextBoolean() ? "[1,2,3]" : "42";
            case 2 -> new JsonObject().put("agentId", "agent-01").encode(); // no type
            case 3 -> new JsonObject().put("type", "becomeSupervisor" + random.nextInt(100)).encode();
            case 4 -> new JsonObject().put("type", List.of("ready", "pause", "logout", "previewDial").get(random.nextInt(4)))
                    .put("attemptId", "a-" + random.nextInt()).encode(); // before logging in
            case 5 -> new JsonObject().put("type", "disposition").put("attemptId", "attempt-of-someone-else-" + random.nextInt())
                    .put("code", "PROMISE_TO_PAY").put("amount", "1000000.00").encode();
            case 6 -> new JsonObject().put("type", "login").put("agentId", guarded)
                    .put("pin", Integer.toString(100000 + random.nextInt(900000)).replace(DrillCluster.GUARDED_PIN, "000000")).encode();
            case 7 -> new JsonObject().put("type", "login").put("agentId", guarded).encode(); // no PIN
            case 8 -> new JsonObject().put("type", "login").put("agentId", "intruder-" + random.nextInt(1000))
                    .put("pin", "1234").encode();
            default -> new JsonObject().put("type", "login").put("agentId", "a".repeat(5000 + random.nextInt(60000))).encode();
        };
    }

    private void classify(String text) {
        JsonObject reply;
        try {
            reply = new JsonObject(text);
        } catch (RuntimeException e) {
            otherReplies.merge("unreadable", 1L, Long::sum);
            return;
        }
        if ("error".equals(reply.getString("type"))) {
            errorsByField.merge(reply.getString("field", "?"), 1L, Long::sum);
        } else {
            otherReplies.merge(reply.getString("type", "?"), 1L, Long::sum);
        }
    }

    long sent() {
        return sent;
    }

    Map<String, Long> errorsByField() {
        return errorsByField;
    }

    Map<String, Long> otherReplies() {
        return otherReplies;
    }
}
