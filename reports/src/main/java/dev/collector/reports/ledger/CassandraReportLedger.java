package dev.collector.reports.ledger;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The report rows of migration V008: written as attempts, outcomes and payments happen, each with
 * the tags of its time; read a period at a time. Writes are asynchronous and idempotent (the row's
 * id is its key). Reads block (a report is asked for by a person, on a worker thread, never on an
 * event loop) and read the whole days of the period, keeping the rows inside it.
 */
public final class CassandraReportLedger {

    /** Partitions per day: a day of 200,000 attempts makes 8 partitions of 25,000 small rows. */
    static final int SHARDS = 8;
    private static final int PAGE_SIZE = 1000;

    private final CqlSession session;
    private final PreparedStatement insertAttempt;
    private final PreparedStatement insertOutcome;
    private final PreparedStatement insertPayment;
    private final PreparedStatement selectAttempts;
    private final PreparedStatement selectOutcomes;
    private final PreparedStatement selectPayments;
    private final FollowUpReading followUps;

    private CassandraReportLedger(CqlSession session, String ks) {
        this.session = session;
        this.followUps = new FollowUpReading(session, ks);
        this.insertAttempt = session.prepare("INSERT INTO " + ks + "report_attempts_by_day (day, shard, attempt_id, "
                + "case_id, campaign_id, agent_id, team, segment, strategy, champion, channel, result, dialed_at, "
                + "answered_at, ended_at, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertOutcome = session.prepare("INSERT INTO " + ks + "report_outcomes_by_day (day, shard, attempt_id, "
                + "case_id, campaign_id, agent_id, team, segment, strategy, champion, channel, disposition, "
                + "promised_amount, promised_for, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertPayment = session.prepare("INSERT INTO " + ks + "report_payments_by_day (day, shard, payment_id, "
                + "case_id, campaign_id, agent_id, team, segment, strategy, champion, amount, paid_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.selectAttempts = session.prepare("SELECT attempt_id, case_id, campaign_id, agent_id, team, segment, "
                + "strategy, champion, channel, result, dialed_at, answered_at, ended_at, cost FROM " + ks
                + "report_attempts_by_day WHERE day = ? AND shard = ?");
        this.selectOutcomes = session.prepare("SELECT attempt_id, case_id, campaign_id, agent_id, team, segment, "
                + "strategy, champion, channel, disposition, promised_amount, promised_for, recorded_at FROM " + ks
                + "report_outcomes_by_day WHERE day = ? AND shard = ?");
        this.selectPayments = session.prepare("SELECT payment_id, case_id, campaign_id, agent_id, team, segment, "
                + "strategy, champion, amount, paid_at FROM " + ks
                + "report_payments_by_day WHERE day = ? AND shard = ?");
    }

    /** Prepares the statements against a keyspace whose migrations are applied (V008 and V010 included). */
    public static CassandraReportLedger prepare(CqlSession session, CqlIdentifier keyspace) {
        Objects.requireNonNull(session, "session");
        return new CassandraReportLedger(session, Objects.requireNonNull(keyspace, "keyspace").asCql(true) + ".");
    }

    public CompletionStage<Void> recordAttempt(CallAttempt attempt, Tags tags) {
        return session.executeAsync(insertAttempt.bind(day(attempt.dialedAt()), shard(attempt.attemptId()),
                        attempt.attemptId(), attempt.caseId(), attempt.campaignId(), attempt.agentId().orElse(""),
                        tags.team(), tags.segment(), tags.strategy(), tags.champion(), tags.channel(),
                        attempt.result().name(), attempt.dialedAt(), attempt.answeredAt().orElse(null),
                        attempt.endedAt(), tags.cost()))
                .thenApply(rs -> null);
    }

    public CompletionStage<Void> recordOutcome(Outcome outcome, Tags tags) {
        BigDecimal promised = null;
        LocalDate promisedFor = null;
        if (outcome.disposition() instanceof Disposition.PromiseToPay) {
            Disposition.PromiseToPay promise = (Disposition.PromiseToPay) outcome.disposition();
            promised = promise.amount();
            promisedFor = promise.promisedFor();
        }
        return session.executeAsync(insertOutcome.bind(day(outcome.recordedAt()), shard(outcome.attemptId()),
                        outcome.attemptId(), outcome.caseId(), outcome.campaignId(), outcome.agentId(), tags.team(),
                        tags.segment(), tags.strategy(), tags.champion(), tags.channel(), outcome.disposition().code(),
                        promised, promisedFor, outcome.recordedAt()))
                .thenApply(rs -> null);
    }

    public CompletionStage<Void> recordPayment(PaymentRow payment) {
        return session.executeAsync(insertPayment.bind(day(payment.paidAt()), shard(payment.paymentId()),
                        payment.paymentId(), payment.caseId(), payment.campaignId(), payment.agentId(), payment.team(),
                        payment.segment(), payment.strategy(), payment.champion(), payment.amount(), payment.paidAt()))
                .thenApply(rs -> null);
    }

    /**
     * The rows of [{@code from}, {@code to}), with the follow-up tasks whose deadline falls in it and
     * the deliveries tried in it. Blocking.
     *
     * @param paymentsUntil payments are read up to this time (at least {@code to}): promises made in
     *                      the period are judged kept or broken by payments that came after it
     */
    public ReportRows read(Instant from, Instant to, Instant paymentsUntil) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
        Instant paymentsTo = paymentsUntil.isAfter(to) ? paymentsUntil : to;
        List<AttemptRow> attempts = readDays(selectAttempts, from, to, CassandraReportLedger::attempt);
        attempts.removeIf(a -> a.dialedAt().isBefore(from) || !a.dialedAt().isBefore(to));
        List<OutcomeRow> outcomes = readDays(selectOutcomes, from, to, CassandraReportLedger::outcome);
        outcomes.removeIf(o -> o.recordedAt().isBefore(from) || !o.recordedAt().isBefore(to));
        List<PaymentRow> payments = readDays(selectPayments, from, paymentsTo, CassandraReportLedger::payment);
        payments.removeIf(p -> p.paidAt().isBefore(from) || !p.paidAt().isBefore(paymentsTo));
        FollowUpReading.Period tasks = followUps.read(from, to);
        return new ReportRows(attempts, outcomes, payments, tasks.tasks(), tasks.deliveries());
    }

    private <T> List<T> readDays(PreparedStatement select, Instant from, Instant to, Function<Row, T> map) {
        List<T> rows = new ArrayList<>();
        LocalDate last = day(to.minusMillis(1));
        for (LocalDate day = day(from); !day.isAfter(last); day = day.plusDays(1)) {
            for (int shard = 0; shard < SHARDS; shard++) {
                for (Row row : session.execute(select.bind(day, shard).setPageSize(PAGE_SIZE))) {
                    rows.add(map.apply(row));
                }
            }
        }
        return rows;
    }

    private static AttemptRow attempt(Row row) {
        return new AttemptRow(row.getString("attempt_id"), row.getString("case_id"), row.getString("campaign_id"),
                text(row, "agent_id"), text(row, "team"), text(row, "segment"), text(row, "strategy"),
                row.getBoolean("champion"), text(row, "channel"), row.getString("result"),
                row.getInstant("dialed_at"), Optional.ofNullable(row.getInstant("answered_at")),
                row.getInstant("ended_at"), Optional.ofNullable(row.getBigDecimal("cost")).orElse(BigDecimal.ZERO));
    }

    private static OutcomeRow outcome(Row row) {
        return new OutcomeRow(row.getString("attempt_id"), row.getString("case_id"), row.getString("campaign_id"),
                text(row, "agent_id"), text(row, "team"), text(row, "segment"), text(row, "strategy"),
                row.getBoolean("champion"), text(row, "channel"), row.getString("disposition"),
                Optional.ofNullable(row.getBigDecimal("promised_amount")),
                Optional.ofNullable(row.getLocalDate("promised_for")), row.getInstant("recorded_at"));
    }

    private static PaymentRow payment(Row row) {
        return new PaymentRow(row.getString("payment_id"), row.getString("case_id"), text(row, "campaign_id"),
                text(row, "agent_id"), text(row, "team"), text(row, "segment"), text(row, "strategy"),
                row.getBoolean("champion"), row.getBigDecimal("amount"), row.getInstant("paid_at"));
    }

    private static String text(Row row, String column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }

    static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    static int shard(String id) {
        return Math.floorMod(id.hashCode(), SHARDS);
    }
}
