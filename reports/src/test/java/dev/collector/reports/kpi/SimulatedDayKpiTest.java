package dev.collector.reports.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.store.Delivery;
import dev.collector.followups.task.FollowUpTask;
import dev.collector.followups.task.TaskKind;
import dev.collector.followups.task.TaskStatus;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.OutcomeStoreSettings;
import dev.collector.outcomes.node.NodeSettings;
import dev.collector.outcomes.testing.TestNode;
import dev.collector.reports.comparison.StrategyComparisonReport;
import dev.collector.reports.ledger.CassandraReportLedger;
import dev.collector.reports.ledger.PaymentRow;
import dev.collector.reports.ledger.ReportRows;
import dev.collector.reports.ledger.Tags;
import dev.collector.strategies.comparison.CaseResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seeded simulated day written to a real Cassandra node through the report ledger, read back and
 * reported; every expected figure is counted here, from the raw list of what happened, by the
 * definitions on the report page, not by the code under test.
 */
@ExtendWith(TestNode.class)
class SimulatedDayKpiTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final Instant FROM = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant TO = FROM.plus(Duration.ofDays(1));
    private static final Instant AS_OF = FROM.plus(Duration.ofDays(10));
    private static final Set<String> REACHED = Set.of("PROMISE_TO_PAY", "PAYMENT_TAKEN", "REFUSED", "DISPUTED",
            "CALLBACK_REQUESTED", "CEASE_CONTACT");

    private static OutcomeStore store;
    private static CassandraReportLedger ledger;
    private static final Day day = simulate(2026_11_23L);

    @BeforeAll
    static void writeTheDay(NodeSettings node) {
        store = OutcomeStore.open(OutcomeStoreSettings.defaults().withLocalNode(node).withKeyspace("reports_test"));
        ledger = CassandraReportLedger.prepare(store.session(), store.keyspace());
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {   // everything written twice: a re-sent row must not count twice
            for (CallAttempt a : day.attempts) {
                writes.add(ledger.recordAttempt(a, day.tagsOf(a.caseId(), a.agentId().orElse(""), "CALL")).toCompletableFuture());
                settleEvery(WRITES_IN_FLIGHT, writes);
            }
            for (Outcome o : day.outcomes) {
                writes.add(ledger.recordOutcome(o, day.tagsOf(o.caseId(), o.agentId(), "CALL")).toCompletableFuture());
                settleEvery(WRITES_IN_FLIGHT, writes);
            }
            for (PaymentRow p : day.payments) {
                writes.add(ledger.recordPayment(p).toCompletableFuture());
                settleEvery(WRITES_IN_FLIGHT, writes);
            }
        }
        settleEvery(1, writes);
        // the follow-up engine's store writes its tasks and deliveries as the engine would
        CassandraFollowUpStore followUps = CassandraFollowUpStore.prepare(store.session(), store.keyspace());
        for (SimTask t : day.tasks) {
            followUps.create(t.task(), t.task().createdAt());
            if (t.status() != TaskStatus.PENDING) {
                followUps.save(t.task().withStatus(t.status()), t.changedAt());
            }
            t.deliveries().forEach(followUps::recordDelivery);
            actionCost(t).ifPresent(cost -> followUps.recordActionCost(t.task().taskId(), cost));
        }
    }

    /**
     * A third of the non-call tasks carry out a strategy's action with its cost (what the follow-up
     * engine records for stage actions); only on cases dialed in the period, so each cost lands under
     * a strategy the comparison knows.
     */
    private static Optional<BigDecimal> actionCost(SimTask t) {
        FollowUpTask task = t.task();
        boolean dialedInPeriod = day.attempts.stream().anyMatch(a -> a.caseId().equals(task.caseId())
                && !a.dialedAt().isBefore(FROM) && a.dialedAt().isBefore(TO));
        if (task.kind() == TaskKind.CALL || Math.floorMod(task.taskId().hashCode(), 3) != 0 || !dialedInPeriod) {
            return Optional.empty();
        }
        return Optional.of(task.kind() == TaskKind.LETTER ? new BigDecimal("1.20") : new BigDecimal("0.08"));
    }

    /**
     * Thousands of writes sent at once exhaust the driver's requests per connection ("no connection
     * was available"); the ledger's callers write one event at a time, so the test keeps a window.
     */
    private static final int WRITES_IN_FLIGHT = 256;

    private static void settleEvery(int window, List<CompletableFuture<Void>> writes) {
        if (writes.size() >= window) {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
            writes.clear();
        }
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void kpis_per_agent_match_the_raw_outcomes() {
        checkAgainstRaw(Dimension.AGENT, a -> a.agent, "agent");
    }

    @Test
    void kpis_per_team_strategy_and_segment_match_the_raw_outcomes() {
        checkAgainstRaw(Dimension.TEAM, a -> day.teams.get(a.agent), "team");
        // a follow-up task takes its case's segment and strategy from the case's report rows: none without rows
        checkAgainstRaw(Dimension.STRATEGY, a -> day.hasRows(a.caseId) ? day.strategyOf.get(a.caseId) : null, "strategy");
        checkAgainstRaw(Dimension.SEGMENT, a -> day.hasRows(a.caseId) ? day.segmentOf.get(a.caseId) : null, "segment");
        checkAgainstRaw(Dimension.CAMPAIGN, a -> a.campaign, "campaign");
    }

    @Test
    void kpis_per_channel_have_a_row_for_each_follow_up_channel_beside_calls() {
        List<KpiRow> report = checkAgainstRaw(Dimension.CHANNEL, a -> a.channel, "channel");

        assertThat(report).extracting(KpiRow::key).contains("CALL", "CRM", "SMS", "EMAIL", "LETTER");
        KpiRow sms = report.stream().filter(r -> r.key().equals("SMS")).findFirst().orElseThrow();
        assertThat(sms.deliveries()).isEqualTo(sms.delivered() + sms.deliveryFailures());
        assertThat(sms.delivered()).isPositive();
        assertThat(sms.deliveryFailures()).isPositive();
        KpiRow letters = report.stream().filter(r -> r.key().equals("LETTER")).findFirst().orElseThrow();
        assertThat(letters.deliveries()).as("letters are done by people, not delivered by a gateway").isZero();
        assertThat(letters.slaCompliance()).isBetween(0.05, 0.95);
    }

    @Test
    void sla_compliance_before_the_day_is_over_judges_only_tasks_done_or_past_their_deadline() {
        Instant asOf = FROM.plus(Duration.ofHours(15));
        List<KpiRow> report = ComputingKpis.compute(ledger.read(FROM, TO, AS_OF), Dimension.CAMPAIGN, FROM, TO, asOf);

        Map<String, long[]> expected = new TreeMap<>();   // campaign -> {tasks, due, met}
        for (SimTask t : day.tasks) {
            FollowUpTask task = t.task();
            if (task.deadline().isBefore(FROM) || !task.deadline().isBefore(TO)) {
                continue;
            }
            long[] e = expected.computeIfAbsent(task.campaignId(), k -> new long[3]);
            e[0]++;
            boolean done = t.status() == TaskStatus.DONE;
            if (t.status() != TaskStatus.SUPPRESSED && (done || !task.deadline().isAfter(asOf))) {
                e[1]++;
                if (done && !t.changedAt().isAfter(task.deadline())) {
                    e[2]++;
                }
            }
        }
        for (KpiRow row : report) {
            long[] e = expected.getOrDefault(row.key(), new long[3]);
            assertThat(row.followUpTasks()).as(row.key()).isEqualTo(e[0]);
            assertThat(row.slaDue()).as(row.key()).isEqualTo(e[1]);
            assertThat(row.slaMet()).as(row.key()).isEqualTo(e[2]);
        }
        long judgedLater = report.stream().mapToLong(r -> r.followUpTasks() - r.slaDue()).sum();
        assertThat(judgedLater).as("open tasks whose deadline is still ahead are not judged").isGreaterThan(5);
    }

    @Test
    void the_strategy_comparison_counts_each_case_once_with_its_contacts_and_money() {
        ReportRows rows = ledger.read(FROM, TO, AS_OF);
        List<CaseResult> results = StrategyComparisonReport.caseResults(rows, FROM, TO, AS_OF);

        Map<String, Integer> contacts = new TreeMap<>();
        Map<String, BigDecimal> collected = new TreeMap<>();
        Map<String, BigDecimal> cost = new TreeMap<>();
        for (CallAttempt a : day.attempts) {
            String s = day.strategyOf.get(a.caseId());
            contacts.merge(s, a.result() == CallResult.ANSWERED ? 1 : 0, Integer::sum);
            cost.merge(s, day.costOf.get(s), BigDecimal::add);
        }
        // the strategy's SMS, e-mails, letters and hand-overs carried out in the period cost too; the
        // ledger reads the tasks due in the period and those delivered in it
        BigDecimal actionCosts = BigDecimal.ZERO;
        for (SimTask t : day.tasks) {
            Optional<BigDecimal> taskCost = actionCost(t);
            boolean read = inPeriod(t.task().deadline())
                    || t.deliveries().stream().anyMatch(d -> inPeriod(d.attemptedAt()));
            if (taskCost.isPresent() && read && t.status() == TaskStatus.DONE && inPeriod(t.changedAt())) {
                cost.merge(day.strategyOf.get(t.task().caseId()), taskCost.get(), BigDecimal::add);
                actionCosts = actionCosts.add(taskCost.get());
            }
        }
        assertThat(actionCosts).as("the day has strategy actions carried out in the period").isPositive();
        for (PaymentRow p : day.payments) {
            if (p.paidAt().isBefore(TO)) {
                collected.merge(p.strategy(), p.amount(), BigDecimal::add);
            }
        }
        Map<String, Integer> gotContacts = new TreeMap<>();
        Map<String, BigDecimal> gotCollected = new TreeMap<>();
        Map<String, BigDecimal> gotCost = new TreeMap<>();
        for (CaseResult r : results) {
            gotContacts.merge(r.strategy(), r.contacts(), Integer::sum);
            gotCollected.merge(r.strategy(), r.collected(), BigDecimal::add);
            gotCost.merge(r.strategy(), r.cost(), BigDecimal::add);
        }
        assertThat(gotContacts).isEqualTo(contacts);
        assertThat(gotCost.keySet()).isEqualTo(cost.keySet());
        cost.forEach((s, c) -> assertThat(gotCost.get(s)).isEqualByComparingTo(c));
        collected.forEach((s, c) -> assertThat(gotCollected.get(s)).isEqualByComparingTo(c));
        assertThat(results).extracting(CaseResult::caseId).doesNotHaveDuplicates();
    }

    private static boolean inPeriod(Instant at) {
        return !at.isBefore(FROM) && at.isBefore(TO);
    }

    private List<KpiRow> checkAgainstRaw(Dimension by, Function<Raw, String> keyOf, String what) {
        List<KpiRow> report = ComputingKpis.compute(ledger.read(FROM, TO, AS_OF), by, FROM, TO, AS_OF);

        Map<String, Expected> expected = new TreeMap<>();
        for (CallAttempt a : day.attempts) {
            Expected e = expected.computeIfAbsent(key(keyOf.apply(Raw.of(a))), k -> new Expected());
            e.calls++;
            if (a.result() == CallResult.ANSWERED) {
                e.answered++;
            }
            if (a.result() == CallResult.ABANDONED) {
                e.abandoned++;
            }
            e.talk += a.talkTime().getSeconds();
            e.hours.add(a.dialedAt().truncatedTo(ChronoUnit.HOURS));
        }
        for (Outcome o : day.outcomes) {
            Expected e = expected.computeIfAbsent(key(keyOf.apply(Raw.of(o, day))), k -> new Expected());
            if (REACHED.contains(o.disposition().code())) {
                e.reached++;
            }
            if (o.disposition() instanceof Disposition.PromiseToPay) {
                Disposition.PromiseToPay p = (Disposition.PromiseToPay) o.disposition();
                e.promises++;
                e.promised = e.promised.add(p.amount());
                e.due++;   // AS_OF is ten days on: every promise of the day has fallen due
                Instant graceEnds = p.promisedFor().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
                BigDecimal paid = BigDecimal.ZERO;
                for (PaymentRow pay : day.payments) {
                    if (pay.caseId().equals(o.caseId()) && !pay.paidAt().isBefore(o.recordedAt())
                            && pay.paidAt().isBefore(graceEnds)) {
                        paid = paid.add(pay.amount());
                    }
                }
                if (paid.compareTo(p.amount()) >= 0) {
                    e.kept++;
                }
            }
        }
        for (PaymentRow p : day.payments) {
            if (!p.paidAt().isBefore(TO)) {
                continue;
            }
            Expected e = expected.computeIfAbsent(key(keyOf.apply(Raw.of(p))), k -> new Expected());
            e.collected = e.collected.add(p.amount());
        }
        Map<String, Raw> taskRaw = new HashMap<>();
        for (SimTask t : day.tasks) {
            FollowUpTask task = t.task();
            Raw raw = Raw.of(task);
            taskRaw.put(task.taskId(), raw);
            if (task.deadline().isBefore(FROM) || !task.deadline().isBefore(TO)) {
                continue;
            }
            Expected e = expected.computeIfAbsent(key(keyOf.apply(raw)), k -> new Expected());
            e.tasks++;
            if (t.status() == TaskStatus.SUPPRESSED) {
                continue;
            }
            e.slaDue++;   // AS_OF is ten days on: every deadline of the day has passed
            if (t.status() == TaskStatus.DONE && !t.changedAt().isAfter(task.deadline())) {
                e.slaMet++;
            }
        }
        for (SimTask t : day.tasks) {
            for (Delivery d : t.deliveries()) {
                if (d.attemptedAt().isBefore(FROM) || !d.attemptedAt().isBefore(TO)) {
                    continue;
                }
                Expected e = expected.computeIfAbsent(key(keyOf.apply(taskRaw.get(d.taskId()))), k -> new Expected());
                e.deliveries++;
                if (d.delivered()) {
                    e.delivered++;
                } else {
                    e.failed++;
                }
            }
        }

        assertThat(report).extracting(KpiRow::key).as(what).containsExactlyElementsOf(expected.keySet());
        for (KpiRow row : report) {
            Expected e = expected.get(row.key());
            String as = what + " " + row.key();
            assertThat(row.calls()).as(as).isEqualTo(e.calls);
            assertThat(row.answered()).as(as).isEqualTo(e.answered);
            assertThat(row.abandoned()).as(as).isEqualTo(e.abandoned);
            assertRate(row.abandonRate(), e.abandoned, e.answered + e.abandoned, as);
            assertThat(row.rightPartyContacts()).as(as).isEqualTo(e.reached);
            assertRate(row.rightPartyContactRate(), e.reached, e.answered, as);
            assertThat(row.promises()).as(as).isEqualTo(e.promises);
            assertRate(row.promiseRate(), e.promises, e.reached, as);
            assertThat(row.amountPromised()).as(as).isEqualByComparingTo(e.promised);
            assertThat(row.promisesDue()).as(as).isEqualTo(e.due);
            assertThat(row.promisesKept()).as(as).isEqualTo(e.kept);
            assertThat(row.amountCollected()).as(as).isEqualByComparingTo(e.collected);
            assertThat(row.talkSeconds()).as(as).isEqualTo(e.talk);
            assertThat(row.activeHours()).as(as).isEqualTo(e.hours.size());
            assertRate(row.callsPerHour(), e.calls, e.hours.size(), as);
            assertRate(row.talkMinutesPerHour(), e.talk / 60.0, e.hours.size(), as);
            assertThat(row.followUpTasks()).as(as).isEqualTo(e.tasks);
            assertThat(row.slaDue()).as(as).isEqualTo(e.slaDue);
            assertThat(row.slaMet()).as(as).isEqualTo(e.slaMet);
            assertRate(row.slaCompliance(), e.slaMet, e.slaDue, as);
            assertThat(row.deliveries()).as(as).isEqualTo(e.deliveries);
            assertThat(row.delivered()).as(as).isEqualTo(e.delivered);
            assertThat(row.deliveryFailures()).as(as).isEqualTo(e.failed);
        }
        // the day is big enough for every figure to mean something
        assertThat(expected.values().stream().mapToLong(e -> e.kept).sum()).isGreaterThan(10);
        assertThat(expected.values().stream().mapToLong(e -> e.promises - e.kept).sum()).isGreaterThan(10);
        assertThat(expected.values().stream().mapToLong(e -> e.slaMet).sum()).isGreaterThan(20);
        assertThat(expected.values().stream().mapToLong(e -> e.slaDue - e.slaMet).sum()).isGreaterThan(20);
        assertThat(expected.values().stream().mapToLong(e -> e.failed).sum()).isGreaterThan(10);
        return report;
    }

    /** A rate with nothing to divide by is NaN (shown empty), never 0. */
    private static void assertRate(double actual, double part, double whole, String as) {
        if (whole == 0) {
            assertThat(actual).as(as).isNaN();
        } else {
            assertThat(actual).as(as).isCloseTo(part / whole, within(1e-12));
        }
    }

    private static String key(String value) {
        return value == null || value.isBlank() ? Dimension.NONE : value;
    }

    private static final class Expected {
        long calls;
        long answered;
        long abandoned;
        long talk;
        Set<Instant> hours = new HashSet<>();
        long reached;
        long promises;
        BigDecimal promised = BigDecimal.ZERO;
        long due;
        long kept;
        BigDecimal collected = BigDecimal.ZERO;
        long tasks;
        long slaDue;
        long slaMet;
        long deliveries;
        long delivered;
        long failed;
    }

    /** The attributes a raw event is grouped by in this test. */
    private record Raw(String agent, String caseId, String campaign, String channel) {
        static Raw of(CallAttempt a) {
            return new Raw(a.agentId().orElse(""), a.caseId(), a.campaignId(), "CALL");
        }

        static Raw of(Outcome o, Day day) {
            return new Raw(o.agentId(), o.caseId(), o.campaignId(), "CALL");
        }

        static Raw of(PaymentRow p) {
            return new Raw(p.agentId(), p.caseId(), p.campaignId(), "CRM");
        }

        static Raw of(FollowUpTask t) {
            return new Raw(t.agentId(), t.caseId(), t.campaignId(), t.kind().name());
        }
    }

    /**
     * A follow-up task of the day and how it ended: {@code status} reached at {@code changedAt} (done,
     * escalated, suppressed, queued), or still PENDING as created; its tries at delivery.
     */
    private record SimTask(FollowUpTask task, TaskStatus status, Instant changedAt, List<Delivery> deliveries) {
    }

    /** What happened on the simulated day, with the segment and strategy of each case. */
    private static final class Day {
        final List<CallAttempt> attempts = new ArrayList<>();
        final List<Outcome> outcomes = new ArrayList<>();
        final List<PaymentRow> payments = new ArrayList<>();
        final Map<String, String> segmentOf = new HashMap<>();
        final Map<String, String> strategyOf = new HashMap<>();
        final Map<String, Boolean> championOf = new HashMap<>();
        final Map<String, String> teams = new HashMap<>();
        final List<SimTask> tasks = new ArrayList<>();
        final Map<String, BigDecimal> costOf = Map.of("standard", new BigDecimal("0.60"),
                "sms-first", new BigDecimal("0.45"), "intensive", new BigDecimal("1.50"));

        boolean hasRows(String caseId) {
            return attempts.stream().anyMatch(a -> a.caseId().equals(caseId))
                    || payments.stream().anyMatch(p -> p.caseId().equals(caseId));
        }

        Tags tagsOf(String caseId, String agent, String channel) {
            String strategy = strategyOf.get(caseId);
            return new Tags(segmentOf.get(caseId), strategy, championOf.get(caseId), teams.getOrDefault(agent, ""),
                    channel, costOf.get(strategy));
        }
    }

    private static Day simulate(long seed) {
        Random random = new Random(seed);
        Day day = new Day();
        List<String> agents = List.of("agent-01", "agent-02", "agent-03", "agent-04", "agent-05", "agent-06");
        for (int i = 0; i < agents.size(); i++) {
            // agent-06 is in no team: the report puts him under (none)
            if (i < 5) {
                day.teams.put(agents.get(i), i < 3 ? "north" : "south");
            }
        }
        int cases = 400;
        for (int c = 0; c < cases; c++) {
            String caseId = "case-" + c;
            boolean late = random.nextInt(4) == 0;
            day.segmentOf.put(caseId, late ? "late-large" : "everyone-else");
            boolean challenger = random.nextInt(10) == 0;
            day.strategyOf.put(caseId, late ? (challenger ? "standard" : "intensive") : (challenger ? "sms-first" : "standard"));
            day.championOf.put(caseId, !challenger);
        }
        Map<String, String> lastPromiseAgent = new HashMap<>();
        int attemptNo = 0;
        for (int hour = 8; hour < 20; hour++) {
            int calls = 80 + random.nextInt(60);
            for (int k = 0; k < calls; k++) {
                String caseId = "case-" + random.nextInt(cases);
                String campaign = caseId.hashCode() % 2 == 0 ? "cards" : "loans";
                Instant dialed = FROM.plus(Duration.ofHours(hour)).plusSeconds(random.nextInt(3600));
                double r = random.nextDouble();
                CallResult result = r < 0.30 ? CallResult.ANSWERED : r < 0.33 ? CallResult.ABANDONED
                        : r < 0.50 ? CallResult.BUSY : r < 0.90 ? CallResult.NO_ANSWER : CallResult.CONGESTION;
                String agent = agents.get(random.nextInt(agents.size()));
                Optional<Instant> answered = result.reachedDebtor()
                        ? Optional.of(dialed.plusSeconds(5 + random.nextInt(20))) : Optional.empty();
                Instant ended = answered.map(a -> a.plusSeconds(result == CallResult.ANSWERED ? 30 + random.nextInt(400) : 2))
                        .orElse(dialed.plusSeconds(25));
                String attemptId = "att-" + (attemptNo++);
                day.attempts.add(new CallAttempt(attemptId, caseId, campaign, "+420601000" + caseId.length(),
                        result == CallResult.ANSWERED ? Optional.of(agent) : Optional.empty(), dialed, answered, ended,
                        result, 16));
                if (result != CallResult.ANSWERED) {
                    continue;
                }
                Disposition disposition;
                double d = random.nextDouble();
                if (d < 0.35) {
                    disposition = new Disposition.PromiseToPay(BigDecimal.valueOf(50 + random.nextInt(500)),
                            DAY.plusDays(1 + random.nextInt(3)));
                } else if (d < 0.55) {
                    disposition = new Disposition.Refused();
                } else if (d < 0.65) {
                    disposition = new Disposition.WrongParty();
                } else if (d < 0.75) {
                    disposition = new Disposition.NoContact();
                } else if (d < 0.85) {
                    disposition = new Disposition.CallbackRequested(ended.plus(Duration.ofHours(2)));
                } else if (d < 0.90) {
                    disposition = new Disposition.Disputed();
                } else {
                    disposition = new Disposition.ThirdParty();
                }
                Outcome outcome = new Outcome(attemptId, caseId, campaign, "d-" + caseId, agent, disposition, "",
                        ended.plusSeconds(20));
                day.outcomes.add(outcome);
                if (disposition instanceof Disposition.PromiseToPay) {
                    Disposition.PromiseToPay p = (Disposition.PromiseToPay) disposition;
                    lastPromiseAgent.put(caseId, agent);
                    double pay = random.nextDouble();
                    // kept in full, kept late (after the grace), part paid, or broken
                    Instant paidAt = pay < 0.45 ? p.promisedFor().atTime(12, 0).toInstant(ZoneOffset.UTC)
                            : pay < 0.55 ? p.promisedFor().plusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC)
                            : pay < 0.70 ? outcome.recordedAt().plus(Duration.ofMinutes(30)) : null;
                    if (paidAt != null) {
                        BigDecimal amount = pay >= 0.55 ? p.amount().divide(BigDecimal.valueOf(2)) : p.amount();
                        day.payments.add(payment("pay-" + attemptId, caseId, campaign, agent, day, amount, paidAt));
                    }
                }
            }
        }
        // payments the CRM reports on cases nobody promised anything for today
        for (int i = 0; i < 40; i++) {
            String caseId = "case-" + random.nextInt(cases);
            String campaign = caseId.hashCode() % 2 == 0 ? "cards" : "loans";
            Instant paidAt = FROM.plusSeconds(random.nextInt(86_400));
            day.payments.add(payment("crm-" + i, caseId, campaign, lastPromiseAgent.getOrDefault(caseId, ""), day,
                    BigDecimal.valueOf(10 + random.nextInt(300)), paidAt));
        }
        simulateFollowUps(random, day, agents, cases);
        return day;
    }

    /**
     * Follow-up tasks around the day: created from 6 h before it to 6 h after its end, deadlines
     * falling before, in and after it; done in time, done late, escalated, suppressed or still open;
     * messages with failed and successful tries. Some belong to cases with no call that day.
     */
    private static void simulateFollowUps(Random random, Day day, List<String> agents, int cases) {
        TaskKind[] kinds = TaskKind.values();
        for (int i = 0; i < 320; i++) {
            String caseId = random.nextInt(15) == 0 ? "quiet-" + i : "case-" + random.nextInt(cases);
            String campaign = caseId.hashCode() % 2 == 0 ? "cards" : "loans";
            TaskKind kind = kinds[random.nextInt(kinds.length)];
            String agent = random.nextInt(6) == 0 ? "" : agents.get(random.nextInt(agents.size()));
            Instant created = FROM.minus(Duration.ofHours(6)).plusSeconds(random.nextInt(36 * 3600));
            Instant due = created.plusSeconds(random.nextInt(4 * 3600));
            Duration sla = Duration.ofMinutes(30 + random.nextInt(8 * 60));
            Instant deadline = due.plus(sla);
            FollowUpTask task = new FollowUpTask("task-" + i, caseId, "d-" + caseId, campaign, agent, "rule-" + kind,
                    kind, "template", "queue", "seniors", due, deadline, TaskStatus.PENDING, 0, "", Optional.empty(),
                    created);
            List<Delivery> deliveries = new ArrayList<>();
            double r = random.nextDouble();
            TaskStatus status;
            Instant changedAt;
            if (r < 0.5) {
                status = TaskStatus.DONE;
                // most in time, some after the deadline (done from the escalation queue, or a late send)
                changedAt = due.plusMillis((long) (sla.toMillis() * 1.4 * random.nextDouble()));
            } else if (r < 0.65) {
                status = TaskStatus.ESCALATED;
                changedAt = deadline;
            } else if (r < 0.75) {
                status = TaskStatus.SUPPRESSED;
                changedAt = due;
            } else if (r < 0.9) {
                status = TaskStatus.QUEUED;
                changedAt = due;
            } else {
                status = TaskStatus.PENDING;
                changedAt = created;
            }
            if (kind.isMessage() && status != TaskStatus.SUPPRESSED) {
                int failures = random.nextInt(3);
                Instant end = status == TaskStatus.DONE ? changedAt : deadline;
                for (int f = 0; f < failures; f++) {
                    Instant at = due.plusMillis(Duration.between(due, end).toMillis() * (f + 1) / (failures + 2));
                    deliveries.add(new Delivery(task.taskId(), at, kind.name(), false, "421 try again later"));
                }
                if (status == TaskStatus.DONE) {
                    deliveries.add(new Delivery(task.taskId(), changedAt, kind.name(), true, "250 accepted"));
                }
            }
            day.tasks.add(new SimTask(task, status, changedAt, deliveries));
        }
    }

    private static PaymentRow payment(String id, String caseId, String campaign, String agent, Day day,
            BigDecimal amount, Instant paidAt) {
        return new PaymentRow(id, caseId, campaign, agent, day.teams.getOrDefault(agent, ""), day.segmentOf.get(caseId),
                day.strategyOf.get(caseId), day.championOf.get(caseId), amount, paidAt);
    }
}
