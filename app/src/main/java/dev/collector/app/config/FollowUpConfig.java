package dev.collector.app.config;

import dev.collector.compliance.window.CallingWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Follow-ups and the outcome journal. Without an SMTP host or SMPP host the messages go to a
 * log-only channel (for the demo: nothing is sent, every log line says so).
 *
 * @param journalFile where outcomes wait, on local disk, while Cassandra is unreachable
 * @param claimExpiry how long a node's claim on a due follow-up lasts
 *                    ({@code collector.follow-ups.claim-expiry}): the longest the work of a node
 *                    that died holding claims waits before another node takes it over
 */
public record FollowUpConfig(
        boolean enabled,
        Optional<Path> rulesFile,
        Optional<Path> templatesDir,
        Optional<Smtp> smtp,
        Optional<Smpp> smpp,
        CallingWindow contactWindow,
        Duration pollInterval,
        String defaultLanguage,
        Path journalFile,
        Duration claimExpiry) {

    public FollowUpConfig {
        Objects.requireNonNull(rulesFile, "rulesFile");
        Objects.requireNonNull(templatesDir, "templatesDir");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(smpp, "smpp");
        Objects.requireNonNull(contactWindow, "contactWindow");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(journalFile, "journalFile");
        Objects.requireNonNull(claimExpiry, "claimExpiry");
        if (claimExpiry.toSeconds() < 2) {
            throw new IllegalArgumentException("setting collector.follow-ups.claim-expiry: must be at least 2 (seconds), got "
                    + claimExpiry.toMillis() / 1000.0);
        }
    }

    /** With claims that last two minutes. */
    public FollowUpConfig(boolean enabled, Optional<Path> rulesFile, Optional<Path> templatesDir, Optional<Smtp> smtp,
            Optional<Smpp> smpp, CallingWindow contactWindow, Duration pollInterval, String defaultLanguage,
            Path journalFile) {
        this(enabled, rulesFile, templatesDir, smtp, smpp, contactWindow, pollInterval, defaultLanguage, journalFile,
                Duration.ofMinutes(2));
    }

    public FollowUpConfig withClaimExpiry(Duration expiry) {
        return new FollowUpConfig(enabled, rulesFile, templatesDir, smtp, smpp, contactWindow, pollInterval,
                defaultLanguage, journalFile, expiry);
    }

    /** Built-in rules, log-only channels, 08:00-21:00, journal under {@code data/}. */
    public static FollowUpConfig defaults() {
        return new FollowUpConfig(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                CallingWindow.standard(), Duration.ofSeconds(5), "en", Path.of("data", "outcomes.journal"));
    }

    public FollowUpConfig withJournalFile(Path file) {
        return new FollowUpConfig(enabled, rulesFile, templatesDir, smtp, smpp, contactWindow, pollInterval,
                defaultLanguage, file, claimExpiry);
    }

    /** An SMTP server to send e-mail through. */
    public record Smtp(String host, int port, String from, Optional<String> username, String password, boolean startTls) {
        @Override
        public String toString() {
            // the password stays out of logs
            return "Smtp[" + username.map(u -> u + "@").orElse("") + host + ":" + port + ", from " + from
                    + (startTls ? ", STARTTLS" : "") + "]";
        }
    }

    /** An SMSC to send SMS through (SMPP 3.4, bound as a transmitter). */
    public record Smpp(String host, int port, String systemId, String password, String sourceAddress) {
        @Override
        public String toString() {
            // the password stays out of logs
            return "Smpp[" + systemId + "@" + host + ":" + port + ", from " + sourceAddress + "]";
        }
    }
}
