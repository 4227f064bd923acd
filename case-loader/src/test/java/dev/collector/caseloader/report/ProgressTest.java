package dev.collector.caseloader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** A clock the test moves. */
    static final class SteppingClock extends Clock {
        Instant now = Instant.parse("2026-03-04T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final SteppingClock clock = new SteppingClock();
    final AtomicLong bytesRead = new AtomicLong();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    Progress progress(long fileSize, boolean terminal) {
        return new Progress(bytesRead::get, fileSize, clock, new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal, Duration.ofMillis(20));
    }

    @Test
    void theEtaFollowsTheShareOfTheFileReadAndTheRateTheAcknowledgedCases() {
        Progress progress = progress(1_000_000, false);
        bytesRead.set(250_000);
        progress.sent(12_000);
        progress.acknowledged(10_000);
        clock.now = clock.now.plusSeconds(20);

        assertThat(progress.describe(false))
                .isEqualTo(" 25% read, 12,000 cases sent, 10,000 acknowledged, 500/s, ETA 1:00");
        assertThat(progress.describe(true)).startsWith("[######------------------]  25% read");
    }

    @Test
    void withoutAFileSizeThereIsNoBarNorEta() {
        Progress progress = progress(0, true);
        progress.sent(5);
        clock.now = clock.now.plusSeconds(1);

        assertThat(progress.describe(true)).isEqualTo("5 cases sent, 0 acknowledged, 0/s");
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndItsLineEndedWhenDone() throws Exception {
        Progress progress = progress(100, true);
        bytesRead.set(100);
        progress.start();
        Thread.sleep(100);
        progress.close();

        String shown = err.toString(StandardCharsets.UTF_8);
        assertThat(shown).startsWith("\r[########################] 100% read").endsWith("\n");
        assertThat(shown.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void elsewhereProgressIsALinePerInterval() throws Exception {
        Progress progress = progress(100, false);
        progress.start();
        Thread.sleep(100);
        progress.close();

        String shown = err.toString(StandardCharsets.UTF_8);
        assertThat(shown).doesNotContain("\r").contains("  0% read, 0 cases sent, 0 acknowledged");
        assertThat(shown.lines().count()).isGreaterThanOrEqualTo(2);
    }
}
