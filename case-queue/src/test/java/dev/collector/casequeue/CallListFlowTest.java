package dev.collector.casequeue;

import static dev.collector.casequeue.Cases.T0;
import static dev.collector.casequeue.Cases.aCase;
import static dev.collector.casequeue.Cases.ended;
import static dev.collector.casequeue.Cases.openAllDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.compliance.audit.AuditRecord;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.DialLease;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.domain.outcome.PaymentChannel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call list on one Hazelcast member, in simulated time: ranking, leases, the guard, retries, holds. */
class CallListFlowTest {

    static HazelcastInstance member;
    static ExecutorService worker = Executors.newFixedThreadPool(2);

    SteppingClock clock;
    InMemoryComplianceAudit audit;
    HazelcastCallList list;

    @BeforeAll
    static void startMember() {
        member = HazelcastMember.start(new HazelcastSettings("case-queue-flow-" + ProcessHandle.current().pid(),
                "127.0.0.1", 5801, List.of()));
    }

    @AfterAll
    static void stop() {
        member.shutdown();
        worker.shutdownNow();
    }

    @BeforeEach
    void newCallList() {
        clock = new SteppingClock(T0);
        audit = new InMemoryComplianceAudit();
        list = new HazelcastCallList(member, worker, CaseQueueSettings.defaults(), audit, clock);
    }

    @Test
    void higher_priority_is_leased_first_and_equal_priorities_in_arrival_order() throws Exception {
        rulesFor("prio");
        admit(aCase("p-low", "prio", 1));
        admit(aCase("p-high", "prio", 9));
        admit(aCase("p-mid-1", "prio", 5));
        admit(aCase("p-mid-2", "prio", 5));

        assertThat(leaseNext("prio").map(DialLease::caseId)).contains("p-high");
        assertThat(leaseNext("prio").map(DialLease::caseId)).contains("p-mid-1");
        assertThat(leaseNext("prio").map(DialLease::caseId)).contains("p-mid-2");
        assertThat(leaseNext("prio").map(DialLease::caseId)).contains("p-low");
        assertThat(leaseNext("prio")).isEmpty();
    }

    @Test
    void a_case_updated_by_the_crm_is_ranked_anew_and_queued_once() throws Exception {
        rulesFor("rescore");
        admit(aCase("r-1", "rescore", 1));
        admit(aCase("r-2", "rescore", 5));
        admit(aCase("r-1", "rescore", 9)); // the CRM raised its priority
        admit(aCase("r-1", "rescore", 9)); // and resent the same batch

        assertThat(leaseNext("rescore").map(DialLease::caseId)).contains("r-1");
        assertThat(leaseNext("rescore").map(DialLease::caseId)).contains("r-2");
        assertThat(leaseNext("rescore")).isEmpty();
        assertThat(entry("r-1").attempts()).isEqualTo(1);
    }

    @Test
    void among_equal_priorities_the_older_debt_comes_first() throws Exception {
        rulesFor("dpd");
        admit(withDueDate(aCase("d-young", "dpd", 3), LocalDate.of(2026, 2, 20)));
        admit(withDueDate(aCase("d-old", "dpd", 3), LocalDate.of(2025, 10, 1)));

        assertThat(leaseNext("dpd").map(DialLease::caseId)).contains("d-old");
    }

    @Test
    void a_debtor_whose_night_it_is_waits_for_the_morning_and_is_not_lost() throws Exception {
        // 12:00 UTC is 21:00 in Tokyo: the window has just closed.
        list.defineRules(CampaignRules.strictest("tokyo")).toCompletableFuture().get();
        admit(Cases.aCase("t-1", "tokyo", "debtor-t-1", 1, "Asia/Tokyo", List.of("+81312345678"),
                List.of(new Claim("claim-t-1", new BigDecimal("100"), "JPY", LocalDate.of(2026, 1, 1)))));

        assertThat(leaseNext("tokyo")).isEmpty();
        CaseEntry scheduled = entry("t-1");
        assertThat(scheduled.status()).isEqualTo(CaseStatus.SCHEDULED);
        assertThat(scheduled.dueAt()).contains(Instant.parse("2026-03-04T23:00:00Z")); // 08:00 in Tokyo
        assertThat(scheduled.reason()).contains("CALLING_HOURS");
        assertThat(audit.all()).anySatisfy(r -> {
            assertThat(r.caseId()).isEqualTo("t-1");
            assertThat(r.decision()).isEqualTo("REFUSED");
        });

        clock.set(Instant.parse("2026-03-04T22:59:00Z"));
        list.maintenance().runOnce();
        assertThat(leaseNext("tokyo")).isEmpty();

        clock.set(Instant.parse("2026-03-04T23:00:00Z"));
        assertThat(list.maintenance().runOnce().promoted()).isGreaterThanOrEqualTo(1);
        assertThat(leaseNext("tokyo").map(DialLease::caseId)).contains("t-1");
    }

