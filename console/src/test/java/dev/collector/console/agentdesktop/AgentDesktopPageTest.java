package dev.collector.console.agentdesktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.console.ConsoleFixture;
import dev.collector.domain.casework.Case;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.routing.roster.AgentState;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The agent page in a real headless Chromium against a real console. */
class AgentDesktopPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Selenium warns through java.util.logging that it has no DevTools for this Chromium: not used here. */
    private static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private static Vertx vertx;
    private static ConsoleFixture fixture;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        // Fail, never skip: CI installs the browser (apt-get install chromium chromium-driver).
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: apt-get install -y chromium", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is missing: apt-get install -y chromium-driver", CHROMEDRIVER).isTrue();
        vertx = Vertx.vertx();
        // the browser reads the real date, so the console does too
        fixture = ConsoleFixture.start(vertx, Clock.systemUTC(), "a1");

        DEVTOOLS_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1280,860", "--lang=en-US");
        browser = new ChromeDriver(options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAgentTakesACallCorrectsAnOversizedPromiseAndSavesIt() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://127.0.0.1:" + fixture.port() + "/agent");
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));

        browser.findElement(By.id("agent-id")).sendKeys("a1", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("state"), "PAUSED"));
        browser.findElement(By.id("ready")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "READY"));

        Case aCase = fixture.admitCase("case-1");
        Outcome earlier = new Outcome("att-0", "case-1", "early-stage", "d-case-1", "a1",
                new Disposition.PromiseToPay(new BigDecimal("300.00"), LocalDate.parse("2026-11-15")),
                "said she would pay after payday", Instant.parse("2026-11-10T10:00:00Z"));
        ConsoleFixture.Call call = fixture.dial(aCase, List.of(earlier));
        wait.until(ExpectedConditions.textToBe(By.id("debtor-name"), "Jana Nováková"));
        assertThat(text("total-due")).contains("1,200.00");
        assertThat(text("phone-number")).isEqualTo("+420601123456");
        assertThat(browser.findElements(By.cssSelector("#claims tbody tr"))).hasSize(2);
        assertThat(text("previous-outcomes")).contains("Promise to pay", "after payday");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("disposition-code");

        fixture.hangUp(call);
        wait.until(ExpectedConditions.textToBe(By.id("state"), "WRAP_UP"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-state"), "ended"));

        new Select(browser.findElement(By.id("disposition-code"))).selectByValue("PROMISE_TO_PAY");
        WebElement amount = browser.findElement(By.id("promise-amount"));
        wait.until(ExpectedConditions.visibilityOf(amount));
        LocalDate payBy = LocalDate.now(ZoneId.of("Europe/Prague")).plusDays(7);
        WebElement date = browser.findElement(By.id("promise-date"));
        date.sendKeys(String.format("%02d%02d%d", payBy.getMonthValue(), payBy.getDayOfMonth(), payBy.getYear()));
        assertThat(date.getDomProperty("value")).isEqualTo(payBy.toString());
        browser.findElement(By.id("notes")).sendKeys("pays after payday");
        amount.sendKeys("5000", Keys.ENTER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("amount-error"), "1200.00"));
        assertThat(text("error")).startsWith("Amount:");
        assertThat(amount.getDomAttribute("aria-invalid")).isEqualTo("true");
        screenshot(Path.of("target", "agent-desktop.png"));

        amount.clear();
        amount.sendKeys("450.50");
        browser.findElement(By.id("submit-disposition")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Disposition saved"));
        wait.until(ExpectedConditions.textToBe(By.id("state"), "READY"));
        assertThat(text("debtor-name")).isEmpty();
        assertThat(browser.findElement(By.id("disposition-panel")).isDisplayed()).isFalse();
        assertThat(amount.getDomProperty("value")).isEmpty();
        assertThat(text("error")).isEmpty();
        assertThat(fixture.stateOf("a1")).isEqualTo(AgentState.READY);
        Outcome saved = fixture.history.outcome(call.attemptId()).orElseThrow();
        assertThat(saved.disposition()).isEqualTo(new Disposition.PromiseToPay(new BigDecimal("450.50"), payBy));
        assertThat(saved.notes()).isEqualTo("pays after payday");
    }

    @Test
    void anAgentRecordsACallbackInTheDebtorsTimeAndThenADispute() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://127.0.0.1:" + fixture.port() + "/agent");
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));
        browser.findElement(By.id("agent-id")).sendKeys("a1", Keys.ENTER);
        // another test may have left a1 ready: logging in again keeps the state the agent is in
        wait.until(d -> List.of("PAUSED", "READY").contains(text("state")));
        if (text("state").equals("PAUSED")) {
            browser.findElement(By.id("ready")).click();
        }
        wait.until(ExpectedConditions.textToBe(By.id("state"), "READY"));

        ZoneId prague = ZoneId.of("Europe/Prague");
        Case aCase = fixture.admitCase("case-callback");
        Outcome earlier = new Outcome("att-cb-0", "case-callback", "early-stage", "d-case-callback", "a1",
                new Disposition.CallbackRequested(Instant.parse("2026-11-20T15:30:00Z")), "after four",
                Instant.parse("2026-11-20T10:00:00Z"));
        ConsoleFixture.Call call = fixture.dial(aCase, List.of(earlier));
        wait.until(ExpectedConditions.textToBe(By.id("debtor-name"), "Jana Nováková"));
        // 15:30 UTC is 16:30 in Prague: the earlier callback is shown in the debtor's time
        assertThat(text("previous-outcomes")).contains("Callback requested", "16:30", "Europe/Prague");

        WebElement callbackAt = browser.findElement(By.id("callback-at"));
        assertThat(callbackAt.isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("disposition-code"))).selectByValue("CALLBACK_REQUESTED");
        wait.until(ExpectedConditions.visibilityOf(callbackAt));
        assertThat(browser.findElement(By.id("promise-amount")).isDisplayed()).isFalse();
        assertThat(text("callback-zone")).contains("Europe/Prague");
        LocalDateTime debtorsTime = LocalDateTime.now(prague).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        typeDateTime(callbackAt, debtorsTime);
        assertThat(callbackAt.getDomProperty("value")).isEqualTo(debtorsTime.toString());
        browser.findElement(By.id("submit-disposition")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Disposition saved"));
        assertThat(fixture.awaitOutcome(call.attemptId()).orElseThrow().disposition())
                .isEqualTo(new Disposition.CallbackRequested(debtorsTime.atZone(prague).toInstant()));
        assertThat(callbackAt.isDisplayed()).isFalse();

        fixture.hangUp(call);
        wait.until(ExpectedConditions.textToBe(By.id("state"), "READY"));
        ConsoleFixture.Call disputed = fixture.dial(fixture.admitCase("case-dispute"), List.of());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("disposition-panel")));
        new Select(browser.findElement(By.id("disposition-code"))).selectByVisibleText("Disputes the debt");
        assertThat(callbackAt.isDisplayed()).isFalse();
        browser.findElement(By.id("notes")).sendKeys("says the loan was repaid", Keys.ENTER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Disposition saved"));
        Outcome saved = fixture.awaitOutcome(disputed.attemptId()).orElseThrow();
        assertThat(saved.disposition()).isEqualTo(new Disposition.Disputed());
        assertThat(saved.notes()).isEqualTo("says the loan was repaid");

        fixture.hangUp(disputed);
        wait.until(ExpectedConditions.textToBe(By.id("state"), "READY"));
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-panel")));
    }

    /**
     * Types into a datetime-local input as an agent would in an en-US browser: date, then 12-hour
     * time, in one go. Chromium moves to the next part as each fills up; the year's part fills at
     * four digits only because the page bounds the input with min and max.
     */
    private static void typeDateTime(WebElement input, LocalDateTime at) {
        int hour12 = at.getHour() % 12 == 0 ? 12 : at.getHour() % 12;
        input.sendKeys(String.format("%02d%02d%d%02d%02d%s", at.getMonthValue(), at.getDayOfMonth(), at.getYear(),
                hour12, at.getMinute(), at.getHour() < 12 ? "A" : "P"));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void screenshot(Path target) throws IOException {
        Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
