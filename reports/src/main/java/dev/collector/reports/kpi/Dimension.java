package dev.collector.reports.kpi;

import dev.collector.reports.ledger.AttemptRow;
import dev.collector.reports.ledger.DeliveryRow;
import dev.collector.reports.ledger.FollowUpRow;
import dev.collector.reports.ledger.OutcomeRow;
import dev.collector.reports.ledger.PaymentRow;
import java.util.Locale;

/** What a KPI report is broken down by. Every row carries all of them, as they were at its time. */
public enum Dimension {
    AGENT, TEAM, SEGMENT, STRATEGY, CHANNEL, CAMPAIGN;

    /** Rows with no value for the dimension (a call no agent took, an agent in no team). */
    public static final String NONE = "(none)";

    public static Dimension parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("by: '" + text + "' is not one of agent, team, segment, strategy, "
                    + "channel, campaign");
        }
    }

    String of(AttemptRow row) {
        return pick(row.agentId(), row.team(), row.segment(), row.strategy(), row.channel(), row.campaignId());
    }

    String of(OutcomeRow row) {
        return pick(row.agentId(), row.team(), row.segment(), row.strategy(), row.channel(), row.campaignId());
    }

    /** Payments come from the CRM, not from a channel of ours: under CHANNEL they are "CRM". */
    String of(PaymentRow row) {
        return pick(row.agentId(), row.team(), row.segment(), row.strategy(), "CRM", row.campaignId());
    }

    /** A follow-up task: its own agent, campaign and channel; team, segment and strategy as {@code tags} found them. */
    String of(FollowUpRow row, FollowUpTags tags) {
        FollowUpTags.CaseTags c = tags.caseAt(row.caseId(), row.createdAt());
        return pick(row.agentId(), tags.teamOf(row.agentId()), c.segment(), c.strategy(), row.channel(),
                row.campaignId());
    }

    /** A delivery whose task could not be read: only its channel is known. */
    String of(DeliveryRow row) {
        return pick("", "", "", "", row.channel(), "");
    }

    private String pick(String agent, String team, String segment, String strategy, String channel, String campaign) {
        String value;
        switch (this) {
            case AGENT:
                value = agent;
                break;
            case TEAM:
                value = team;
                break;
            case SEGMENT:
                value = segment;
                break;
            case STRATEGY:
                value = strategy;
                break;
            case CHANNEL:
                value = channel;
                break;
            default:
                value = campaign;
        }
        return value == null || value.isBlank() ? NONE : value;
    }
}
