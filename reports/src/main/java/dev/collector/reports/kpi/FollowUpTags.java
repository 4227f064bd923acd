package dev.collector.reports.kpi;

import dev.collector.reports.ledger.AttemptRow;
import dev.collector.reports.ledger.OutcomeRow;
import dev.collector.reports.ledger.PaymentRow;
import dev.collector.reports.ledger.ReportRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The team, segment and strategy of a follow-up task. The follow-up engine's tables carry the
 * task's agent, campaign and channel but not the tags of report rows, so they are taken from the
 * period's report rows: the agent's team as his latest row shows it, and the case's segment and
 * strategy as its latest row at or before the task's creation shows them (its first row of the
 * period when the task came before every row; none when the case has no row in the period).
 */
final class FollowUpTags {

    record CaseTags(String segment, String strategy) {
        static final CaseTags NONE = new CaseTags("", "");
    }

    private record Stamped(Instant at, CaseTags tags) {
    }

    private final Map<String, String> teams = new HashMap<>();
    private final Map<String, List<Stamped>> cases = new HashMap<>();

    private FollowUpTags() {
    }

    static FollowUpTags of(ReportRows rows) {
        FollowUpTags tags = new FollowUpTags();
        Map<String, Instant> teamSeen = new HashMap<>();
        for (AttemptRow a : rows.attempts()) {
            tags.stamp(a.caseId(), a.dialedAt(), a.segment(), a.strategy());
            tags.team(teamSeen, a.agentId(), a.team(), a.dialedAt());
        }
        for (OutcomeRow o : rows.outcomes()) {
            tags.stamp(o.caseId(), o.recordedAt(), o.segment(), o.strategy());
            tags.team(teamSeen, o.agentId(), o.team(), o.recordedAt());
        }
        for (PaymentRow p : rows.payments()) {
            tags.stamp(p.caseId(), p.paidAt(), p.segment(), p.strategy());
        }
        tags.cases.values().forEach(list -> list.sort(Comparator.comparing(Stamped::at)));
        return tags;
    }

    String teamOf(String agentId) {
        return teams.getOrDefault(agentId, "");
    }

    CaseTags caseAt(String caseId, Instant at) {
        List<Stamped> stamps = cases.get(caseId);
        if (stamps == null) {
            return CaseTags.NONE;
        }
        CaseTags found = stamps.get(0).tags();
        if (at == null) {
            return found;
        }
        for (Stamped s : stamps) {
            if (s.at().isAfter(at)) {
                break;
            }
            found = s.tags();
        }
        return found;
    }

    private void stamp(String caseId, Instant at, String segment, String strategy) {
        cases.computeIfAbsent(caseId, c -> new ArrayList<>()).add(new Stamped(at, new CaseTags(segment, strategy)));
    }

    private void team(Map<String, Instant> seen, String agentId, String team, Instant at) {
        if (agentId == null || agentId.isEmpty()) {
            return;
        }
        Instant before = seen.get(agentId);
        if (before == null || !at.isBefore(before)) {
            seen.put(agentId, at);
            teams.put(agentId, team);
        }
    }
}
