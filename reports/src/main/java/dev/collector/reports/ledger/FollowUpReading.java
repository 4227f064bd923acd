package dev.collector.reports.ledger;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the follow-up engine's own tables (V006) for reports, through the indexes of V010: the
 * tasks whose deadline falls in a period and the deliveries tried in it. Read-only: the follow-up
 * engine alone writes these tables. Blocking, like the rest of the ledger's reads.
 */
final class FollowUpReading {

    private static final int PAGE_SIZE = 1000;
    /** Point reads of tasks in flight at once (tasks of deliveries whose deadline lies outside the period). */
    private static final int LOOKUPS_IN_FLIGHT = 128;
    private static final String TASK_COLUMNS = "task_id, case_id, campaign_id, agent_id, kind, status, created_at, "
            + "deadline, updated_at, action_cost";

    private final CqlSession session;
    private final PreparedStatement tasksByDeadline;
    private final PreparedStatement task;
    private final PreparedStatement deliveriesByTime;

    FollowUpReading(CqlSession session, String ks) {
        this.session = session;
        this.tasksByDeadline = session.prepare("SELECT " + TASK_COLUMNS + " FROM " + ks + "follow_up_tasks "
                + "WHERE deadline >= ? AND deadline < ?");
        this.task = session.prepare("SELECT " + TASK_COLUMNS + " FROM " + ks + "follow_up_tasks WHERE task_id = ?");
        this.deliveriesByTime = session.prepare("SELECT task_id, attempted_at, channel, delivered FROM " + ks
                + "follow_up_deliveries WHERE attempted_at >= ? AND attempted_at < ?");
    }

    /** The period's deliveries, and its tasks: those whose deadline falls in it and those of its deliveries. */
    Period read(Instant from, Instant to) {
        Map<String, FollowUpRow> tasks = new LinkedHashMap<>();
        for (Row row : session.execute(tasksByDeadline.bind(from, to).setPageSize(PAGE_SIZE))) {
            FollowUpRow t = task(row);
            tasks.put(t.taskId(), t);
        }
        List<DeliveryRow> deliveries = new ArrayList<>();
        for (Row row : session.execute(deliveriesByTime.bind(from, to).setPageSize(PAGE_SIZE))) {
            deliveries.add(new DeliveryRow(row.getString("task_id"), row.getInstant("attempted_at"),
                    text(row, "channel"), row.getBoolean("delivered")));
        }
        List<String> missing = deliveries.stream().map(DeliveryRow::taskId).distinct()
                .filter(id -> !tasks.containsKey(id)).toList();
        for (int start = 0; start < missing.size(); start += LOOKUPS_IN_FLIGHT) {
            List<CompletableFuture<Row>> lookups = new ArrayList<>();
            for (String id : missing.subList(start, Math.min(missing.size(), start + LOOKUPS_IN_FLIGHT))) {
                lookups.add(session.executeAsync(task.bind(id)).toCompletableFuture().thenApply(rs -> rs.one()));
            }
            for (CompletableFuture<Row> lookup : lookups) {
                Row row = lookup.join();
                if (row != null) {
                    FollowUpRow t = task(row);
                    tasks.put(t.taskId(), t);
                }
            }
        }
        return new Period(List.copyOf(tasks.values()), deliveries);
    }

    record Period(List<FollowUpRow> tasks, List<DeliveryRow> deliveries) {
    }

    private static FollowUpRow task(Row row) {
        Instant updated = row.getInstant("updated_at");
        Instant created = row.getInstant("created_at");
        return new FollowUpRow(row.getString("task_id"), text(row, "case_id"), text(row, "campaign_id"),
                text(row, "agent_id"), text(row, "kind"), text(row, "status"), created,
                row.getInstant("deadline"), updated == null ? created : updated,
                row.getBigDecimal("action_cost") == null ? java.math.BigDecimal.ZERO : row.getBigDecimal("action_cost"));
    }

    private static String text(Row row, String column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }
}