    @Test
    void unanswered_and_busy_calls_are_retried_by_the_schedule() throws Exception {
        rulesFor("retry");
        admit(aCase("na-1", "retry", 1));
        DialLease first = leaseNext("retry").orElseThrow();
        end(first, CallResult.NO_ANSWER);
        assertThat(entry("na-1").dueAt()).contains(T0.plus(Duration.ofHours(3)));

        clock.advance(Duration.ofHours(3));
        list.maintenance().runOnce();
        DialLease second = leaseNext("retry").orElseThrow();
        end(second, CallResult.BUSY);
        assertThat(entry("na-1").dueAt()).contains(clock.instant().plus(Duration.ofMinutes(20)));
        assertThat(entry("na-1").attempts()).isEqualTo(2);
    }

    @Test
    void the_eighth_attempt_in_seven_days_waits_until_the_first_leaves_the_week() throws Exception {
        rulesFor("seven");
        admit(aCase("s-1", "seven", 1));
        Instant firstDial = clock.instant();
        for (int i = 0; i < 7; i++) {
            DialLease lease = leaseNext("seven").orElseThrow();
            end(lease, CallResult.NO_ANSWER);
            clock.advance(Duration.ofHours(3));
            list.maintenance().runOnce();
        }
        assertThat(leaseNext("seven")).isEmpty();
        CaseEntry refused = entry("s-1");
        assertThat(refused.reason()).contains("SEVEN_IN_SEVEN");
        assertThat(refused.dueAt()).contains(firstDial.plus(Duration.ofDays(7)));

        clock.set(firstDial.plus(Duration.ofDays(7)));
        list.maintenance().runOnce();
        assertThat(leaseNext("seven").map(DialLease::caseId)).contains("s-1");
    }

    @Test
    void a_hold_placed_by_the_crm_mid_day_stops_dialing_until_it_is_lifted() throws Exception {
        rulesFor("hold");
        admit(aCase("h-1", "hold", 1));
        list.placeHold("debtor-h-1", new Hold(HoldReason.CEASE_CONTACT, "debtor-h-1", "crm", clock.instant()))
                .toCompletableFuture().get();

        assertThat(leaseNext("hold")).isEmpty();
        assertThat(entry("h-1").status()).isEqualTo(CaseStatus.HELD);
        assertThat(entry("h-1").reason()).contains("CEASE_CONTACT");

        list.liftHold("debtor-h-1", HoldReason.CEASE_CONTACT, "debtor-h-1").toCompletableFuture().get();
        assertThat(entry("h-1").status()).isEqualTo(CaseStatus.WAITING);
        assertThat(leaseNext("hold").map(DialLease::caseId)).contains("h-1");
    }

    @Test
    void a_debtor_in_two_campaigns_is_never_called_by_both_at_once() throws Exception {
        rulesFor("cards");
        rulesFor("loans");
        List<String> phones = List.of("+420601000002");
        admit(Cases.aCase("card-1", "cards", "debtor-both", 1, "Europe/Prague", phones,
                List.of(new Claim("card-debt", BigDecimal.TEN, "CZK", LocalDate.of(2026, 1, 1)))));
        admit(Cases.aCase("loan-1", "loans", "debtor-both", 1, "Europe/Prague", phones,
                List.of(new Claim("loan-debt", BigDecimal.TEN, "CZK", LocalDate.of(2026, 1, 1)))));

        DialLease card = leaseNext("cards").orElseThrow();
        assertThat(leaseNext("loans")).isEmpty();
        assertThat(entry("loan-1").reason()).contains("DEBTOR_BEING_CALLED");

        end(card, CallResult.NO_ANSWER);
        clock.advance(Duration.ofMinutes(1));
        list.maintenance().runOnce();
        assertThat(leaseNext("loans").map(DialLease::caseId)).contains("loan-1");
    }

