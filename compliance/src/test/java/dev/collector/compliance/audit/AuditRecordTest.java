package dev.collector.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.compliance.guard.DialRequest;
import dev.collector.compliance.guard.Refusal;
import dev.collector.compliance.guard.Verdict;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Debtor;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");
    private static final DialRequest REQUEST = new DialRequest(
            new Case("CASE-A", "CAMP-1", new Debtor("D-1", "Ann"), List.of(), List.of("+447700900001", "+447700900002"),
                    ZoneId.of("Europe/London"), 1, NOW),
            NOW, false);
    private static final Refusal SKIPPED = Refusal.ofNumber("INVALID_NUMBER", "+447700900001", "invalid", Instant.MAX);

    @Test
    void a_permit_is_recorded_with_the_number_dialed_the_attempt_and_the_numbers_skipped() {
        AuditRecord record = AuditRecord.of(REQUEST, new Verdict.Permitted("+447700900002", List.of(SKIPPED)), "att-1");

        assertThat(record).isEqualTo(new AuditRecord(NOW, "CASE-A", "D-1", "CAMP-1", "PERMITTED", "+447700900002",
                "att-1", List.of(SKIPPED)));
    }

    @Test
    void a_refusal_is_recorded_with_every_reason_and_no_number() {
        AuditRecord record = AuditRecord.of(REQUEST, new Verdict.Refused(List.of(SKIPPED), Instant.MAX), "");

        assertThat(record).isEqualTo(new AuditRecord(NOW, "CASE-A", "D-1", "CAMP-1", "REFUSED", "", "",
                List.of(SKIPPED)));
    }
}
