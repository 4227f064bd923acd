package dev.collector.outcomes.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.collector.compliance.audit.AuditRecord;
import dev.collector.compliance.audit.ComplianceAudit;
import dev.collector.compliance.guard.Refusal;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.outcomes.node.NodeSettings;
import dev.collector.outcomes.testing.TestNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestNode.class)
class CassandraComplianceAuditTest {

    private static final Instant NINE_AM = Instant.parse("2026-11-23T09:00:00Z");

    private static OutcomeStore store;
    private static ComplianceAudit audit;

    @BeforeAll
    static void open(NodeSettings node) {
        store = OutcomeStore.open(OutcomeStoreSettings.defaults().withLocalNode(node).withKeyspace("audit_test"));
        audit = store.complianceAudit();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void a_refusal_reads_back_with_every_rule_and_its_figures() {
        String caseId = newId("case");
        AuditRecord refused = new AuditRecord(NINE_AM.plusMillis(250), caseId, "debtor-42", "spring-campaign",
                "REFUSED", "", "", List.of(
                        Refusal.ofCase("SEVEN_IN_SEVEN", "7 calls in the 7 days before 2026-11-23",
                                Instant.parse("2026-11-24T08:00:00Z")),
                        Refusal.ofNumber("CALLING_HOURS", "+4915112345678", "08:12 local is before 09:00",
                                Instant.parse("2026-11-23T09:00:00Z"))));

        await(audit.record(refused));

        assertThat(await(audit.decisionsOn(caseId))).containsExactly(refused);
    }

    @Test
    void a_permit_reads_back_with_its_number_attempt_and_the_numbers_skipped_before_it() {
        String caseId = newId("case");
        AuditRecord permitted = new AuditRecord(NINE_AM, caseId, "debtor-7", "spring-campaign", "PERMITTED",
                "+4930123456", "attempt-1", List.of(Refusal.ofNumber("NUMBER_ON_HOLD", "+4915100000000",
                        "the debtor asked not to be called on this number", Instant.MAX)));

        await(audit.record(permitted));

        AuditRecord read = await(audit.decisionsOn(caseId)).get(0);
        assertThat(read).isEqualTo(permitted);
        assertThat(read.refusals().get(0).lasting()).as("a hold lasts until lifted").isTrue();
    }

    @Test
    void a_permit_without_refusals_reads_back_with_an_empty_list() {
        String caseId = newId("case");
        AuditRecord permitted = new AuditRecord(NINE_AM, caseId, "debtor-7", "spring-campaign", "PERMITTED",
                "+4930123456", "attempt-2", List.of());

        await(audit.record(permitted));

        assertThat(await(audit.decisionsOn(caseId))).containsExactly(permitted);
    }

    @Test
    void a_cases_decisions_come_back_oldest_first_even_within_one_millisecond() {
        String caseId = newId("case");
        List<AuditRecord> decisions = List.of(
                refusedAt(caseId, NINE_AM.plusNanos(100_000)),
                refusedAt(caseId, NINE_AM.plusNanos(200_000)),
                refusedAt(caseId, NINE_AM.plusSeconds(60)),
                refusedAt(caseId, NINE_AM.plusSeconds(86_400)));

        for (int i : new int[] {3, 1, 0, 2}) {
            await(audit.record(decisions.get(i)));
        }

        assertThat(await(audit.decisionsOn(caseId))).extracting(AuditRecord::at).containsExactly(
                NINE_AM, NINE_AM, NINE_AM.plusSeconds(60), NINE_AM.plusSeconds(86_400));
        assertThat(rows("SELECT decision_id FROM audit_test.compliance_audit_by_case WHERE case_id = ?", caseId))
                .extracting(r -> r.getUuid("decision_id"))
                .containsExactly(decisions.stream().map(CassandraComplianceAudit::decisionId).toArray(UUID[]::new));
    }

    @Test
    void times_are_kept_to_the_millisecond() {
        String caseId = newId("case");
        Instant at = Instant.parse("2026-11-23T09:15:00.123456789Z");

        await(audit.record(refusedAt(caseId, at)));

        assertThat(await(audit.decisionsOn(caseId)).get(0).at()).isEqualTo(Instant.parse("2026-11-23T09:15:00.123Z"));
    }

    @Test
    void recording_the_same_decision_twice_keeps_one_row() {
        String caseId = newId("case");
        AuditRecord refused = refusedAt(caseId, NINE_AM);

        await(audit.record(refused));
        await(audit.record(refused));

        assertThat(await(audit.decisionsOn(caseId))).containsExactly(refused);
    }

    @Test
    void two_different_decisions_at_the_same_instant_are_both_kept() {
        String caseId = newId("case");
        AuditRecord first = refusedAt(caseId, NINE_AM);
        AuditRecord second = new AuditRecord(NINE_AM, caseId, "debtor-42", "spring-campaign", "PERMITTED",
                "+4930123456", "attempt-9", List.of());

        await(audit.record(first));
        await(audit.record(second));

        assertThat(await(audit.decisionsOn(caseId))).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void a_case_with_more_decisions_than_a_page_reads_back_whole() {
        String caseId = newId("case");
        List<AuditRecord> decisions = IntStream.range(0, 2 * CassandraComplianceAudit.PAGE_SIZE + 1)
                .mapToObj(i -> refusedAt(caseId, NINE_AM.plusSeconds(i)))
                .toList();

        for (int from = 0; from < decisions.size(); from += 250) { // at most 250 in flight
            await(CompletableFuture.allOf(decisions.subList(from, Math.min(from + 250, decisions.size())).stream()
                    .map(d -> audit.record(d).toCompletableFuture())
                    .toArray(CompletableFuture[]::new)));
        }

        assertThat(await(audit.decisionsOn(caseId))).containsExactlyElementsOf(decisions);
    }

    @Test
    void a_case_without_decisions_reads_back_empty() {
        assertThat(await(audit.decisionsOn(newId("case")))).isEmpty();
    }

    @Test
    void a_blank_case_id_is_refused_naming_the_field() {
        assertThatThrownBy(() -> await(audit.record(refusedAt(" ", NINE_AM))))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("caseId must not be blank");
    }

    @Test
    void a_decision_time_beyond_a_timestamp_is_refused_through_the_stage() {
        CompletionStage<Void> stage = audit.record(new AuditRecord(Instant.MAX, newId("case"), "debtor-42",
                "spring-campaign", "REFUSED", "", "", List.of()));

        assertThatThrownBy(() -> await(stage)).hasCauseInstanceOf(ExecutionException.class)
                .rootCause().isInstanceOfAny(IllegalArgumentException.class, ArithmeticException.class);
    }

    private static AuditRecord refusedAt(String caseId, Instant at) {
        return new AuditRecord(at, caseId, "debtor-42", "spring-campaign", "REFUSED", "", "",
                List.of(Refusal.ofCase("CALLING_HOURS", "outside the calling window", at.plusSeconds(3600))));
    }

    private static List<Row> rows(String cql, Object... values) {
        return store.session().execute(SimpleStatement.newInstance(cql, values)).all();
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