    @Test
    void after_an_abandoned_call_the_number_rests_for_72_hours() throws Exception {
        rulesFor("abandon");
        admit(aCase("a-1", "abandon", 1));
        end(leaseNext("abandon").orElseThrow(), CallResult.ABANDONED);

        clock.advance(Duration.ofHours(1));
        list.maintenance().runOnce();
        assertThat(leaseNext("abandon")).isEmpty();
        assertThat(entry("a-1").reason()).contains("ABANDON_LOCKOUT");
        // The lockout runs from when the debtor answered and heard no agent.
        assertThat(entry("a-1").dueAt()).contains(T0.plusSeconds(10).plus(Duration.ofHours(72)));
    }

    @Test
    void a_wrong_party_number_is_never_dialed_again_for_that_debtor() throws Exception {
        rulesFor("wrong");
        admit(Cases.aCase("w-1", "wrong", "debtor-w-1", 1, "Europe/Prague", List.of("+420601000003", "+420601000004"),
                List.of(new Claim("claim-w-1", BigDecimal.TEN, "CZK", LocalDate.of(2026, 1, 1)))));
        DialLease first = leaseNext("wrong").orElseThrow();
        assertThat(first.phoneNumber()).isEqualTo("+420601000003");
        end(first, CallResult.ANSWERED);
        dispose(first, new Disposition.WrongParty());

        // No 7-day quiet period: the conversation was not with the debtor... but the guard cannot
        // know; it keeps the quiet period, and the next call goes to the second number after it.
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        list.maintenance().runOnce();
        DialLease second = leaseNext("wrong").orElseThrow();
        assertThat(second.phoneNumber()).isEqualTo("+420601000004");
        assertThat(list.recordOf("debtor-w-1").toCompletableFuture().get().orElseThrow().holds())
                .anySatisfy(h -> assertThat(h.reason()).isEqualTo(HoldReason.INVALID_NUMBER));
    }

    @Test
    void a_promise_is_followed_up_the_morning_after_it_falls_due() throws Exception {
        rulesFor("promise");
        admit(aCase("pr-1", "promise", 1));
        DialLease lease = leaseNext("promise").orElseThrow();
        end(lease, CallResult.ANSWERED);
        assertThat(entry("pr-1").isAwaitingDisposition()).isTrue();

        dispose(lease, new Disposition.PromiseToPay(new BigDecimal("50.00"), LocalDate.of(2026, 3, 10)));
        assertThat(entry("pr-1").status()).isEqualTo(CaseStatus.SCHEDULED);
        assertThat(entry("pr-1").dueAt()).contains(Instant.parse("2026-03-11T09:00:00Z")); // 10:00 in Prague
    }

    @Test
    void a_callback_the_debtor_asked_for_is_dialed_then_despite_the_quiet_period() throws Exception {
        rulesFor("callback");
        admit(aCase("cb-1", "callback", 1));
        DialLease lease = leaseNext("callback").orElseThrow();
        end(lease, CallResult.ANSWERED);
        Instant tomorrow = T0.plus(Duration.ofDays(1));
        dispose(lease, new Disposition.CallbackRequested(tomorrow));
        assertThat(entry("cb-1").dueAt()).contains(tomorrow);
        assertThat(entry("cb-1").callbackRequested()).isTrue();

        clock.set(tomorrow);
        list.maintenance().runOnce();
        assertThat(leaseNext("callback").map(DialLease::caseId)).contains("cb-1");
    }

    @Test
    void a_payment_of_all_that_is_due_holds_the_case_until_the_crm_books_it_and_a_third_party_brings_a_retry_next_day()
            throws Exception {
        rulesFor("paid");
        admit(aCase("pd-1", "paid", 1)); // owes 100.00
        admit(aCase("tp-1", "paid", 1));
        DialLease paid = leaseNext("paid").orElseThrow();
        end(paid, CallResult.ANSWERED);
        dispose(paid, new Disposition.PaymentTaken(new BigDecimal("100.00"), PaymentChannel.CARD));
        assertThat(entry("pd-1").status()).isEqualTo(CaseStatus.HELD);
        assertThat(entry("pd-1").reason()).isEqualTo("PAID_IN_FULL_AWAITING_CRM");
        // the CRM's payment update (or a cancellation) closes it
        list.cancel("pd-1", "paid in full").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(entry("pd-1").status()).isEqualTo(CaseStatus.CLOSED);

        DialLease message = leaseNext("paid").orElseThrow();
        end(message, CallResult.ANSWERED);
        dispose(message, new Disposition.ThirdParty());
        assertThat(entry("tp-1").status()).isEqualTo(CaseStatus.SCHEDULED);
        assertThat(entry("tp-1").dueAt()).contains(clock.instant().plus(Duration.ofHours(27)));
        assertThat(entry("tp-1").reason()).isEqualTo("third party took a message");
    }

