package dev.collector.app.config;

import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.console.ConsoleOptions;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.crmbridge.auth.CrmClients;
import dev.collector.crmbridge.auth.ServerTls;
import dev.collector.dialer.ami.AmiSettings;
import dev.collector.dialer.campaign.CampaignDialPlan;
import dev.collector.domain.agent.Agent;
import dev.collector.outcomes.OutcomeStoreSettings;
import java.time.Duration;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a node's configuration. Every key, its environment-variable form and its default are
 * listed in README.md ("Configuration"); keep the two in step.
 */
public final class NodeConfigLoader {

    private static final List<String> OUTCOME_STORE_KEYS = List.of(
            OutcomeStoreSettings.CONTACT_POINTS, OutcomeStoreSettings.LOCAL_DATACENTER, OutcomeStoreSettings.KEYSPACE,
            OutcomeStoreSettings.REPLICATION, OutcomeStoreSettings.REQUEST_TIMEOUT, OutcomeStoreSettings.NODE_DATA_DIR,
            OutcomeStoreSettings.NODE_CQL_PORT, OutcomeStoreSettings.NODE_STORAGE_PORT,
            OutcomeStoreSettings.NODE_SSL_STORAGE_PORT, OutcomeStoreSettings.NODE_JMX_PORT,
            OutcomeStoreSettings.NODE_HEAP, OutcomeStoreSettings.NODE_START_TIMEOUT,
            OutcomeStoreSettings.NODE_STOP_TIMEOUT, OutcomeStoreSettings.NODE_CLASSPATH,
            OutcomeStoreSettings.NODE_JAVA_HOME, OutcomeStoreSettings.NODE_JVM_OPTIONS);

    /** Five agents on the simulator's agent phones; the demo makes bots of the first four. */
    static final String DEFAULT_AGENTS = "agent-01:Anna Svobodova:Local/101@agents,"
            + "agent-02:Petr Dvorak:Local/102@agents,agent-03:Ewa Nowak:Local/103@agents,"
            + "agent-04:Jakub Cerny:Local/104@agents,agent-05:You:Local/105@agents";

    private NodeConfigLoader() {
    }

