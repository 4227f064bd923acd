package dev.collector.followups.history;

import dev.collector.domain.outcome.CaseHistory;
import dev.collector.domain.outcome.CaseHistoryPage;
import dev.collector.domain.outcome.FollowUpEntry;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.task.FollowUpTask;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A case's history with its follow-up tasks: the attempts and outcomes (outcome-store's history)
 * page by page, newest first, then the tasks (Cassandra {@code follow_up_tasks_by_case}), latest due
 * first, in the same pages: a page that ends the attempts is filled up with the first tasks.
 *
 * <p>A case has few tasks (a handful per outcome), so each page reads them all and slices; the
 * token of the task part is the position of the last task handed out (due time and id) and the
 * case's id, so a token of another case is refused. Tokens of the attempt part wrap the inner
 * history's own.
 */
public final class CaseHistoryWithFollowUps implements CaseHistory {

    private static final String ATTEMPTS = "a.";
    private static final String TASKS = "f.";
    /** Newest due first, the task id breaking ties so that the order (and so a position) is total. */
    static final Comparator<FollowUpEntry> LATEST_DUE_FIRST = Comparator.comparing(FollowUpEntry::dueAt)
            .thenComparing(FollowUpEntry::taskId).reversed();

    private final CaseHistory attempts;
    private final CassandraFollowUpStore store;
    private final Executor reads;

    /** @param reads where the store's blocking reads run (never an event loop) */
    public CaseHistoryWithFollowUps(CaseHistory attempts, CassandraFollowUpStore store, Executor reads) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.store = Objects.requireNonNull(store, "store");
        this.reads = Objects.requireNonNull(reads, "reads");
    }

    @Override
    public CompletionStage<CaseHistoryPage> page(String caseId, int pageSize, Optional<String> pageToken) {
        return attempts.page(caseId, pageSize, pageToken);
    }

    @Override
    public CompletionStage<CaseHistoryPage> page(String caseId, int pageSize, Optional<String> pageToken,
            boolean withFollowUps) {
        if (!withFollowUps) {
            return attempts.page(caseId, pageSize, pageToken);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "pageSize must be 1 to " + MAX_PAGE_SIZE + ", not " + pageSize));
        }
        String token = pageToken.orElse(ATTEMPTS);
        if (token.startsWith(TASKS)) {
            Optional<Position> after;
            try {
                after = token.length() == TASKS.length() ? Optional.empty()
                        : Optional.of(Position.decode(token.substring(TASKS.length()), caseId));
            } catch (InvalidPageToken e) {
                return CompletableFuture.failedFuture(e);
            }
            return tasksOf(caseId).thenApply(tasks -> tasksPage(caseId, List.of(), tasks, after, pageSize));
        }
        if (!token.startsWith(ATTEMPTS)) {
            return CompletableFuture.failedFuture(new InvalidPageToken("not a page token of this case's history"));
        }
        Optional<String> inner = token.length() == ATTEMPTS.length() ? Optional.empty()
                : Optional.of(token.substring(ATTEMPTS.length()));
        return attempts.page(caseId, pageSize, inner).thenCompose(page -> {
            if (page.nextPageToken().isPresent()) {
                return CompletableFuture.completedFuture(new CaseHistoryPage(page.entries(),
                        page.nextPageToken().map(next -> ATTEMPTS + next)));
            }
            // the attempts end here: the tasks follow on the same page, as far as it has room
            return tasksOf(caseId).thenApply(tasks -> tasksPage(caseId, page.entries(), tasks, Optional.empty(),
                    pageSize - page.entries().size()));
        });
    }

    private static CaseHistoryPage tasksPage(String caseId, List<dev.collector.domain.outcome.CaseHistoryEntry> entries,
            List<FollowUpEntry> tasks, Optional<Position> after, int room) {
        List<FollowUpEntry> left = after.map(p -> tasks.stream().filter(t -> LATEST_DUE_FIRST.compare(t, p.entry()) > 0)
                .toList()).orElse(tasks);
        List<FollowUpEntry> taken = left.subList(0, Math.min(room, left.size()));
        Optional<String> next;
        if (taken.size() == left.size()) {
            next = Optional.empty();
        } else if (taken.isEmpty()) {
            next = Optional.of(TASKS); // no room left on a page that ended the attempts
        } else {
            next = Optional.of(TASKS + Position.of(taken.get(taken.size() - 1)).encode(caseId));
        }
        return new CaseHistoryPage(entries, next, taken);
    }

    private CompletionStage<List<FollowUpEntry>> tasksOf(String caseId) {
        return CompletableFuture.supplyAsync(() -> store.tasksOfCase(caseId).stream()
                .map(CaseHistoryWithFollowUps::entryOf).sorted(LATEST_DUE_FIRST).toList(), reads);
    }

    static FollowUpEntry entryOf(FollowUpTask task) {
        return new FollowUpEntry(task.taskId(), task.kind().name(), task.rule(), task.dueAt(), task.deadline(),
                task.status().name(), task.queue());
    }

    /** Where the previous page's tasks ended. */
    private record Position(Instant dueAt, String taskId) {

        static Position of(FollowUpEntry entry) {
            return new Position(entry.dueAt(), entry.taskId());
        }

        FollowUpEntry entry() {
            return new FollowUpEntry(taskId, "", "", dueAt, dueAt, "", "");
        }

        String encode(String caseId) {
            String plain = caseId + "\n" + dueAt.toEpochMilli() + "\n" + taskId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String token, String caseId) {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 3);
            } catch (IllegalArgumentException e) {
                throw new InvalidPageToken("not a page token of this case's history", e);
            }
            if (parts.length != 3 || !parts[0].equals(caseId)) {
                throw new InvalidPageToken("not a page token of this case's history");
            }
            try {
                return new Position(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
            } catch (NumberFormatException e) {
                throw new InvalidPageToken("not a page token of this case's history", e);
            }
        }
    }
}