    @Test
    void a_disputed_debt_is_held_until_the_crm_closes_the_dispute() throws Exception {
        rulesFor("dispute");
        admit(aCase("dp-1", "dispute", 1));
        DialLease lease = leaseNext("dispute").orElseThrow();
        end(lease, CallResult.ANSWERED);
        dispose(lease, new Disposition.Disputed());
        assertThat(entry("dp-1").status()).isEqualTo(CaseStatus.HELD);

        list.liftHold("debtor-dp-1", HoldReason.DISPUTE_OPEN, "claim-dp-1").toCompletableFuture().get();
        assertThat(entry("dp-1").status()).isEqualTo(CaseStatus.WAITING);
        // ...and the guard still keeps the week's quiet after the conversation.
        assertThat(leaseNext("dispute")).isEmpty();
        assertThat(entry("dp-1").reason()).contains("CONVERSATION_QUIET_PERIOD");
    }

    @Test
    void a_case_postponed_by_the_crm_waits_until_then() throws Exception {
        rulesFor("postpone");
        admit(aCase("po-1", "postpone", 1));
        Instant nextWeek = T0.plus(Duration.ofDays(7));
        assertThat(list.postpone("po-1", nextWeek, "promise made to the CRM").toCompletableFuture().get()).isTrue();
        assertThat(leaseNext("postpone")).isEmpty();
        assertThat(entry("po-1").dueAt()).contains(nextWeek);

        clock.set(nextWeek);
        list.maintenance().runOnce();
        assertThat(leaseNext("postpone").map(DialLease::caseId)).contains("po-1");
    }