    public static NodeConfig load(ConfigSource source) {
        String dataDir = source.string("collector.data-dir", "data");
        HazelcastSettings hazelcast = new HazelcastSettings(
                source.string("collector.hazelcast.cluster-name", "collector"),
                source.string("collector.hazelcast.host", "127.0.0.1"),
                source.integer("collector.hazelcast.port", 5701),
                list(source.string("collector.hazelcast.members", "")));

        Map<String, String> storeKeys = new HashMap<>();
        storeKeys.put(OutcomeStoreSettings.NODE_DATA_DIR, dataDir + "/cassandra");
        for (String key : OUTCOME_STORE_KEYS) {
            source.find(key).ifPresent(v -> storeKeys.put(key, v));
        }
        OutcomeStoreSettings store = OutcomeStoreSettings.fromProperties(storeKeys);

        CrmBridgeSettings crm = crmBridge(source);
        ConsoleOptions console = new ConsoleOptions(source.string("collector.http.host", "0.0.0.0"),
                source.integer("collector.http.port", 8080));
        // HTTPS for the agent desktop and the wall: both PEM files, or neither
        Optional<String> webCert = source.find("collector.http.tls.cert-chain").filter(v -> !v.isBlank());
        Optional<String> webKey = source.find("collector.http.tls.private-key").filter(v -> !v.isBlank());
        if (webCert.isPresent() != webKey.isPresent()) {
            throw new IllegalArgumentException("setting " + (webCert.isPresent() ? "collector.http.tls.private-key"
                    : "collector.http.tls.cert-chain") + ": required with "
                    + (webCert.isPresent() ? "collector.http.tls.cert-chain" : "collector.http.tls.private-key"));
        }
        if (webCert.isPresent()) {
            console = console.withTls(new ConsoleOptions.Tls(java.nio.file.Path.of(webCert.get()),
                    java.nio.file.Path.of(webKey.get())));
        }

        // Several Asterisk servers (collector.ami.servers) or one (collector.ami.host), same account on all.
        List<AmiSettings> pbxs = source.find("collector.ami.servers").filter(list -> !list.isBlank())
                .map(list -> dev.collector.dialer.ami.PbxServers.parse(list,
                        source.string("collector.ami.username", "collector"), source.string("collector.ami.secret", ""),
                        "collector.ami.servers"))
                .orElse(List.of());
        Optional<AmiSettings> pbx = pbxs.stream().findFirst().or(() -> source.find("collector.ami.host")
                .filter(h -> !h.isEmpty()).map(host ->
                new AmiSettings(host, source.integer("collector.ami.port", 5038),
                        source.string("collector.ami.username", "collector"),
                        source.string("collector.ami.secret", ""),
                        pbxLimits(source))));
        dev.collector.dialer.call.MachineHandling machines = source.flag("collector.campaign.amd", false)
                ? dev.collector.dialer.call.MachineHandling.detecting(
                        dev.collector.dialer.call.MachinePolicy.parse(
                                source.string("collector.campaign.machine-policy", "hang-up"),
                                "collector.campaign.machine-policy"),
                        source.string("collector.campaign.machine-message", "collector/machine-message"))
                : dev.collector.dialer.call.MachineHandling.off();
        NodeConfig.SimulatorConfig simulator = new NodeConfig.SimulatorConfig(
                source.string("collector.simulator.host", "127.0.0.1"),
                source.integer("collector.simulator.port", 15038),
                source.decimal("collector.simulator.time-scale", 0.2),
                source.integer("collector.simulator.seed", 7));

        CampaignDialPlan plan = campaign(() -> new CampaignDialPlan(
                source.string("collector.campaign.id", "demo"),
                source.string("collector.campaign.channel", pbx.isPresent() ? "PJSIP/{number}@trunk" : "Local/{number}@debtors"),
                source.string("collector.campaign.context", "collector-connect"),
                source.string("collector.campaign.exten", "agent"),
                source.seconds("collector.campaign.ring-timeout", Duration.ofSeconds(25)),
                source.string("collector.campaign.caller-id", "Collector <+420800100200>")));

        List<Agent> agents = agents(source.string("collector.agents", DEFAULT_AGENTS));
        NodeConfig.DemoConfig demo = new NodeConfig.DemoConfig(
                source.flag("collector.demo.enabled", true),
                source.integer("collector.demo.cases", 200),
                source.integer("collector.demo.simulated-agents", 4),
                source.integer("collector.demo.seed", 42));
        CampaignRules rules = campaign(() -> new CampaignRules(plan.campaignId(), ContactRules.strictest()
                // The demo should dial whenever it is started; a real campaign keeps Regulation F's hours.
                .withWindow(window(source.string("collector.campaign.calling-window", demo.enabled() ? "00:00-24:00" : "08:00-21:00")))
                .withMaxAttempts(source.integer("collector.campaign.max-attempts-per-debt", 7),
                        Duration.ofDays(source.integer("collector.campaign.attempt-period-days", 7)))
                .withQuietAfterConversation(Duration.ofDays(source.integer("collector.campaign.quiet-after-conversation-days", 7)))
                .withAbandonLockout(Duration.ofHours(source.integer("collector.campaign.abandon-lockout-hours", 72))),
                Map.of()));
        CaseQueueSettings callList = CaseQueueSettings.defaults()
                .withLeaseTtl(source.seconds("collector.call-list.lease-ttl", Duration.ofMinutes(2)))
                .withRetrySchedule(retrySchedule(source, CaseQueueSettings.defaults().retrySchedule()));
        return new NodeConfig(hazelcast, store, crm, console, pbx, simulator, plan, rules, callList, agents, demo,
                followUps(source, dataDir), pbxs, machines);
    }

