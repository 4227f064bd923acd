package dev.collector.outcomes.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.domain.outcome.PaymentChannel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalCodecTest {

    static final Instant AT = Instant.parse("2026-11-23T09:00:00.123456789Z");

    @Test
    void everyDispositionOfTheAgentsFormSurvivesTheJournal() {
        for (Disposition d : List.of(
                new Disposition.PromiseToPay(new BigDecimal("12.50"), LocalDate.of(2026, 12, 1), PaymentChannel.CASH),
                new Disposition.PaymentTaken(new BigDecimal("7.00"), PaymentChannel.BANK_TRANSFER),
                new Disposition.ThirdParty(), new Disposition.Deceased(), new Disposition.CeaseContact(),
                new Disposition.CallbackRequested(AT.plusSeconds(3600)), new Disposition.Disputed())) {
            Outcome outcome = new Outcome("a-1", "c-1", "spring", "d-1", "agent-1", d, "notes", AT);

            assertThat(JournalCodec.decode(JournalCodec.encode(outcome))).isEqualTo(outcome);
        }
    }

    @Test
    void aPromiseJournaledBeforeChannelsExistedReadsBackWithoutOne() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(2);
            for (String text : List.of("a-1", "c-1", "spring", "d-1", "agent-1", "PROMISE_TO_PAY", "12.50",
                    "2026-12-01", "old notes")) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            out.writeLong(AT.getEpochSecond());
            out.writeInt(AT.getNano());
        }

        Outcome read = (Outcome) JournalCodec.decode(bytes.toByteArray());

        assertThat(read.disposition()).isEqualTo(new Disposition.PromiseToPay(new BigDecimal("12.50"),
                LocalDate.of(2026, 12, 1), PaymentChannel.NOT_STATED));
        assertThat(read.notes()).isEqualTo("old notes");
    }
}