    @Test
    void a_cancelled_case_is_never_dialed_and_a_call_in_progress_closes_it() throws Exception {
        rulesFor("cancel");
        admit(aCase("c-1", "cancel", 1));
        admit(aCase("c-2", "cancel", 2));
        DialLease inProgress = leaseNext("cancel").orElseThrow();
        assertThat(inProgress.caseId()).isEqualTo("c-2");

        list.cancel("c-1", "paid in full").toCompletableFuture().get();
        list.cancel("c-2", "paid in full").toCompletableFuture().get();
        assertThat(leaseNext("cancel")).isEmpty();

        end(inProgress, CallResult.NO_ANSWER);
        assertThat(entry("c-2").status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(entry("c-1").status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void a_lease_its_holder_stops_renewing_lapses_and_the_case_waits_again_once() throws Exception {
        rulesFor("lapse");
        admit(aCase("l-1", "lapse", 1));
        DialLease lease = leaseNext("lapse").orElseThrow();
        list.ownLeases().clear(); // as if the holder had stalled: nobody renews

        clock.advance(CaseQueueSettings.defaults().leaseTtl().plusSeconds(1));
        // (other tests' leases on this member lapse too: count only this case)
        assertThat(list.maintenance().runOnce().reclaimed()).isPositive();
        list.maintenance().runOnce();
        assertThat(entry("l-1").status()).isEqualTo(CaseStatus.WAITING);
        assertThat(entry("l-1").attempts()).isEqualTo(1);

        // The stalled holder's late report changes nothing.
        end(lease, CallResult.NO_ANSWER);
        assertThat(entry("l-1").status()).isEqualTo(CaseStatus.WAITING);
        assertThat(leaseNext("lapse").map(DialLease::caseId)).contains("l-1");
        assertThat(leaseNext("lapse")).as("requeued once").isEmpty();
        assertThat(entry("l-1").attempts()).isEqualTo(2);
    }

    @Test
    void a_lease_handed_back_undialed_waits_again_without_counting_an_attempt() throws Exception {
        rulesFor("undialed");
        admit(aCase("u-1", "undialed", 1));
        DialLease lease = leaseNext("undialed").orElseThrow();
        list.notDialed(lease).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(entry("u-1").status()).isEqualTo(CaseStatus.WAITING);
        assertThat(entry("u-1").attempts()).isZero();
        assertThat(list.recordOf("debtor-u-1").toCompletableFuture().get().orElseThrow().attemptsOnDebt("claim-u-1"))
                .isEmpty();
        assertThat(leaseNext("undialed").map(DialLease::caseId)).contains("u-1");
    }

    @Test
    void a_queue_entry_taken_by_a_member_that_died_before_leasing_is_restored_and_none_doubled() throws Exception {
        rulesFor("lost");
        for (int i = 1; i <= 2; i++) {
            admit(aCase("l-" + i, "lost", "debtor-l-" + i, 1, "Europe/Prague", List.of("+42060100010" + i),
                    List.of(new dev.collector.domain.casework.Claim("claim-l-" + i, new java.math.BigDecimal("100.00"),
                            "CZK", java.time.LocalDate.of(2026, 1, 1)))));
        }
        // a member takes l-1's entry from the queue and dies before it leases the case
        QueuedCase taken = member.<QueuedCase>getQueue(HazelcastCallList.QUEUE_PREFIX + "lost").poll();
        assertThat(taken.caseId()).isEqualTo("l-1");

        assertThat(list.maintenance().restoreLostQueueEntries()).isEqualTo(1);
        assertThat(list.maintenance().restoreLostQueueEntries()).isZero();   // l-2's entry was there all along

        assertThat(member.<QueuedCase>getQueue(HazelcastCallList.QUEUE_PREFIX + "lost"))
                .extracting(QueuedCase::caseId, QueuedCase::ticket)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("l-1", entry("l-1").ticket()),
                        org.assertj.core.groups.Tuple.tuple("l-2", entry("l-2").ticket()));
    }

    @Test
    void a_call_placed_by_a_node_that_left_the_cluster_holds_the_debtor_until_it_counts_as_orphaned() throws Exception {
        rulesFor("void");
        admit(aCase("v-1", "void", 1));
        // The node died with the call placed: it may still be up on the PBX, nobody left to end it.
        member.getMap(HazelcastCallList.CONTACT_RECORDS).set("debtor-v-1", dev.collector.compliance.ledger.ContactRecord
                .empty("debtor-v-1").withDialStarted(new dev.collector.compliance.ledger.ActiveDial(
                        "late-attempt", "v-1", "void", "a-member-gone", T0.minusSeconds(5)), List.of()));

        assertThat(leaseNext("void")).isEmpty();
        assertThat(entry("v-1").status()).isEqualTo(CaseStatus.SCHEDULED);

        clock.set(T0.minusSeconds(5).plus(dev.collector.compliance.guard.policies.OneDialAtATimePolicy.ORPHANED_AFTER));
        list.maintenance().runOnce();
        assertThat(leaseNext("void").map(DialLease::caseId)).contains("v-1");
    }

    @Test
    void every_permit_is_audited_with_the_number_dialed() throws Exception {
        rulesFor("audit");
        admit(aCase("au-1", "audit", 1));
        DialLease lease = leaseNext("audit").orElseThrow();
        List<AuditRecord> decisions = audit.decisionsOn("au-1").toCompletableFuture().get();
        assertThat(decisions).singleElement().satisfies(r -> {
            assertThat(r.decision()).isEqualTo("PERMITTED");
            assertThat(r.attemptId()).isEqualTo(lease.attemptId());
            assertThat(r.phoneNumber()).isEqualTo(lease.phoneNumber());
        });
    }

    // --- helpers -------------------------------------------------------------------------------

    private void rulesFor(String campaignId) throws Exception {
        list.defineRules(openAllDay(campaignId)).toCompletableFuture().get();
    }

    private void admit(Case aCase) throws Exception {
        list.admit(aCase).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private Optional<DialLease> leaseNext(String campaignId) throws Exception {
        return list.leaseNext(campaignId).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private void end(DialLease lease, CallResult result) throws Exception {
        list.callEnded(lease, ended(lease, result, clock.instant())).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private void dispose(DialLease lease, Disposition disposition) throws Exception {
        list.dispositionRecorded(new Outcome(lease.attemptId(), lease.caseId(), lease.aCase().campaignId(),
                lease.aCase().debtor().debtorId(), "agent-1", disposition, "", clock.instant()))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private CaseEntry entry(String caseId) throws Exception {
        return list.entryOf(caseId).toCompletableFuture().get(5, TimeUnit.SECONDS).orElseThrow();
    }

    private static Case withDueDate(Case aCase, LocalDate due) {
        return new Case(aCase.caseId(), aCase.campaignId(), aCase.debtor(),
                List.of(new Claim("claim-" + aCase.caseId(), new BigDecimal("100.00"), "CZK", due)),
                aCase.phoneNumbers(), aCase.timeZone(), aCase.priority(), aCase.receivedAt());
    }
}
