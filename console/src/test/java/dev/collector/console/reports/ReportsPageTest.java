package dev.collector.console.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report page over HTTP and in a real headless Chromium. The figures themselves are the
 * reports module's (tested there against a seeded day); here a source answers with a table built
 * from what it was asked, so the test sees that the page asks for the right period and dimension,
 * shows tables and charts, exports CSV and refuses bad input naming the field.
 */
class ReportsPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static Vertx vertx;
    private static HttpServer server;
    private static WebDriver browser;
    private static final List<String> asked = new CopyOnWriteArrayList<>();

    /** Answers with one row per group, named after the dimension asked for. */
    private static final ReportSource SOURCE = new ReportSource() {
        @Override
        public CompletionStage<ReportTable> kpis(Instant from, Instant to, String by) {
            if (!List.of("agent", "team", "segment", "strategy", "channel", "campaign").contains(by)) {
                throw new IllegalArgumentException("by: '" + by + "' is not one of agent, team, segment, strategy, "
                        + "channel, campaign");
            }
            asked.add("kpis " + by + " " + from + " " + to);
            List<String> columns = Arrays.asList(by, "calls", "right_party_contact_rate", "promise_rate",
                    "promise_kept_rate", "abandon_rate", "amount_promised", "amount_collected", "follow_up_tasks",
                    "sla_compliance", "delivered", "delivery_failures");
            return CompletableFuture.completedFuture(new ReportTable(columns, List.of(
                    Arrays.asList(by + "-1", 120, 0.4, 0.3, 0.5, 0.02, 1500.0, 800.0, 40, 0.875, 30, 4),
                    Arrays.asList(by + "-2", 80, 0.35, 0.25, null, 0.01, 900.0, 0.0, 0, null, 0, 0)),
                    String.join(",", columns) + "\r\n" + by + "-1,120,0.4,0.3,0.5,0.02,1500,800\r\n"));
        }

        @Override
        public CompletionStage<java.util.Optional<JsonObject>> caseStrategy(String caseId) {
            return CompletableFuture.completedFuture(caseId.equals("case-7")
                    ? java.util.Optional.of(new JsonObject().put("segment", "rest").put("strategy", "sms-first"))
                    : java.util.Optional.empty());
        }

        @Override
        public CompletionStage<ReportTable> strategies(Instant from, Instant to) {
            asked.add("strategies " + from + " " + to);
            List<String> columns = Arrays.asList("segment", "strategy", "arm", "cases", "net_recovery_per_case",
                    "difference_vs_champion", "ci_low", "ci_high");
            return CompletableFuture.completedFuture(new ReportTable(columns, List.of(
                    Arrays.asList("rest", "standard", "champion", 90, 12.5, null, null, null),
                    Arrays.asList("rest", "sms-first", "challenger", 10, 14.0, 1.5, -2.0, 5.0)), "segment\r\n"));
        }
    };

    @BeforeAll
    static void start() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: apt-get install -y chromium", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is missing: apt-get install -y chromium-driver", CHROMEDRIVER).isTrue();
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new ReportsPage(SOURCE, Clock.systemUTC()).mountOn(router, vertx);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);

        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(java.util.logging.Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        browser = new ChromeDriver(options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void the_page_shows_tables_and_charts_and_follows_the_chosen_dimension() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(base() + "/supervisor/reports");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#kpis tbody"), "agent-1"));

        assertThat(browser.findElement(By.cssSelector("#strategies tbody")).getText()).contains("sms-first");
        // an undefined rate shows as a dash, not as 0
        assertThat(browser.findElement(By.cssSelector("#kpis tbody tr:nth-child(2)")).getText()).contains("–");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return typeof Chart !== 'undefined' && Chart.getChart('rates-chart') != null "
                + "&& Chart.getChart('strategy-chart').data.datasets[1].data[1] === 1.5")).isEqualTo(true);
        // SLA compliance among the rates, follow-up tasks and deliveries in their own chart
        assertThat(js.executeScript("return Chart.getChart('rates-chart').data.datasets[4].data[0] === 0.875 "
                + "&& Chart.getChart('follow-up-chart').data.datasets[2].data[0] === 4")).isEqualTo(true);

        new Select(browser.findElement(By.id("by"))).selectByValue("strategy");
        browser.findElement(By.id("show")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#kpis tbody"), "strategy-1"));
        assertThat(browser.findElement(By.id("kpi-csv")).getAttribute("href")).contains("by=strategy").contains("format=csv");
        assertThat(asked).anySatisfy(a -> assertThat(a).startsWith("kpis strategy "));
    }

    @Test
    void kpis_export_as_csv_for_the_days_asked() throws Exception {
        HttpResponse<String> csv = get("/supervisor/reports/kpis?from=2026-11-01&to=2026-11-30&by=team&format=csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"kpis-2026-11-01_2026-11-30.csv\"");
        assertThat(csv.body()).startsWith("team,calls,").contains("team-1,120");
        // both days included: to is the end of the 30th
        assertThat(asked).contains("kpis team 2026-11-01T00:00:00Z 2026-12-01T00:00:00Z");
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_the_reason() throws Exception {
        HttpResponse<String> badDay = get("/supervisor/reports/kpis?from=2026-13-01");
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badDay.body()).getString("field")).isEqualTo("from");
        assertThat(new JsonObject(badDay.body()).getString("reason")).contains("'2026-13-01' is not a day");

        HttpResponse<String> backwards = get("/supervisor/reports/strategies?from=2026-11-10&to=2026-11-01");
        assertThat(new JsonObject(backwards.body()).getString("field")).isEqualTo("to");

        HttpResponse<String> badDimension = get("/supervisor/reports/kpis?by=weather");
        assertThat(badDimension.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badDimension.body()).getString("field")).isEqualTo("by");
        assertThat(new JsonObject(badDimension.body()).getString("reason")).contains("'weather'");

        HttpResponse<String> badFormat = get("/supervisor/reports/kpis?format=xlsx");
        assertThat(new JsonObject(badFormat.body()).getString("field")).isEqualTo("format");
    }

    @Test
    void a_cases_segment_and_strategy_can_be_looked_up() throws Exception {
        HttpResponse<String> known = get("/supervisor/reports/cases/case-7");
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(known.body()).getString("strategy")).isEqualTo("sms-first");

        HttpResponse<String> unknown = get("/supervisor/reports/cases/case-8");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(unknown.body()).getString("field")).isEqualTo("caseId");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }
}
