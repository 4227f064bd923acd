package dev.collector.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.app.config.ConfigSource;
import dev.collector.app.monitoring.Monitoring;
import dev.collector.app.monitoring.SupervisorConfig;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.casequeue.campaigns.HazelcastCampaigns;
import dev.collector.casequeue.campaigns.NewCampaign;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.console.ConsoleOptions;
import dev.collector.console.ConsoleServer;
import dev.collector.console.agentdesktop.AgentLogins;
import dev.collector.console.simulatedagent.SimulatedAgent;
import dev.collector.console.simulatedagent.SimulatedAgentSettings;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.dialer.ami.AmiConnection;
import dev.collector.dialer.ami.AmiSettings;
import dev.collector.dialer.campaign.AnsweredCallFlow;
import dev.collector.dialer.campaign.CampaignDialPlan;
import dev.collector.dialer.campaign.CampaignDialer;
import dev.collector.dialer.campaign.DialerCounters;
import dev.collector.dialer.campaign.LongestIdleAgent;
import dev.collector.dialer.campaign.PacingSettings;
import dev.collector.dialer.window.AbandonWindow;
import dev.collector.domain.agent.Agent;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.campaign.CampaignState;
import dev.collector.domain.campaign.DialMode;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Outcome;
import dev.collector.pbx.PbxSimulator;
import dev.collector.pbx.SimulatorSettings;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.skills.AgentProfiles;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor wall in headless Chromium over a real floor: a Hazelcast member holding the
 * campaign and its cases, the dialer calling them through Asterisk-Java and the AMI simulator
 * (a fiftieth of real time), simulated agents taking the calls on the agent desktop's socket.
 * The wall must follow the dials live, and a supervisor's pause must stop the dialer.
 */
class SupervisorWallBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String CAMPAIGN = "wall";
    private static final String PIN = "2468";

    private final Clock clock = Clock.systemUTC();
    private final List<AutoCloseable> started = new ArrayList<>();
    private Vertx vertx;
    private PbxSimulator pbx;
    private ConsoleServer console;
    private HazelcastCampaigns campaigns;
    private Path journal;
    private WebDriver browser;

    @BeforeEach
    void startFloor() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: apt-get install -y chromium", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is missing: apt-get install -y chromium-driver", CHROMEDRIVER)
                .isTrue();
        vertx = Vertx.vertx();
        started.add(() -> vertx.close().await());
        HazelcastInstance hazelcast = HazelcastMember.start(new HazelcastSettings("wall-" + ProcessHandle.current().pid(),
                "127.0.0.1", freePort(), List.of()));
        started.add(hazelcast::shutdown);
        ExecutorService worker = Executors.newFixedThreadPool(2);
        started.add(worker::shutdownNow);
        HazelcastCallList callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(),
                new InMemoryComplianceAudit(), clock);
        CampaignRules rules = new CampaignRules(CAMPAIGN, ContactRules.strictest().withWindow(
                CallingWindow.everyDay(LocalTime.MIN, LocalTime.MAX)), Map.of());
        campaigns = new HazelcastCampaigns(hazelcast, callList, callList, clock);
        campaigns.create("tenant-1", new NewCampaign(CAMPAIGN, "Wall test", DialMode.PROGRESSIVE, rules));
        CompletableFuture.allOf(java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> callList.admit(aCase(i)).toCompletableFuture())
                .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        pbx = PbxSimulator.start(SimulatorSettings.defaults().withTimeScale(0.02).withSeed(5));
        started.add(pbx);
        SimulatorSettings defaults = SimulatorSettings.defaults();
        AmiConnection ami = new AmiConnection(new AmiSettings("127.0.0.1", pbx.port(), defaults.username(),
                defaults.secret()));
        ami.connect();
        started.add(ami);

        List<Agent> agents = List.of(new Agent("agent-1", "Eva", "Local/101@agents"),
                new Agent("agent-2", "Petr", "Local/102@agents"));
        AgentRoster roster = new AgentRoster(clock, agents);
        ContactHistory history = new KeptHistory();
        HazelcastCrmFeed crmFeed = new HazelcastCrmFeed(hazelcast, HazelcastCrmFeed.DEFAULT_CAPACITY);
        journal = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "wall-").resolve("actions.jsonl");
        Properties settings = new Properties();
        settings.setProperty("collector.supervisors.pins", "boss:" + AgentLogins.digestOf(PIN));
        Monitoring monitoring = Monitoring.start(SupervisorConfig.load(new ConfigSource(settings, Map.of()), false,
                        journal), hazelcast, callList, CAMPAIGN, HazelcastAbandonWindows.MAP, Optional.empty(),
                new AgentProfiles(List.of()), roster, worker, clock);
        started.add(monitoring);
        monitoring.watchAmi(ami::isConnected);
        DialerCounters counters = new DialerCounters();
        FloorReport floor = new FloorReport(CAMPAIGN, counters, callList, roster, monitoring.facts(), clock);
        console = ConsoleServer.deploy(vertx, new ConsoleServer(ConsoleOptions.localEphemeral(), roster,
                new dev.collector.routing.disposition.RecordingDisposition(roster, callList, history, crmFeed, callList,
                        clock), clock, AgentLogins.open(), monitoring.wall(floor, clock), monitoring.operations()))
                .await(10, TimeUnit.SECONDS);

        PacingSettings pacing = PacingSettings.defaults();
        CampaignDialer dialer = new CampaignDialer(new CampaignDialPlan(CAMPAIGN, "Local/{number}@debtors",
                "collector-connect", "agent", Duration.ofSeconds(25), "Collector <+420800100200>"),
                AnsweredCallFlow.defaults(), pacing, campaigns, callList, roster, ami, history, crmFeed,
                console.agentDesktop(), new LongestIdleAgent(roster),
                new AbandonWindow(CAMPAIGN, pacing.window(), new HazelcastAbandonWindows(hazelcast), clock), counters,
                clock);
        vertx.deployVerticle(dialer).await(10, TimeUnit.SECONDS);
        monitoring.dialerStarted(dialer);
        List<SimulatedAgent> bots = agents.stream().map(a -> new SimulatedAgent(vertx, SimulatedAgentSettings
                .of("127.0.0.1", console.port(), a.agentId(), a.agentId().hashCode())
                .withThinkTime(Duration.ofMillis(100)).withWrapUpDelay(Duration.ofMillis(50))
                .withClock(clock))).toList();
        Future.all(bots.stream().map(SimulatedAgent::start).toList()).await(10, TimeUnit.SECONDS);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-wall-").toAbsolutePath(),
                "--window-size=1400,1000", "--lang=en-US");
        browser = new ChromeDriver(options);
    }

    @AfterEach
    void stopFloor() {
        if (browser != null) {
            browser.quit();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // stopping: the next part still goes
            }
        }
    }

    @Test
    void theWallFollowsTheDialsLiveAndASupervisorsPauseStopsTheDialer() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://127.0.0.1:" + console.port() + "/supervisor");
        wait.until(d -> d.findElement(By.id("login")).isDisplayed());
        browser.findElement(By.id("supervisor-id")).sendKeys("boss");
        browser.findElement(By.id("supervisor-pin")).sendKeys("1111");
        browser.findElement(By.id("login-button")).click();
        wait.until(d -> d.findElement(By.id("login-error")).getText().contains("wrong PIN"));
        browser.findElement(By.id("supervisor-pin")).clear();
        browser.findElement(By.id("supervisor-pin")).sendKeys(PIN);
        browser.findElement(By.id("login-button")).click();

        // live: the dials tile grows with no reload while the dialer works through the list
        wait.until(d -> dials(d) >= 3);
        long seen = dials(browser);
        wait.until(d -> dials(d) > seen + 2);
        WebElement campaign = wait.until(d -> d.findElement(By.cssSelector("tr[data-campaign='" + CAMPAIGN + "']")));
        assertThat(campaign.findElement(By.className("state")).getText()).isEqualTo("ACTIVE");
        wait.until(d -> d.findElements(By.cssSelector("#agents tr")).size() == 2);
        assertThat(browser.findElement(By.id("agents-by-state")).getText()).matches("\\d+ / \\d+ / \\d+ / \\d+");
        assertThat(browser.findElement(By.cssSelector("#agents tr[data-agent='agent-1']")).getText())
                .matches("(?s)agent-1 Eva (READY|RESERVED|ON_CALL|WRAP_UP) \\d+ s.*");
        wait.until(d -> ((ChromeDriver) d).executeScript(
                "return Chart.getChart(document.getElementById('calls-chart')) !== undefined") == Boolean.TRUE);

        Files.copy(((ChromeDriver) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                Path.of("target", "supervisor-wall.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        campaign.findElement(By.className("pause-campaign")).click();

        wait.until(d -> d.findElement(By.id("action-result")).getText().equals("Done: campaign wall paused"));
        wait.until(d -> d.findElement(By.cssSelector("tr[data-campaign='" + CAMPAIGN + "'] .state")).getText()
                .equals("PAUSED"));
        assertThat(campaigns.find(CAMPAIGN).toCompletableFuture().get().orElseThrow().state())
                .isEqualTo(CampaignState.PAUSED);
        assertThat(browser.findElement(By.id("journal")).getText()).contains("boss pause-campaign wall: done");
        assertThat(Files.readString(journal)).contains("\"supervisorId\":\"boss\"").contains("\"action\":\"pause-campaign\"");
        // calls already placed finish; after that the dialer places none
        Thread.sleep(1500);
        long originatesAfterPause = pbx.traffic().originates();
        Thread.sleep(3000);
        assertThat(pbx.traffic().originates()).isEqualTo(originatesAfterPause);

        HttpClient http = HttpClient.newHttpClient();
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("collector_calls_dialed_total").contains("collector_part_up{part=\"ami\"} 1.0")
                .contains("collector_alert_active{alert=\"AMI_DOWN\"} 0.0");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + "/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private static long dials(WebDriver browser) {
        String text = browser.findElement(By.id("dialed")).getText();
        return text.isBlank() ? 0 : Long.parseLong(text.strip());
    }

    private static Case aCase(int i) {
        String id = String.format("w-%03d", i);
        return new Case(id, CAMPAIGN, new Debtor("d-" + id, "Debtor " + i),
                List.of(new Claim("cl-" + id, new BigDecimal("500.00"), "CZK", LocalDate.parse("2026-08-31"))),
                List.of(String.format("+420601%06d", i)), ZoneId.of("Europe/Prague"), 5,
                java.time.Instant.parse("2026-11-20T08:00:00Z"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The contact history in memory: what Cassandra keeps in production is not what this test is about. */
    private static final class KeptHistory implements ContactHistory {
        private final Map<String, List<CallAttempt>> attempts = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, List<Outcome>> outcomes = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public CompletionStage<Void> recordAttempt(CallAttempt attempt) {
            attempts.computeIfAbsent(attempt.caseId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(attempt);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> recordOutcome(Outcome outcome) {
            outcomes.computeIfAbsent(outcome.caseId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(outcome);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<List<CallAttempt>> attemptsOf(String caseId) {
            return CompletableFuture.completedFuture(List.copyOf(attempts.getOrDefault(caseId, List.of())));
        }

        @Override
        public CompletionStage<List<Outcome>> outcomesOf(String caseId) {
            return CompletableFuture.completedFuture(List.copyOf(outcomes.getOrDefault(caseId, List.of())));
        }
    }
}
