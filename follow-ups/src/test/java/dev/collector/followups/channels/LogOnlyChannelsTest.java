package dev.collector.followups.channels;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogOnlyChannelsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(LogOnlyChannels.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void aLoggedSmsShowsNeitherTheDebtorsNumberNorNameNorAmount() throws Exception {
        LogOnlyChannels.sms().send("+420601234567", "Dear Jana Novakova, we confirm your promise to pay CZK 1234.50.");

        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("NOT SENT").contains("+42*******567")
                .doesNotContain("601234").doesNotContain("Jana").doesNotContain("Novakova").doesNotContain("1234.50");
    }

    @Test
    void aLoggedEmailShowsNeitherTheAddressNorTheText() throws Exception {
        LogOnlyChannels.mail().send("jana.novakova@example.cz", "Your debt of CZK 1234.50",
                "Dear Jana Novakova, five calls missed you.");

        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("NOT SENT").contains("j***@example.cz")
                .doesNotContain("jana.novakova").doesNotContain("Jana").doesNotContain("1234.50");
    }
}