    /**
     * The retry after a partial payment taken on the phone ({@code collector.retry.after-partial-payment-days})
     * and after a third party took a message ({@code collector.retry.after-third-party-hours}).
     */
    static dev.collector.casequeue.retry.RetrySchedule retrySchedule(ConfigSource source,
            dev.collector.casequeue.retry.RetrySchedule defaults) {
        int partialDays = source.integer("collector.retry.after-partial-payment-days", 14);
        int thirdPartyHours = source.integer("collector.retry.after-third-party-hours", 27);
        if (partialDays < 1) {
            throw new IllegalArgumentException("collector.retry.after-partial-payment-days must be at least 1: " + partialDays);
        }
        if (thirdPartyHours < 1) {
            throw new IllegalArgumentException("collector.retry.after-third-party-hours must be at least 1: " + thirdPartyHours);
        }
        return defaults.withAfterPartialPayment(Duration.ofDays(partialDays))
                .withAfterThirdParty(Duration.ofHours(thirdPartyHours));
    }

    /**
     * Follow-ups ({@code collector.follow-ups.*}), their channels ({@code collector.smtp.*},
     * {@code collector.smpp.*}) and the outcome journal ({@code collector.outcomes.journal-file}).
     * No SMTP or SMPP host: that channel only logs (fine for the demo, never for real debtors).
     */
    static FollowUpConfig followUps(ConfigSource source, String dataDir) {
        Optional<FollowUpConfig.Smtp> smtp = source.find("collector.smtp.host").filter(h -> !h.isBlank())
                .map(host -> new FollowUpConfig.Smtp(host, source.integer("collector.smtp.port", 25),
                        source.string("collector.smtp.from", "collections@localhost"),
                        source.find("collector.smtp.username").filter(u -> !u.isBlank()),
                        source.string("collector.smtp.password", ""),
                        source.flag("collector.smtp.starttls", false)));
        Optional<FollowUpConfig.Smpp> smpp = source.find("collector.smpp.host").filter(h -> !h.isBlank())
                .map(host -> new FollowUpConfig.Smpp(host, source.integer("collector.smpp.port", 2775),
                        source.string("collector.smpp.system-id", "collector"),
                        source.string("collector.smpp.password", ""),
                        source.string("collector.smpp.source-address", "Collector")));
        CallingWindow contactWindow;
        try {
            contactWindow = window(source.string("collector.follow-ups.contact-window", "08:00-21:00"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("collector.campaign.calling-window",
                    "collector.follow-ups.contact-window"), e);
        }
        return new FollowUpConfig(
                source.flag("collector.follow-ups.enabled", true),
                source.find("collector.follow-ups.rules-file").filter(f -> !f.isBlank()).map(Path::of),
                source.find("collector.follow-ups.templates-dir").filter(f -> !f.isBlank()).map(Path::of),
                smtp, smpp, contactWindow,
                source.seconds("collector.follow-ups.poll-interval", Duration.ofSeconds(5)),
                source.string("collector.follow-ups.default-language", "en"),
                Path.of(source.string("collector.outcomes.journal-file", dataDir + "/outcomes.journal")))
                .withClaimExpiry(source.seconds("collector.follow-ups.claim-expiry", Duration.ofMinutes(2)));
    }

    /**
     * The gRPC port CRMs call, who may call it, and over what:
     * <ul>
     * <li>{@code collector.grpc.clients}: CRM clients, comma separated, each
     *     {@code client-id:tenant-id:token-sha256=<SHA-256 of its bearer token, 64 hex digits>} or
     *     {@code client-id:tenant-id:cert-cn=<common name of its client certificate>}; and/or
     *     {@code collector.grpc.clients-file}: a file with one such entry per line ({@code #} comments).
     *     With none, every call is the built-in caller of tenant "default", which is allowed only when
     *     the port is bound to loopback; so without clients {@code collector.grpc.host} defaults to
     *     127.0.0.1, with clients to 0.0.0.0.</li>
     * <li>{@code collector.grpc.tls.cert-chain} and {@code collector.grpc.tls.private-key}: PEM files
     *     (the key unencrypted PKCS#8) that turn TLS on; {@code collector.grpc.tls.client-ca}: a PEM CA
     *     bundle that client certificates must chain to, which makes every client present one.</li>
     * </ul>
     */
    static CrmBridgeSettings crmBridge(ConfigSource source) {
        CrmClients clients;
        try {
            clients = CrmClients.parse(source.string(CrmClients.SETTING, ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + CrmClients.SETTING + ": " + e.getMessage(), e);
        }
        Optional<String> clientsFile = source.find(CrmClients.FILE_SETTING).filter(f -> !f.isEmpty());
        if (clientsFile.isPresent()) {
            try {
                clients = clients.and(CrmClients.read(Path.of(clientsFile.get())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("setting " + CrmClients.FILE_SETTING + ": " + e.getMessage(), e);
            }
        }
        Optional<String> certChain = readableFile(source, "collector.grpc.tls.cert-chain");
        Optional<String> privateKey = readableFile(source, "collector.grpc.tls.private-key");
        Optional<String> clientCa = readableFile(source, "collector.grpc.tls.client-ca");
        if (certChain.isPresent() != privateKey.isPresent()
                || (clientCa.isPresent() && certChain.isEmpty())) {
            throw new IllegalArgumentException("settings collector.grpc.tls.*: TLS needs both"
                    + " collector.grpc.tls.cert-chain and collector.grpc.tls.private-key (client-ca only with them)");
        }
        Optional<ServerTls> tls = certChain.map(chain -> new ServerTls(Path.of(chain), Path.of(privateKey.get()),
                clientCa.map(Path::of)));
        return new CrmBridgeSettings(source.string("collector.grpc.host", clients.isEmpty() ? "127.0.0.1" : "0.0.0.0"),
                source.integer("collector.grpc.port", 9090), Duration.ofSeconds(5), clients, tls);
    }

    private static Optional<String> readableFile(ConfigSource source, String key) {
        Optional<String> file = source.find(key).filter(f -> !f.isEmpty());
        if (file.isPresent() && !java.nio.file.Files.isReadable(Path.of(file.get()))) {
            throw new IllegalArgumentException("setting " + key + ": the file " + file.get()
                    + " does not exist or cannot be read");
        }
        return file;
    }

    /** {@code collector.ami.max-channels} and {@code collector.ami.trunk-limit}; 0, the default, is no limit. */
    private static dev.collector.dialer.ami.PbxLimits pbxLimits(ConfigSource source) {
        int maxChannels = source.integer("collector.ami.max-channels", 0);
        int trunkLimit = source.integer("collector.ami.trunk-limit", 0);
        if (maxChannels < 0 || trunkLimit < 0) {
            throw new IllegalArgumentException("settings collector.ami.max-channels and collector.ami.trunk-limit"
                    + " must be at least 0 (0 = no limit), were " + maxChannels + " and " + trunkLimit);
        }
        return new dev.collector.dialer.ami.PbxLimits(maxChannels, trunkLimit);
    }

        private static <T> T campaign(java.util.function.Supplier<T> plan) {
        try {
            return plan.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("settings collector.campaign.*: " + e.getMessage(), e);
        }
    }

    /** {@code HH:mm-HH:mm} in the debtor's local time, every day; {@code 24:00} ends at midnight. */
    static CallingWindow window(String spec) {
        String[] parts = spec.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("setting collector.campaign.calling-window: '" + spec
                    + "' is not HH:mm-HH:mm (e.g. 08:00-21:00)");
        }
        try {
            return CallingWindow.everyDay(localTime(parts[0]), localTime(parts[1]));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("setting collector.campaign.calling-window: '" + spec
                    + "' is not HH:mm-HH:mm (e.g. 08:00-21:00)", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting collector.campaign.calling-window: " + e.getMessage(), e);
        }
    }

    private static LocalTime localTime(String text) {
        return text.trim().equals("24:00") ? LocalTime.MAX : LocalTime.parse(text.trim());
    }

    /** {@code id:name:endpoint} entries, comma separated. */
    static List<Agent> agents(String spec) {
        List<Agent> agents = new ArrayList<>();
        for (String entry : list(spec)) {
            String[] parts = entry.split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException("setting collector.agents: '" + entry
                        + "' is not id:name:endpoint (e.g. agent-17:Jana Novak:PJSIP/agent-17)");
            }
            agents.add(new Agent(parts[0].trim(), parts[1].trim(), parts[2].trim()));
        }
        return agents;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
