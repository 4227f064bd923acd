package dev.collector.followups.channels;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the demo only, when no SMTP server or SMSC is configured: messages are written to the log
 * and nothing is sent to anyone. Every line says so.
 */
public final class LogOnlyChannels {

    private static final Logger log = LoggerFactory.getLogger(LogOnlyChannels.class);
    private static final AtomicLong ids = new AtomicLong();

    private LogOnlyChannels() {
    }

    public static SmsGateway sms() {
        return (to, text) -> {
            log.info("[LOG-ONLY SMS CHANNEL, NOT SENT] to {}: {}", to, text);
            return "log-only-" + ids.incrementAndGet();
        };
    }

    public static Mailer mail() {
        return (to, subject, body) -> {
            log.info("[LOG-ONLY E-MAIL CHANNEL, NOT SENT] to {}: {} / {}", to, subject, body);
            return "log-only-" + ids.incrementAndGet();
        };
    }
}
