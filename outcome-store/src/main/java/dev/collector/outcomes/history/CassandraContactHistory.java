package dev.collector.outcomes.history;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.domain.outcome.PaymentChannel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * {@link ContactHistory} over the tables of migration V001 (and V004's callback column). Every call
 * returns at once with a {@link CompletionStage} that completes on a driver I/O thread (in Vert.x,
 * hop back to your context, e.g. {@code Future.fromCompletionStage(stage, context)}; never block in
 * a callback).
 * Writes are idempotent: the attempt id (with its dial time) is the row's key, so a retried or
 * re-sent write overwrites its own row, and the driver may retry them.
 *
 * <p>Times are stored to the millisecond: what reads back is the written instant truncated to
 * milliseconds (a callback time included).
 */
public final class CassandraContactHistory implements ContactHistory {

    /** The columns an {@link Outcome} is read from, in every table that keeps whole outcomes. */
    static final String OUTCOME_COLUMNS = "case_id, attempt_id, campaign_id, debtor_id, agent_id, disposition, "
            + "promised_amount, promised_for, payment_channel, paid_amount, callback_at, notes, recorded_at";

    static final String ATTEMPT_COLUMNS =
            "attempt_id, case_id, campaign_id, phone_number, agent_id, dialed_at, answered_at, ended_at, result, "
                    + "hangup_cause";

    /**
     * Rows per page on reads, below the driver's 5,000: a long-worked case or a busy campaign hour
     * arrives in moderate frames, the next one fetched as the previous is consumed.
     */
    static final int PAGE_SIZE = 500;

    private final CqlSession session;
    private final PreparedStatement insertAttemptByCase;
    private final PreparedStatement insertAttemptByCampaignHour;
    private final PreparedStatement insertOutcome;
    private final PreparedStatement insertOutcomeByAgentDay;
    private final PreparedStatement insertOutcomeByCampaignHour;
    private final PreparedStatement selectAttemptsByCase;
    private final PreparedStatement selectAttemptsByCampaignHour;
    private final PreparedStatement selectOutcomesByCase;
    private final RoutingMemoryWriter routingMemory;

    private CassandraContactHistory(CqlSession session, PreparedStatement insertAttemptByCase,
            PreparedStatement insertAttemptByCampaignHour, PreparedStatement insertOutcome,
            PreparedStatement insertOutcomeByAgentDay, PreparedStatement insertOutcomeByCampaignHour,
            PreparedStatement selectAttemptsByCase, PreparedStatement selectAttemptsByCampaignHour,
            PreparedStatement selectOutcomesByCase, RoutingMemoryWriter routingMemory) {
        this.session = session;
        this.insertAttemptByCase = insertAttemptByCase;
        this.insertAttemptByCampaignHour = insertAttemptByCampaignHour;
        this.insertOutcome = insertOutcome;
        this.insertOutcomeByAgentDay = insertOutcomeByAgentDay;
        this.insertOutcomeByCampaignHour = insertOutcomeByCampaignHour;
        this.selectAttemptsByCase = selectAttemptsByCase;
        this.selectAttemptsByCampaignHour = selectAttemptsByCampaignHour;
        this.selectOutcomesByCase = selectOutcomesByCase;
        this.routingMemory = routingMemory;
    }

    /**
     * Prepares the statements against a keyspace whose migrations are applied. Blocks for a few
     * round trips: call it at startup.
     */
    public static CassandraContactHistory prepare(CqlSession session, CqlIdentifier keyspace) {
        Objects.requireNonNull(session, "session");
        String ks = Objects.requireNonNull(keyspace, "keyspace").asCql(true) + ".";
        return new CassandraContactHistory(session,
                session.prepare("INSERT INTO " + ks + "call_attempts_by_case (" + ATTEMPT_COLUMNS
                        + ") VALUES (:attempt_id, :case_id, :campaign_id, :phone_number, :agent_id, :dialed_at, "
                        + ":answered_at, :ended_at, :result, :hangup_cause)"),
                session.prepare("INSERT INTO " + ks + "call_attempts_by_campaign_hour (hour, " + ATTEMPT_COLUMNS
                        + ") VALUES (:hour, :attempt_id, :case_id, :campaign_id, :phone_number, :agent_id, "
                        + ":dialed_at, :answered_at, :ended_at, :result, :hangup_cause)"),
                session.prepare("INSERT INTO " + ks + "outcomes_by_case (" + OUTCOME_COLUMNS + ") VALUES (:case_id, "
                        + ":attempt_id, :campaign_id, :debtor_id, :agent_id, :disposition, :promised_amount, "
                        + ":promised_for, :payment_channel, :paid_amount, :callback_at, :notes, :recorded_at)"),
                session.prepare("INSERT INTO " + ks + "outcomes_by_agent_day (agent_id, day, attempt_id, case_id, "
                        + "campaign_id, disposition, promised_amount, promised_for, paid_amount, recorded_at) VALUES "
                        + "(:agent_id, :day, :attempt_id, :case_id, :campaign_id, :disposition, :promised_amount, "
                        + ":promised_for, :paid_amount, :recorded_at)"),
                session.prepare("INSERT INTO " + ks + "outcomes_by_campaign_hour (campaign_id, hour, attempt_id, "
                        + "case_id, agent_id, disposition, promised_amount, paid_amount, recorded_at) VALUES "
                        + "(:campaign_id, :hour, :attempt_id, :case_id, :agent_id, :disposition, :promised_amount, "
                        + ":paid_amount, :recorded_at)"),
                session.prepare("SELECT " + ATTEMPT_COLUMNS + " FROM " + ks
                        + "call_attempts_by_case WHERE case_id = :case_id"),
                session.prepare("SELECT " + ATTEMPT_COLUMNS + " FROM " + ks
                        + "call_attempts_by_campaign_hour WHERE campaign_id = :campaign_id AND hour = :hour"),
                session.prepare("SELECT " + OUTCOME_COLUMNS + " FROM " + ks
                        + "outcomes_by_case WHERE case_id = :case_id"),
                RoutingMemoryWriter.prepare(session, keyspace));
    }

    /** Written to the case's table and the campaign-hour table; fails if either write fails (retrying is safe). */
    @Override
    public CompletionStage<Void> recordAttempt(CallAttempt attempt) {
        Objects.requireNonNull(attempt, "attempt");
        Optional<String> invalid = blank("attemptId", attempt.attemptId())
                .or(() -> blank("caseId", attempt.caseId()))
                .or(() -> blank("campaignId", attempt.campaignId()));
        if (invalid.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(invalid.get()));
        }
        CompletableFuture<AsyncResultSet> byCase = session.executeAsync(
                bindAttempt(insertAttemptByCase.boundStatementBuilder(), attempt)).toCompletableFuture();
        CompletableFuture<AsyncResultSet> byHour = session.executeAsync(
                bindAttempt(insertAttemptByCampaignHour.boundStatementBuilder()
                        .setInstant("hour", hourOf(attempt.dialedAt())), attempt)).toCompletableFuture();
        return CompletableFuture.allOf(byCase, byHour);
    }

    @Override
    public CompletionStage<Void> recordOutcome(Outcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        Optional<String> invalid = blank("attemptId", outcome.attemptId())
                .or(() -> blank("caseId", outcome.caseId()));
        if (invalid.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(invalid.get()));
        }
        BoundStatementBuilder row = insertOutcome.boundStatementBuilder()
                .setString("case_id", outcome.caseId())
                .setString("attempt_id", outcome.attemptId())
                .setString("campaign_id", outcome.campaignId())
                .setString("debtor_id", outcome.debtorId())
                .setString("agent_id", outcome.agentId())
                .setString("disposition", outcome.disposition().code())
                .setString("notes", outcome.notes())
                .setInstant("recorded_at", outcome.recordedAt());
        // explicit nulls, not unset: a re-sent disposition that is no longer a promise (or a callback)
        // must clear them
        if (outcome.disposition() instanceof Disposition.PromiseToPay promise) {
            row.setBigDecimal("promised_amount", promise.amount()).setLocalDate("promised_for", promise.promisedFor())
                    .setString("payment_channel", promise.channel().name());
        } else {
            row.setToNull("promised_amount").setToNull("promised_for");
        }
        Optional<Disposition.PaymentTaken> payment = outcome.disposition() instanceof Disposition.PaymentTaken paid
                ? Optional.of(paid) : Optional.empty();
        if (payment.isPresent()) {
            row.setBigDecimal("paid_amount", payment.get().amount())
                    .setString("payment_channel", payment.get().channel().name());
        } else {
            row.setToNull("paid_amount");
        }
        if (!(outcome.disposition() instanceof Disposition.PromiseToPay) && payment.isEmpty()) {
            row.setToNull("payment_channel");
        }
        if (outcome.disposition() instanceof Disposition.CallbackRequested callback) {
            row.setInstant("callback_at", callback.at());
        } else {
            row.setToNull("callback_at");
        }
        Optional<Disposition.PromiseToPay> promise = outcome.disposition() instanceof Disposition.PromiseToPay p
                ? Optional.of(p) : Optional.empty();
        BoundStatementBuilder byAgentDay = insertOutcomeByAgentDay.boundStatementBuilder()
                .setString("agent_id", outcome.agentId())
                .setLocalDate("day", dayOf(outcome.recordedAt()))
                .setString("attempt_id", outcome.attemptId())
                .setString("case_id", outcome.caseId())
                .setString("campaign_id", outcome.campaignId())
                .setString("disposition", outcome.disposition().code())
                .setInstant("recorded_at", outcome.recordedAt());
        BoundStatementBuilder byCampaignHour = insertOutcomeByCampaignHour.boundStatementBuilder()
                .setString("campaign_id", outcome.campaignId())
                .setInstant("hour", hourOf(outcome.recordedAt()))
                .setString("attempt_id", outcome.attemptId())
                .setString("case_id", outcome.caseId())
                .setString("agent_id", outcome.agentId())
                .setString("disposition", outcome.disposition().code())
                .setInstant("recorded_at", outcome.recordedAt());
        promise.ifPresent(p -> {
            byAgentDay.setBigDecimal("promised_amount", p.amount()).setLocalDate("promised_for", p.promisedFor());
            byCampaignHour.setBigDecimal("promised_amount", p.amount());
        });
        payment.ifPresent(p -> {
            byAgentDay.setBigDecimal("paid_amount", p.amount());
            byCampaignHour.setBigDecimal("paid_amount", p.amount());
        });
        // Four partitions, written in parallel; each write is idempotent, so a failure of one is
        // repaired by writing the outcome again (the journal does).
        return CompletableFuture.allOf(
                session.executeAsync(row.setIdempotence(true).build()).toCompletableFuture(),
                session.executeAsync(byAgentDay.setIdempotence(true).build()).toCompletableFuture(),
                session.executeAsync(byCampaignHour.setIdempotence(true).build()).toCompletableFuture(),
                session.executeAsync(routingMemory.remember(outcome)).toCompletableFuture());
    }

    @Override
    public CompletionStage<List<CallAttempt>> attemptsOf(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return collect(session.executeAsync(selectAttemptsByCase.boundStatementBuilder()
                        .setString("case_id", caseId).setPageSize(PAGE_SIZE).setIdempotence(true).build()),
                CassandraContactHistory::attemptFrom);
    }

    /** The campaign's attempts dialed in the UTC hour that contains {@code hour}, oldest first. */
    public CompletionStage<List<CallAttempt>> attemptsOfCampaignHour(String campaignId, Instant hour) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(hour, "hour");
        return collect(session.executeAsync(selectAttemptsByCampaignHour.boundStatementBuilder()
                        .setString("campaign_id", campaignId).setInstant("hour", hourOf(hour))
                        .setPageSize(PAGE_SIZE).setIdempotence(true).build()),
                CassandraContactHistory::attemptFrom);
    }

    @Override
    public CompletionStage<List<Outcome>> outcomesOf(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return collect(session.executeAsync(selectOutcomesByCase.boundStatementBuilder()
                                .setString("case_id", caseId).setPageSize(PAGE_SIZE).setIdempotence(true).build()),
                CassandraContactHistory::outcomeFrom)
                .thenApply(outcomes -> outcomes.stream()
                        .sorted(Comparator.comparing(Outcome::recordedAt).thenComparing(Outcome::attemptId))
                        .toList());
    }

    private static BoundStatement bindAttempt(BoundStatementBuilder row, CallAttempt attempt) {
        row.setString("attempt_id", attempt.attemptId())
                .setString("case_id", attempt.caseId())
                .setString("campaign_id", attempt.campaignId())
                .setString("phone_number", attempt.phoneNumber())
                .setInstant("dialed_at", attempt.dialedAt())
                .setInstant("ended_at", attempt.endedAt())
                .setString("result", attempt.result().name())
                .setInt("hangup_cause", attempt.hangupCause());
        // absent values stay unset rather than null: most attempts are never answered, and a null
        // would write a tombstone per cell that every read of the case then skips over
        attempt.agentId().ifPresent(agent -> row.setString("agent_id", agent));
        attempt.answeredAt().ifPresent(at -> row.setInstant("answered_at", at));
        return row.setIdempotence(true).build();
    }

    static CallAttempt attemptFrom(Row row) {
        return new CallAttempt(
                row.getString("attempt_id"),
                row.getString("case_id"),
                row.getString("campaign_id"),
                row.getString("phone_number"),
                Optional.ofNullable(row.getString("agent_id")),
                row.getInstant("dialed_at"),
                Optional.ofNullable(row.getInstant("answered_at")),
                row.getInstant("ended_at"),
                CallResult.valueOf(row.getString("result")),
                row.getInt("hangup_cause"));
    }

    static Outcome outcomeFrom(Row row) {
        return new Outcome(
                row.getString("attempt_id"),
                row.getString("case_id"),
                row.getString("campaign_id"),
                row.getString("debtor_id"),
                row.getString("agent_id"),
                dispositionFrom(row),
                Objects.requireNonNullElse(row.getString("notes"), ""),
                row.getInstant("recorded_at"));
    }

    private static Disposition dispositionFrom(Row row) {
        String code = row.getString("disposition");
        return switch (code) {
            case "PROMISE_TO_PAY" -> new Disposition.PromiseToPay(
                    row.getBigDecimal("promised_amount"), row.getLocalDate("promised_for"), channel(row));
            case "PAYMENT_TAKEN" -> new Disposition.PaymentTaken(row.getBigDecimal("paid_amount"), channel(row));
            case "THIRD_PARTY" -> new Disposition.ThirdParty();
            case "DECEASED" -> new Disposition.Deceased();
            case "CEASE_CONTACT" -> new Disposition.CeaseContact();
            case "REFUSED" -> new Disposition.Refused();
            case "WRONG_PARTY" -> new Disposition.WrongParty();
            case "NO_CONTACT" -> new Disposition.NoContact();
            case "CALLBACK_REQUESTED" -> new Disposition.CallbackRequested(row.getInstant("callback_at"));
            case "DISPUTED" -> new Disposition.Disputed();
            default -> throw new IllegalStateException("Unknown disposition code '" + code + "' for attempt "
                    + row.getString("attempt_id") + " of case " + row.getString("case_id"));
        };
    }

    /** A promise recorded before V007 has no channel: NOT_STATED. */
    private static PaymentChannel channel(Row row) {
        String name = row.getString("payment_channel");
        return name == null ? PaymentChannel.NOT_STATED : PaymentChannel.valueOf(name);
    }

    static java.time.LocalDate dayOf(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }

    static Instant hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    private static Optional<String> blank(String field, String value) {
        return value.isBlank() ? Optional.of(field + " must not be blank") : Optional.empty();
    }

    /** Reads every page without blocking: the next page is fetched when the previous one is consumed. */
    private static <T> CompletionStage<List<T>> collect(CompletionStage<AsyncResultSet> first, Function<Row, T> map) {
        List<T> out = new ArrayList<>();
        return first.thenCompose(rs -> drain(rs, map, out)).thenApply(List::copyOf);
    }

    private static <T> CompletionStage<List<T>> drain(AsyncResultSet rs, Function<Row, T> map, List<T> out) {
        for (Row row : rs.currentPage()) {
            out.add(map.apply(row));
        }
        return rs.hasMorePages()
                ? rs.fetchNextPage().thenCompose(next -> drain(next, map, out))
                : CompletableFuture.completedFuture(out);
    }
}
