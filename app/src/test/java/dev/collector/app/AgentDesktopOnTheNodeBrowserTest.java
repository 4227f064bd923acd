package dev.collector.app;

import static dev.collector.app.NodeTestFiles.deleteRecursively;
import static dev.collector.app.NodeTestFiles.freePorts;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.collector.app.config.NodeConfig;
import dev.collector.app.demo.DemoCrm;
import dev.collector.app.demo.DemoDebtors;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.console.ConsoleOptions;
import dev.collector.console.agentdesktop.AgentLogins;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.dialer.campaign.CampaignDialPlan;
import dev.collector.domain.agent.Agent;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.protos.v1.Disposition;
import dev.collector.protos.v1.OutcomeEvent;
import dev.collector.protos.v1.OutcomeRecorded;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import dev.collector.protos.v1.PaymentChannel;
import dev.collector.protos.v1.StreamOutcomesRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent desktop on a whole node, every part real: the node's local Cassandra, its Hazelcast
 * member, the PBX simulator spoken to over AMI by Asterisk-Java, the gRPC bridge, the console. A
 * CRM client loads cases over gRPC and follows the outcome stream; an agent with a PIN logs in
 * from headless Chromium and goes ready; the first simulated debtor who answers pops on the page,
 * the agent records a promise to pay, and the promise must then be in Cassandra's contact history
 * and on the CRM's outcome stream. The screen pops of the calls that follow are timed, bridge to
 * DOM, as the console's page test does against its fixture.
 */
class AgentDesktopOnTheNodeBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String CAMPAIGN = "desk";
    private static final String AGENT = "agent-01";
    private static final String PIN = "4711";
    /** Pops timed in all: the promise's and those after it. */
    private static final int POPS = 15;
    private static final int CASES = 60;

    private static NodeConfig config;
    private static CollectorNode node;
    private static WebDriver browser;

    @BeforeAll
    static void startNodeAndBrowser() throws IOException {
        // Fail, never skip: ./bin/test installs the browser (apt-get install chromium chromium-driver).
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: apt-get install -y chromium", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is missing: apt-get install -y chromium-driver", CHROMEDRIVER)
                .isTrue();
        Path cassandraData = Path.of("target", "desktop-e2e-cassandra");
        deleteRecursively(cassandraData); // an empty contact history: the promise found is this run's
        List<Integer> ports = freePorts(5);
        OutcomeStoreSettings store = OutcomeStoreSettings.defaults().withLocalNode(OutcomeStoreSettings.defaults()
                .localNode().withDataDir(cassandraData).withPorts(ports.get(0), ports.get(1), ports.get(2), ports.get(3)));
        config = new NodeConfig(
                new HazelcastSettings("desk-" + ProcessHandle.current().pid(), "127.0.0.1", ports.get(4), List.of()),
                store,
                new CrmBridgeSettings("127.0.0.1", 0, Duration.ofSeconds(2)),
                new ConsoleOptions("127.0.0.1", 0),
                Optional.empty(),
                // a two-hundredth of real time: rings of 25-100 ms, talks of a second or so, so that
                // one agent goes through many calls; the agent's form does not hurry for it
                new NodeConfig.SimulatorConfig("127.0.0.1", 0, 0.005, 17),
                new CampaignDialPlan(CAMPAIGN, "Local/{number}@debtors", "collector-connect", "agent",
                        Duration.ofSeconds(25), "Collector <+420800100200>"),
                // open around the clock, so that the test passes whatever the hour in the debtors' zones
                new CampaignRules(CAMPAIGN, ContactRules.strictest().withWindow(
                        CallingWindow.everyDay(LocalTime.MIN, LocalTime.MAX)), Map.of()),
                CaseQueueSettings.defaults(),
                List.of(new Agent(AGENT, "Eva Dvořáková", "Local/101@agents")),
                new NodeConfig.DemoConfig(false, 0, 0, 0));
        // a real floor's login: the agent is known by id and PIN
        System.setProperty("collector.agents.pins", AGENT + ":" + AgentLogins.digestOf(PIN));
        node = CollectorNode.start(config);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(Files.createDirectories(Path.of("target")),
                        "chromium-desk-").toAbsolutePath(),
                "--window-size=1280,900", "--lang=en-US");
        browser = new ChromeDriver(options);
    }

    @AfterAll
    static void stop() {
        System.clearProperty("collector.agents.pins");
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anAgentTakesAnAnsweredCallAndThePromiseIsInCassandraAndOnTheCrmsOutcomeStream() throws Exception {
        List<OutcomeEvent> heard = new CopyOnWriteArrayList<>();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
        try (DemoCrm crm = new DemoCrm("127.0.0.1", node.grpcPort())) {
            // The CRM: its campaign, its outcome stream, its cases.
            crm.createCampaign(config.campaignRules());
            OutcomeServiceGrpc.newStub(channel).streamOutcomes(
                    StreamOutcomesRequest.newBuilder().setCampaignId(CAMPAIGN).build(), collectInto(heard));
            List<DemoDebtors.DemoCase> cases = DemoDebtors.generate(CASES, 7, LocalDate.now());
            assertThat(crm.submit(CAMPAIGN, cases).getAcceptedCaseIdsCount()).isEqualTo(CASES);

            // The agent: logs in with the PIN, goes ready; the dialer calls until a debtor answers.
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get("http://127.0.0.1:" + node.httpPort() + "/agent");
            wait.until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));
            browser.findElement(By.id("agent-id")).sendKeys(AGENT);
            browser.findElement(By.id("agent-pin")).sendKeys(PIN, Keys.ENTER);
            wait.until(ExpectedConditions.textToBe(By.id("state"), "PAUSED"));
            browser.findElement(By.id("ready")).click();

            // The pop: the answered debtor's case, on the agent's screen.
            wait.until(d -> !text("case-id").isEmpty());
            String caseId = text("case-id").split(" ")[0]; // "CASE-00012 (priority 5)"
            DemoDebtors.DemoCase popped = cases.stream().filter(c -> c.caseId().equals(caseId)).findFirst().orElseThrow();
            assertThat(text("debtor-name")).isEqualTo(popped.name());
            assertThat(text("phone-number")).isEqualTo(popped.phone());
            assertThat(browser.findElements(By.cssSelector("#claims tbody tr"))).hasSize(popped.claims().size());

            // The promise: half of what is due, in a week, by bank transfer; keyboard to save.
            BigDecimal totalDue = popped.claims().stream().map(DemoDebtors.DemoClaim::amountDue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal promised = totalDue.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
            LocalDate payBy = LocalDate.now(ZoneId.of(popped.timeZone())).plusDays(7);
            new Select(browser.findElement(By.id("disposition-code"))).selectByValue("PROMISE_TO_PAY");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("promise-amount")));
            browser.findElement(By.id("promise-date")).sendKeys(
                    String.format("%02d%02d%d", payBy.getMonthValue(), payBy.getDayOfMonth(), payBy.getYear()));
            new Select(browser.findElement(By.id("payment-channel"))).selectByValue("BANK_TRANSFER");
            browser.findElement(By.id("notes")).sendKeys("pays half on payday");
            browser.findElement(By.id("promise-amount")).sendKeys(promised.toPlainString(), Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Disposition saved"));

            // On the CRM's outcome stream, with amount, date and channel...
            awaitUntil(Duration.ofSeconds(10), () -> promiseHeard(heard, caseId).isPresent());
            OutcomeRecorded streamed = promiseHeard(heard, caseId).orElseThrow();
            assertThat(streamed.getAgentId()).isEqualTo(AGENT);
            assertThat(new BigDecimal(streamed.getPromise().getAmount().getValue())).isEqualByComparingTo(promised);
            assertThat(LocalDate.of(streamed.getPromise().getPromisedFor().getYear(),
                    streamed.getPromise().getPromisedFor().getMonth(), streamed.getPromise().getPromisedFor().getDay()))
                    .isEqualTo(payBy);
            assertThat(streamed.getPromise().getChannel()).isEqualTo(PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER);
            assertThat(streamed.getNotes()).isEqualTo("pays half on payday");

            // ...and in Cassandra, read with CQL from the node's own session.
            awaitUntil(Duration.ofSeconds(10), () -> storedOutcome(caseId, streamed.getAttemptId()).isPresent());
            Row stored = storedOutcome(caseId, streamed.getAttemptId()).orElseThrow();
            assertThat(stored.getString("disposition")).isEqualTo("PROMISE_TO_PAY");
            assertThat(stored.getBigDecimal("promised_amount")).isEqualByComparingTo(promised);
            assertThat(stored.getLocalDate("promised_for")).isEqualTo(payBy);
            assertThat(stored.getString("payment_channel")).isEqualTo("BANK_TRANSFER");
            assertThat(stored.getString("agent_id")).isEqualTo(AGENT);
            screenshot();

            // More answered debtors, each disposed of as no contact: their pops are timed too.
            String previous = ""; // the promise's pop was cleared when it was saved
            for (int pop = 2; pop <= POPS; pop++) {
                int expected = pop;
                String before = previous;
                wait.until(d -> popDelays().size() >= expected && !text("case-id").isEmpty()
                        && !text("case-id").equals(before));
                previous = text("case-id");
                new Select(browser.findElement(By.id("disposition-code"))).selectByValue("NO_CONTACT");
                browser.findElement(By.id("submit-disposition")).click();
                String saved = previous;
                wait.until(d -> !text("case-id").equals(saved));
            }
            reportPopDelays();
        } finally {
            channel.shutdownNow();
        }
    }

    /** Screen-pop delays the page noted, bridge (the dialer's bridgedAt) to the case drawn in the DOM. */
    private static void reportPopDelays() {
        long[] delays = popDelays().stream().mapToLong(Number::longValue).sorted().toArray();
        assertThat(delays).hasSizeGreaterThanOrEqualTo(POPS);
        // every pop counts, the first (cold JIT, cold page) included
        long p50 = delays[(int) Math.ceil(delays.length * 0.50) - 1];
        long p99 = delays[(int) Math.ceil(delays.length * 0.99) - 1];
        System.out.printf("Screen-pop delay on a whole node (AMI simulator, Cassandra, gRPC CRM), bridge to DOM, "
                        + "over %d pops in headless Chromium on %d cores: p50 %d ms, p99 %d ms, max %d ms%n",
                delays.length, Runtime.getRuntime().availableProcessors(), p50, p99, delays[delays.length - 1]);
        // The goal, p99 under 100 ms, is held by the console's page test over 30 pops on a quiet
        // console; here a whole node and its Cassandra share two cores, and 15 pops make the p99 the
        // maximum, so the test holds the median to the goal and every pop to well before the
        // debtor's first words reach the agent.
        assertThat(p50).as("p50 of the screen-pop delay, ms").isLessThan(100);
        assertThat(delays[delays.length - 1]).as("slowest screen pop, ms").isLessThan(1000);
    }

    @SuppressWarnings("unchecked")
    private static List<Number> popDelays() {
        return (List<Number>) ((ChromeDriver) browser).executeScript("return window.collectorPopDelays;");
    }

    private static Optional<OutcomeRecorded> promiseHeard(List<OutcomeEvent> heard, String caseId) {
        return heard.stream().filter(OutcomeEvent::hasOutcomeRecorded).map(OutcomeEvent::getOutcomeRecorded)
                .filter(o -> o.getCaseId().equals(caseId) && o.getDisposition() == Disposition.DISPOSITION_PROMISE_TO_PAY)
                .findFirst();
    }

    private static Optional<Row> storedOutcome(String caseId, String attemptId) {
        return Optional.ofNullable(node.outcomeStore().session().execute(
                "SELECT disposition, promised_amount, promised_for, payment_channel, agent_id FROM "
                        + node.outcomeStore().keyspace() + ".outcomes_by_case WHERE case_id = ? AND attempt_id = ?",
                caseId, attemptId).one());
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void screenshot() throws IOException {
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "agent-desktop-on-the-node.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static StreamObserver<OutcomeEvent> collectInto(List<OutcomeEvent> heard) {
        return new StreamObserver<>() {
            @Override
            public void onNext(OutcomeEvent event) {
                heard.add(event);
            }

            @Override
            public void onError(Throwable t) {
                // the channel is shut down at the end of the test
            }

            @Override
            public void onCompleted() {
            }
        };
    }

    private static void awaitUntil(Duration limit, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
