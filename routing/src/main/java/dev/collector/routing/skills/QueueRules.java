package dev.collector.routing.skills;

import dev.collector.domain.casework.Case;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Which queue a case belongs to, and which team runs its campaign. A VIP, complicated or
 * special-relationship case, or one with several debts past due, is SPECIAL; a case whose oldest
 * debt is at least {@code seniorFromDpd} days past due is SENIOR; anything else is JUNIOR.
 *
 * @param specialFromClaimsPastDue this many claims past due make a case complicated (0: never)
 * @param campaignTeams            campaign id to the team that works it; a campaign not listed is
 *                                 worked by the whole floor
 */
public record QueueRules(int seniorFromDpd, int specialFromClaimsPastDue, Map<String, String> campaignTeams) {

    public QueueRules {
        if (seniorFromDpd < 0 || specialFromClaimsPastDue < 0) {
            throw new IllegalArgumentException("queue thresholds must not be negative");
        }
        campaignTeams = Map.copyOf(campaignTeams);
    }

    public static QueueRules defaults() {
        return new QueueRules(90, 2, Map.of());
    }

    /** @param debtorToday the day in the debtor's zone (DPD is counted there) */
    public WorkQueue queueOf(Case aCase, LocalDate debtorToday) {
        if (aCase.flagged(Case.VIP) || aCase.flagged(Case.COMPLICATED) || aCase.flagged(Case.SPECIAL_RELATIONSHIP)
                || (specialFromClaimsPastDue > 0 && aCase.claimsPastDue(debtorToday) >= specialFromClaimsPastDue)) {
            return WorkQueue.SPECIAL;
        }
        return aCase.daysPastDue(debtorToday) >= seniorFromDpd ? WorkQueue.SENIOR : WorkQueue.JUNIOR;
    }

    public Optional<String> teamOf(String campaignId) {
        return Optional.ofNullable(campaignTeams.get(campaignId));
    }
}
