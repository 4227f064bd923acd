package dev.collector.casequeue.campaigns;

import com.hazelcast.map.EntryProcessor;
import dev.collector.domain.campaign.Campaign;
import dev.collector.domain.campaign.CampaignState;
import dev.collector.domain.campaign.DialMode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One change of a campaign, made atomically on the member that owns it, on behalf of a tenant:
 * another tenant's campaign is left alone and reported missing. A closed campaign only takes
 * another close (harmlessly).
 */
final class ChangeCampaign implements EntryProcessor<String, Campaign, CampaignResult> {

    private static final long serialVersionUID = 1L;

    private enum Kind { PAUSE, RESUME, CLOSE, UPDATE }

    private final Kind kind;
    private final String tenantId;
    private final Instant at;
    /** UPDATE only; null keeps the current value. */
    private final String displayName;
    private final DialMode dialMode;

    private ChangeCampaign(Kind kind, String tenantId, Instant at, String displayName, DialMode dialMode) {
        this.kind = kind;
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.at = Objects.requireNonNull(at, "at");
        this.displayName = displayName;
        this.dialMode = dialMode;
    }

    static ChangeCampaign pause(String tenantId, Instant at) {
        return new ChangeCampaign(Kind.PAUSE, tenantId, at, null, null);
    }

    static ChangeCampaign resume(String tenantId, Instant at) {
        return new ChangeCampaign(Kind.RESUME, tenantId, at, null, null);
    }

    static ChangeCampaign close(String tenantId, Instant at) {
        return new ChangeCampaign(Kind.CLOSE, tenantId, at, null, null);
    }

    /** Changes what is given (a null keeps what is there); with neither, only checks that the campaign may change. */
    static ChangeCampaign update(String tenantId, Instant at, String displayName, DialMode dialMode) {
        return new ChangeCampaign(Kind.UPDATE, tenantId, at, displayName, dialMode);
    }

    @Override
    public CampaignResult process(Map.Entry<String, Campaign> entry) {
        Campaign current = entry.getValue();
        if (current == null || !current.tenantId().equals(tenantId)) {
            return new CampaignResult.NotFound(entry.getKey());
        }
        if (current.state() == CampaignState.CLOSED) {
            return kind == Kind.CLOSE ? new CampaignResult.Done(current) : new CampaignResult.AlreadyClosed(current);
        }
        Campaign changed = switch (kind) {
            case PAUSE -> current.inState(CampaignState.PAUSED, at);
            case RESUME -> current.inState(CampaignState.ACTIVE, at);
            case CLOSE -> current.inState(CampaignState.CLOSED, at);
            case UPDATE -> {
                Campaign updated = current;
                if (displayName != null) {
                    updated = updated.withDisplayName(displayName);
                }
                if (dialMode != null) {
                    updated = updated.withDialMode(dialMode);
                }
                yield updated;
            }
        };
        if (!changed.equals(current)) {
            entry.setValue(changed);
        }
        return new CampaignResult.Done(changed);
    }
}
