package dev.collector.outcomes.history;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.CaseHistory;
import dev.collector.domain.outcome.CaseHistoryEntry;
import dev.collector.domain.outcome.CaseHistoryPage;
import dev.collector.domain.outcome.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link CaseHistory} over {@code call_attempts_by_case} and {@code outcomes_by_case} (migrations
 * V001, V004): a page is one slice of the case's partition read backwards, then one {@code IN}
 * read of the outcomes of the page's attempts. Two round trips per page, none blocking.
 *
 * <p>The page token is a position, the (dialed_at, attempt_id) of the page's last attempt, and not
 * the driver's paging state: a paging state is bound to the exact statement and protocol version
 * (a driver upgrade or a reworded query invalidates every token a CRM holds), while a position
 * stays valid as long as the clustering key does. It also reads on correctly after attempts were
 * added on top (newer ones never shift an older page), and it names its case, so a token handed
 * back for another case is refused instead of silently paging the wrong partition. It is opaque
 * to clients only by convention (base64url): it carries nothing the caller may not see.
 */
public final class CassandraCaseHistory implements CaseHistory {

    private static final byte TOKEN_VERSION = 1;
    private static final Base64.Encoder TOKEN_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder TOKEN_DECODER = Base64.getUrlDecoder();

    private final CqlSession session;
    private final PreparedStatement newestAttempts;
    private final PreparedStatement attemptsBefore;
    private final PreparedStatement outcomesOfAttempts;

    private CassandraCaseHistory(CqlSession session, PreparedStatement newestAttempts,
            PreparedStatement attemptsBefore, PreparedStatement outcomesOfAttempts) {
        this.session = session;
        this.newestAttempts = newestAttempts;
        this.attemptsBefore = attemptsBefore;
        this.outcomesOfAttempts = outcomesOfAttempts;
    }

    /**
     * Prepares the statements against a keyspace whose migrations are applied. Blocks for a few
     * round trips: call it at startup.
     */
    public static CassandraCaseHistory prepare(CqlSession session, CqlIdentifier keyspace) {
        Objects.requireNonNull(session, "session");
        String ks = Objects.requireNonNull(keyspace, "keyspace").asCql(true) + ".";
        // The table is clustered ascending; reading it reversed (both columns DESC) is allowed and
        // as cheap for a partition this size, so no second, descending table is needed.
        String attempts = "SELECT " + CassandraContactHistory.ATTEMPT_COLUMNS + " FROM " + ks
                + "call_attempts_by_case WHERE case_id = :case_id";
        String newestFirst = " ORDER BY dialed_at DESC, attempt_id DESC LIMIT :row_limit";
        return new CassandraCaseHistory(session,
                session.prepare(attempts + newestFirst),
                session.prepare(attempts + " AND (dialed_at, attempt_id) < (:dialed_at, :attempt_id)" + newestFirst),
                session.prepare("SELECT " + CassandraContactHistory.OUTCOME_COLUMNS + " FROM " + ks
                        + "outcomes_by_case WHERE case_id = :case_id AND attempt_id IN :attempt_ids"));
    }

    @Override
    public CompletionStage<CaseHistoryPage> page(String caseId, int pageSize, Optional<String> pageToken) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(pageToken, "pageToken");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "pageSize must be 1 to " + MAX_PAGE_SIZE + ", not " + pageSize));
        }
        Optional<Position> after;
        try {
            after = pageToken.map(token -> Position.decode(token, caseId));
        } catch (InvalidPageToken e) {
            return CompletableFuture.failedFuture(e);
        }
        // One row more than asked tells whether another page follows, so the last page never
        // hands out a token that leads to an empty one.
        int limit = pageSize + 1;
        BoundStatementBuilder select = after
                .map(position -> attemptsBefore.boundStatementBuilder()
                        .setInstant("dialed_at", position.dialedAt())
                        .setString("attempt_id", position.attemptId()))
                .orElseGet(newestAttempts::boundStatementBuilder)
                .setString("case_id", caseId)
                .setInt("row_limit", limit)
                .setPageSize(limit)
                .setIdempotence(true);
        return session.executeAsync(select.build())
                .thenCompose(rs -> rows(rs, CassandraContactHistory::attemptFrom, new ArrayList<>()))
                .thenCompose(attempts -> {
                    List<CallAttempt> page = attempts.size() > pageSize ? attempts.subList(0, pageSize) : attempts;
                    Optional<String> next = attempts.size() > pageSize
                            ? Optional.of(new Position(caseId, page.get(pageSize - 1).dialedAt(),
                                    page.get(pageSize - 1).attemptId()).encode())
                            : Optional.empty();
                    return outcomesOf(caseId, page).thenApply(outcomes -> new CaseHistoryPage(
                            page.stream()
                                    .map(a -> new CaseHistoryEntry(a, Optional.ofNullable(outcomes.get(a.attemptId()))))
                                    .toList(),
                            next));
                });
    }

    private CompletionStage<Map<String, Outcome>> outcomesOf(String caseId, List<CallAttempt> attempts) {
        if (attempts.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        List<String> attemptIds = attempts.stream().map(CallAttempt::attemptId).toList();
        return session.executeAsync(outcomesOfAttempts.boundStatementBuilder()
                        .setString("case_id", caseId)
                        .setList("attempt_ids", attemptIds, String.class)
                        .setPageSize(attemptIds.size())
                        .setIdempotence(true)
                        .build())
                .thenCompose(rs -> rows(rs, CassandraContactHistory::outcomeFrom, new ArrayList<>()))
                .thenApply(outcomes -> outcomes.stream()
                        .collect(Collectors.toMap(Outcome::attemptId, Function.identity())));
    }

    /** Every row of the result; the page sizes above make it one frame, but a smaller one is followed. */
    private static <T> CompletionStage<List<T>> rows(AsyncResultSet rs, Function<Row, T> map, List<T> out) {
        for (Row row : rs.currentPage()) {
            out.add(map.apply(row));
        }
        return rs.hasMorePages()
                ? rs.fetchNextPage().thenCompose(next -> rows(next, map, out))
                : CompletableFuture.completedFuture(out);
    }

    /** The last attempt of a page: the next page starts right after it, in newest-first order. */
    record Position(String caseId, Instant dialedAt, String attemptId) {

        String encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(TOKEN_VERSION);
                out.writeUTF(caseId);
                out.writeLong(dialedAt.toEpochMilli());
                out.writeUTF(attemptId);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // not thrown by an in-memory stream
            }
            return TOKEN_ENCODER.encodeToString(bytes.toByteArray());
        }

        static Position decode(String token, String caseId) {
            Position position;
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(TOKEN_DECODER.decode(token)))) {
                if (in.readByte() != TOKEN_VERSION) {
                    throw new InvalidPageToken("not a page token of this service");
                }
                position = new Position(in.readUTF(), Instant.ofEpochMilli(in.readLong()), in.readUTF());
                if (in.available() > 0) {
                    throw new InvalidPageToken("not a page token of this service");
                }
            } catch (IOException | IllegalArgumentException e) {
                if (e instanceof InvalidPageToken invalid) {
                    throw invalid;
                }
                // not chained: what the decoder tripped on means nothing to the client the message goes to
                throw new InvalidPageToken("not a page token of this service");
            }
            if (!position.caseId().equals(caseId)) {
                throw new InvalidPageToken("the page token belongs to another case's history");
            }
            return position;
        }
    }
}
