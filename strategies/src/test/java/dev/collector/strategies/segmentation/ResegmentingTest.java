package dev.collector.strategies.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.strategies.book.CaseSituation;
import dev.collector.strategies.book.StrategyBook;
import dev.collector.strategies.book.StrategyBookLoader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResegmentingTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final StrategyBook book = StrategyBookLoader.parse("""
            { "seed": 1,
              "strategies": {
                "call": { "stages": [ { "on": "NEW", "actions": [ { "do": "CALL", "mode": "PROGRESSIVE", "cost": 0.6 } ] },
                                      { "on": "PROMISE_OPEN", "actions": [ { "do": "SMS", "template": "r", "cost": 0.05 } ] } ] },
                "letters": { "stages": [ { "on": "NEW", "actions": [ { "do": "LETTER", "template": "l", "cost": 1 } ] } ] },
                "agency": { "stages": [ { "on": "NEW", "actions": [ { "do": "AGENCY", "cost": 25 } ] } ] }
              },
              "segments": [
                { "name": "disputed", "when": { "disputed": true }, "champion": "letters" },
                { "name": "breakers", "when": { "brokenPromises": { "min": 2 } }, "champion": "agency" },
                { "name": "small", "when": { "amountDue": { "max": 100 } }, "champion": "letters" },
                { "name": "rest", "champion": "call" } ] }
            """, "test");

    /** The port as a plain map, the way the app's Hazelcast map behaves on one member. */
    private final Map<String, TrackedCase> store = new HashMap<>();
    private final Map<String, Case> callList = new HashMap<>();
    private final TrackedCases trackedCases = new TrackedCases() {
                @Override
                public Optional<TrackedCase> find(String caseId) {
                    return Optional.ofNullable(store.get(caseId));
                }

                @Override
                public boolean replace(Optional<TrackedCase> expected, TrackedCase next) {
                    return replaceInStore(expected, next);
                }

                @Override
                public List<String> casesOfDebtor(String debtorId) {
                    List<String> ids = new ArrayList<>();
                    store.values().forEach(t -> {
                        if (t.debtorId().equals(debtorId)) {
                            ids.add(t.caseId());
                        }
                    });
                    return ids;
                }
            };
    private final Resegmenting resegmenting = new Resegmenting(
            new AssigningStrategy(() -> book, Clock.fixed(NOW, ZoneOffset.UTC)), trackedCases,
            id -> Optional.ofNullable(callList.get(id)));

    @Test
    void a_case_loaded_in_bulk_is_assigned_when_asked_and_follows_its_debtors_dispute() {
        Set<String> disputedDebtors = new java.util.HashSet<>();
        Resegmenting lazy = new Resegmenting(new AssigningStrategy(() -> book, Clock.fixed(NOW, ZoneOffset.UTC)),
                trackedCases, id -> Optional.ofNullable(callList.get(id)), disputedDebtors::contains);
        callList.put("c3", caseOf("c3", "d3", "500"));   // admitted in bulk: nothing stored for it

        assertThat(lazy.current("c3").orElseThrow().assignment().segment()).isEqualTo("rest");
        assertThat(store).doesNotContainKey("c3");
        disputedDebtors.add("d3");
        assertThat(lazy.current("c3").orElseThrow().assignment().segment()).isEqualTo("disputed");

        // its first event stores its course, which starts from the dispute
        assertThat(lazy.attemptMade("c3", false).orElseThrow().segment()).isEqualTo("disputed");
        assertThat(store.get("c3").course().disputed()).isTrue();
        assertThat(lazy.current("not-a-case")).isEmpty();
    }

    @Test
    void every_state_change_segments_the_case_again() {
        Case aCase = admit("c1", "d1", "500");
        assertThat(resegmenting.caseAdmitted(aCase, "admitted").segment()).isEqualTo("rest");

        StrategyAssignment promised = resegmenting.outcomeRecorded(outcome("c1", new Disposition.PromiseToPay(
                new BigDecimal("200"), LocalDate.of(2026, 11, 30)))).orElseThrow();
        assertThat(promised.situation()).isEqualTo(CaseSituation.PROMISE_OPEN);
        assertThat(promised.nextActions()).containsExactly("SMS");
        assertThat(promised.cause()).isEqualTo("promise");
        assertThat(store.get("c1").promiseAgent()).isEqualTo("agent-01");

        resegmenting.promiseBroken("c1");
        resegmenting.promiseMadeElsewhere("c1");
        assertThat(resegmenting.promiseBroken("c1").orElseThrow().segment()).isEqualTo("breakers");

        // the CRM's update lowering the amount due: a payment, and the case is small now
        callList.put("c1", caseOf("c1", "d1", "80"));
        resegmenting.paymentReported("c1", new BigDecimal("420"));
        assertThat(store.get("c1").course().collected()).isEqualByComparingTo("420");

        List<StrategyAssignment> disputed = resegmenting.disputeChanged("d1", true);
        assertThat(disputed).extracting(StrategyAssignment::segment).containsExactly("disputed");
        assertThat(resegmenting.disputeChanged("d1", false)).extracting(StrategyAssignment::segment)
                .containsExactly("breakers");
    }

    @Test
    void a_case_the_call_list_no_longer_holds_keeps_its_last_assignment_and_counts_its_payment() {
        resegmenting.caseAdmitted(admit("c2", "d2", "50"), "admitted");
        callList.remove("c2");   // paid in full: cancelled

        StrategyAssignment kept = resegmenting.paymentReported("c2", new BigDecimal("50")).orElseThrow();

        assertThat(kept.segment()).isEqualTo("small");
        assertThat(store.get("c2").course().collected()).isEqualByComparingTo("50");
        assertThat(resegmenting.paymentReported("unknown", BigDecimal.ONE)).isEmpty();
    }

    @Test
    void a_case_moves_segment_when_time_alone_changes_it() {
        StrategyBook byAge = StrategyBookLoader.parse("""
                { "seed": 1,
                  "strategies": { "soft": { "stages": [ { "on": "NEW", "actions": [ { "do": "EMAIL", "template": "t", "cost": 0 } ] } ] },
                                  "hard": { "stages": [ { "on": "NEW", "actions": [ { "do": "AGENCY", "cost": 25 } ] } ] } },
                  "segments": [ { "name": "old", "when": { "daysPastDue": { "min": 60 } }, "champion": "hard" },
                                { "name": "young", "champion": "soft" } ] }
                """, "test");
        Resegmenting today = new Resegmenting(new AssigningStrategy(() -> byAge, Clock.fixed(NOW, ZoneOffset.UTC)),
                trackedCases(), id -> Optional.ofNullable(callList.get(id)));
        Resegmenting inTenDays = new Resegmenting(new AssigningStrategy(() -> byAge,
                Clock.fixed(NOW.plus(java.time.Duration.ofDays(10)), ZoneOffset.UTC)), trackedCases(),
                id -> Optional.ofNullable(callList.get(id)));
        // due 2026-10-01: 53 days past due on 2026-11-23, 63 ten days later
        assertThat(today.caseAdmitted(admit("c3", "d3", "500"), "admitted").segment()).isEqualTo("young");
        assertThat(today.timePassed("c3")).isEmpty();

        StrategyAssignment moved = inTenDays.timePassed("c3").orElseThrow();
        assertThat(moved.segment()).isEqualTo("old");
        assertThat(moved.cause()).isEqualTo("time passed");
        assertThat(store.get("c3").assignment().strategy()).isEqualTo("hard");
    }

    @Test
    void a_change_that_finds_the_case_changed_meanwhile_is_applied_to_the_newer_course() {
        Resegmenting first = new Resegmenting(new AssigningStrategy(() -> book, java.time.Clock.fixed(NOW,
                ZoneId.of("UTC"))), trackedCases, id -> Optional.ofNullable(callList.get(id)));
        admit("c9", "d9", "500");
        first.attemptMade("c9", false);
        // another member keeps its change between this member's read and its write
        TrackedCases racing = new TrackedCases() {
            private boolean raced;

            @Override
            public Optional<TrackedCase> find(String caseId) {
                return trackedCases.find(caseId);
            }

            @Override
            public boolean replace(Optional<TrackedCase> expected, TrackedCase next) {
                if (!raced) {
                    raced = true;
                    first.attemptMade(next.caseId(), false);
                }
                return trackedCases.replace(expected, next);
            }

            @Override
            public List<String> casesOfDebtor(String debtorId) {
                return trackedCases.casesOfDebtor(debtorId);
            }
        };
        Resegmenting second = new Resegmenting(new AssigningStrategy(() -> book, java.time.Clock.fixed(NOW,
                ZoneId.of("UTC"))), racing, id -> Optional.ofNullable(callList.get(id)));

        second.attemptMade("c9", false);

        assertThat(store.get("c9").course().attempts()).as("neither attempt lost").isEqualTo(3);
        assertThat(store.get("c9").revision()).isEqualTo(3);
    }

    /** Kept only over the revision read, as the Hazelcast map's entry processor does. */
    private boolean replaceInStore(Optional<TrackedCase> expected, TrackedCase next) {
        TrackedCase held = store.get(next.caseId());
        boolean same = expected.isEmpty() ? held == null : held != null && held.revision() == expected.get().revision();
        if (same) {
            store.put(next.caseId(), next);
        }
        return same;
    }

    private TrackedCases trackedCases() {
        return new TrackedCases() {
            @Override
            public Optional<TrackedCase> find(String caseId) {
                return Optional.ofNullable(store.get(caseId));
            }

            @Override
            public boolean replace(Optional<TrackedCase> expected, TrackedCase next) {
                return replaceInStore(expected, next);
            }

            @Override
            public List<String> casesOfDebtor(String debtorId) {
                return List.of();
            }
        };
    }

    private Case admit(String id, String debtor, String amount) {
        Case aCase = caseOf(id, debtor, amount);
        callList.put(id, aCase);
        return aCase;
    }

    private static Case caseOf(String id, String debtor, String amount) {
        return new Case(id, "camp", new Debtor(debtor, "D"),
                List.of(new Claim(id + "-1", new BigDecimal(amount), "EUR", LocalDate.of(2026, 10, 1))),
                List.of("+420601000001"), ZoneId.of("UTC"), 0, NOW, 0, "", Set.of());
    }

    private static Outcome outcome(String caseId, Disposition disposition) {
        return new Outcome("att-" + caseId, caseId, "camp", "d", "agent-01", disposition, "", NOW);
    }
}
