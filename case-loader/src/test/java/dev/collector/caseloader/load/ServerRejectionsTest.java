package dev.collector.caseloader.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest.FieldViolation;
import dev.collector.caseloader.csv.CaseLines;
import dev.collector.caseloader.report.RejectedRow;
import dev.collector.protos.v1.RejectedCase;
import dev.collector.protos.v1.RejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerRejectionsTest {

    static final CaseLines LINES = new CaseLines("C7", 40, List.of(40L, 41L, 43L));

    static FieldViolation violation(String field) {
        return FieldViolation.newBuilder().setField(field).setDescription("bad " + field).build();
    }

    @Test
    void aClaimsViolationLandsOnThatClaimsRowAndTheCaseFieldsOnTheCasesFirstRow() {
        RejectedCase rejected = RejectedCase.newBuilder().setIndex(3).setCaseId("C7")
                .setReason(RejectionReason.REJECTION_REASON_INVALID)
                .addViolations(violation("claims[2].amount_due.currency_code"))
                .addViolations(violation("claims[1].amount_due"))
                .addViolations(violation("claims[0].due_date"))
                .addViolations(violation("debtor.name"))
                .addViolations(violation("phone_numbers[1]"))
                .addViolations(violation("time_zone"))
                .build();

        assertThat(ServerRejections.rows(rejected, LINES)).containsExactly(
                new RejectedRow(43, "C7", "currency", "INVALID", "bad claims[2].amount_due.currency_code"),
                new RejectedRow(41, "C7", "amount", "INVALID", "bad claims[1].amount_due"),
                new RejectedRow(40, "C7", "due_date", "INVALID", "bad claims[0].due_date"),
                new RejectedRow(40, "C7", "debtor_name", "INVALID", "bad debtor.name"),
                new RejectedRow(40, "C7", "phone_numbers", "INVALID", "bad phone_numbers[1]"),
                new RejectedRow(40, "C7", "time_zone", "INVALID", "bad time_zone"));
    }

    @Test
    void aRejectionWithoutViolationsIsOneRowSayingWhy() {
        RejectedCase stale = RejectedCase.newBuilder().setIndex(0).setCaseId("C7")
                .setReason(RejectionReason.REJECTION_REASON_STALE_VERSION).build();

        assertThat(ServerRejections.rows(stale, LINES)).containsExactly(
                new RejectedRow(40, "C7", "", "STALE_VERSION", "the server holds a newer version of the case"));
    }
}
