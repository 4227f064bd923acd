package dev.collector.followups.channels;

import dev.collector.domain.privacy.Pii;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the demo only, when no SMTP server or SMSC is configured: messages are written to the log
 * and nothing is sent to anyone. Every line says so. The recipient is masked and the text is
 * logged as its length and fingerprint ({@link Pii}): a demo log is still a log.
 */
public final class LogOnlyChannels {

    private static final Logger log = LoggerFactory.getLogger(LogOnlyChannels.class);
    private static final AtomicLong ids = new AtomicLong();

    private LogOnlyChannels() {
    }

    public static SmsGateway sms() {
        return (to, text) -> {
            // the text names the debtor and what is owed: only its length and fingerprint are logged
            log.info("[LOG-ONLY SMS CHANNEL, NOT SENT] to {}: text {}", Pii.phone(to), Pii.text(text));
            return "log-only-" + ids.incrementAndGet();
        };
    }

    public static Mailer mail() {
        return (to, subject, body) -> {
            log.info("[LOG-ONLY E-MAIL CHANNEL, NOT SENT] to {}: subject {}, body {}", Pii.email(to), Pii.text(subject),
                    Pii.text(body));
            return "log-only-" + ids.incrementAndGet();
        };
    }
}
