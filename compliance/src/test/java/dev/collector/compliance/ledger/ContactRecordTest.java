package dev.collector.compliance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactRecordTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final ActiveDial DIAL = new ActiveDial("att-1", "CASE-A", "CAMP-1", "node-1", T0);

    private static ContactRecord everythingInIt() {
        return ContactRecord.empty("D-1")
                .withDialStarted(DIAL, List.of("C-1", "C-2"))
                .withConversation(List.of("C-1"), T0.plusSeconds(120))
                .withAbandon("+447700900001", T0.plusSeconds(3600))
                .withHold(new Hold(HoldReason.DISPUTE_OPEN, "C-2", "crm", T0))
                .withHold(new Hold(HoldReason.INVALID_NUMBER, "+447700900002", "dialer", T0));
    }

    @Test
    void an_empty_record_knows_nothing_of_the_debtor() {
        ContactRecord record = ContactRecord.empty("D-1");

        assertThat(record.debtorId()).isEqualTo("D-1");
        assertThat(record.attemptsOnDebt("C-1")).isEmpty();
        assertThat(record.lastConversationOnDebt("C-1")).isEmpty();
        assertThat(record.lastAbandonOn("+447700900001")).isEmpty();
        assertThat(record.holds()).isEmpty();
        assertThat(record.activeDial()).isEmpty();
    }

    @Test
    void a_record_survives_java_serialization_unchanged() throws IOException, ClassNotFoundException {
        ContactRecord record = everythingInIt();

        ContactRecord copy = roundTrip(record);

        assertThat(copy).isEqualTo(record).hasSameHashCodeAs(record).isNotSameAs(record);
        assertThat(copy.attemptsOnDebt("C-2")).containsExactly(T0);
        assertThat(copy.activeDial()).contains(DIAL);
        assertThat(copy.withDialEnded("att-1").activeDial()).isEmpty();
        assertThat(roundTrip(ContactRecord.empty("D-9"))).isEqualTo(ContactRecord.empty("D-9"));
    }

    @Test
    void starting_a_dial_counts_one_attempt_on_each_debt_and_marks_it_active() {
        ContactRecord record = ContactRecord.empty("D-1").withDialStarted(DIAL, List.of("C-1", "C-2", "C-1"));

        assertThat(record.attemptsOnDebt("C-1")).containsExactly(T0);
        assertThat(record.attemptsOnDebt("C-2")).containsExactly(T0);
        assertThat(record.attemptsOnDebt("C-3")).isEmpty();
        assertThat(record.activeDial()).contains(DIAL);
    }

    @Test
    void a_new_dial_replaces_the_active_one() {
        ActiveDial next = new ActiveDial("att-2", "CASE-B", "CAMP-2", "node-2", T0.plusSeconds(60));

        ContactRecord record = ContactRecord.empty("D-1").withDialStarted(DIAL, List.of("C-1"))
                .withDialStarted(next, List.of("C-3"));

        assertThat(record.activeDial()).contains(next);
        assertThat(record.attemptsOnDebt("C-1")).containsExactly(T0);
        assertThat(record.attemptsOnDebt("C-3")).containsExactly(T0.plusSeconds(60));
    }

    @Test
    void attempts_are_kept_oldest_first_whatever_order_they_arrive_in() {
        ActiveDial late = new ActiveDial("att-2", "CASE-A", "CAMP-1", "node-1", T0.plusSeconds(600));

        ContactRecord record = ContactRecord.empty("D-1").withDialStarted(late, List.of("C-1"))
                .withDialStarted(DIAL, List.of("C-1"));

        assertThat(record.attemptsOnDebt("C-1")).containsExactly(T0, T0.plusSeconds(600));
    }

    @Test
    void ending_a_dial_frees_the_debtor_only_for_its_own_attempt() {
        ContactRecord record = ContactRecord.empty("D-1").withDialStarted(DIAL, List.of("C-1"));

        assertThat(record.withDialEnded("att-0")).isEqualTo(record);
        assertThat(record.withDialEnded("att-1").activeDial()).isEmpty();
        assertThat(record.withDialEnded("att-1").attemptsOnDebt("C-1")).containsExactly(T0);
    }

    @Test
    void a_dial_never_placed_is_withdrawn_and_no_longer_counts() {
        ContactRecord earlier = ContactRecord.empty("D-1")
                .withDialStarted(new ActiveDial("att-0", "case-1", "camp", "node-1", T0.minusSeconds(3600)), List.of("C-1"))
                .withDialEnded("att-0");
        ContactRecord record = earlier.withDialStarted(DIAL, List.of("C-1", "C-2"));

        ContactRecord withdrawn = record.withDialWithdrawn("att-1", List.of("C-1", "C-2"));

        assertThat(withdrawn.attemptsOnDebt("C-1")).containsExactly(T0.minusSeconds(3600));
        assertThat(withdrawn.attemptsOnDebt("C-2")).isEmpty();
        assertThat(withdrawn.activeDial()).isEmpty();
        // Once the dial has ended (it rang), it can no longer be withdrawn.
        assertThat(record.withDialEnded("att-1").withDialWithdrawn("att-1", List.of("C-1")))
                .isEqualTo(record.withDialEnded("att-1"));
    }

    @Test
    void changes_leave_the_original_record_as_it_was() {
        ContactRecord original = ContactRecord.empty("D-1");

        original.withDialStarted(DIAL, List.of("C-1"))
                .withConversation(List.of("C-1"), T0)
                .withAbandon("+447700900001", T0)
                .withHold(new Hold(HoldReason.CEASE_CONTACT, "D-1", "crm", T0));

        assertThat(original).isEqualTo(ContactRecord.empty("D-1"));
    }

    @Test
    void what_a_record_hands_out_cannot_change_it() {
        ContactRecord record = everythingInIt();

        assertThatThrownBy(() -> record.attemptsOnDebt("C-1").add(T0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> record.holds().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_latest_conversation_and_abandon_are_kept() {
        ContactRecord record = ContactRecord.empty("D-1")
                .withConversation(List.of("C-1", "C-2"), T0.plusSeconds(100))
                .withConversation(List.of("C-1"), T0)
                .withAbandon("+447700900001", T0.plusSeconds(100))
                .withAbandon("+447700900001", T0);

        assertThat(record.lastConversationOnDebt("C-1")).contains(T0.plusSeconds(100));
        assertThat(record.lastConversationOnDebt("C-2")).contains(T0.plusSeconds(100));
        assertThat(record.lastAbandonOn("+447700900001")).contains(T0.plusSeconds(100));
    }

    @Test
    void placing_the_same_hold_again_changes_nothing() {
        ContactRecord held = ContactRecord.empty("D-1").withHold(new Hold(HoldReason.CEASE_CONTACT, "D-1", "crm", T0));

        ContactRecord again = held.withHold(new Hold(HoldReason.CEASE_CONTACT, "D-1", "agent-4", T0.plusSeconds(60)));

        assertThat(again).isEqualTo(held);
        assertThat(again.holds()).hasSize(1);
    }

    @Test
    void lifting_a_hold_matches_reason_and_subject_not_who_placed_it() {
        ContactRecord held = ContactRecord.empty("D-1")
                .withHold(new Hold(HoldReason.DO_NOT_CALL, "+447700900001", "agent-4", T0))
                .withHold(new Hold(HoldReason.DO_NOT_CALL, "+447700900002", "agent-4", T0));

        ContactRecord lifted = held.withoutHold(HoldReason.DO_NOT_CALL, "+447700900001");

        assertThat(lifted.holds()).containsExactly(new Hold(HoldReason.DO_NOT_CALL, "+447700900002", "agent-4", T0));
        assertThat(lifted.withoutHold(HoldReason.INVALID_NUMBER, "+447700900002")).isEqualTo(lifted);
    }

    @Test
    void pruning_drops_contacts_strictly_before_the_cutoff_and_keeps_holds_and_the_active_dial() {
        ActiveDial later = new ActiveDial("att-2", "CASE-A", "CAMP-1", "node-1", T0.plusSeconds(600));
        ContactRecord record = everythingInIt().withDialStarted(later, List.of("C-1"));

        ContactRecord pruned = record.prunedBefore(T0.plusSeconds(120));

        assertThat(pruned.attemptsOnDebt("C-1")).containsExactly(T0.plusSeconds(600));
        assertThat(pruned.attemptsOnDebt("C-2")).isEmpty();
        assertThat(pruned.lastConversationOnDebt("C-1")).contains(T0.plusSeconds(120));
        assertThat(pruned.lastAbandonOn("+447700900001")).contains(T0.plusSeconds(3600));
        assertThat(pruned.holds()).isEqualTo(record.holds());
        assertThat(pruned.activeDial()).contains(later);
        assertThat(record.prunedBefore(T0.plusSeconds(3601)).lastAbandonOn("+447700900001")).isEmpty();
        assertThat(record.prunedBefore(T0)).isEqualTo(record);
    }

    @Test
    void records_with_the_same_contacts_are_equal_and_say_what_they_hold() {
        assertThat(everythingInIt()).isEqualTo(everythingInIt()).hasSameHashCodeAs(everythingInIt());
        assertThat(everythingInIt()).isNotEqualTo(everythingInIt().withDialEnded("att-1"));
        assertThat(everythingInIt().toString()).contains("D-1", "C-2", "att-1", "DISPUTE_OPEN", "+447700900001");
    }

    private static ContactRecord roundTrip(ContactRecord record) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ContactRecord) in.readObject();
        }
    }
}
