package dev.collector.domain.campaign;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One call list worked one way. The calling rules live with the compliance guard
 * ({@code CampaignRules}), keyed by the same campaign id.
 *
 * @param tenantId       the creditor the campaign belongs to: only that tenant's CRM clients see
 *                       it, its cases and its outcomes
 * @param stateChangedAt when {@code state} last changed (the creation time at first)
 */
public record Campaign(String campaignId, String tenantId, String displayName, DialMode dialMode,
        CampaignState state, Instant createdAt, Instant stateChangedAt) implements Serializable {

    public Campaign {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(dialMode, "dialMode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(stateChangedAt, "stateChangedAt");
    }

    /** Cases may join it (active or paused). */
    public boolean acceptsCases() {
        return state != CampaignState.CLOSED;
    }

    /** The dialer may place its calls. */
    public boolean dials() {
        return state == CampaignState.ACTIVE;
    }

    /** A new campaign: active from the moment it is created. */
    public static Campaign created(String campaignId, String tenantId, String displayName, DialMode dialMode,
            Instant at) {
        return new Campaign(campaignId, tenantId, displayName, dialMode, CampaignState.ACTIVE, at, at);
    }

    /** In the new state since {@code at}; the same campaign when already in it. */
    public Campaign inState(CampaignState newState, Instant at) {
        return newState == state ? this
                : new Campaign(campaignId, tenantId, displayName, dialMode, newState, createdAt, at);
    }

    public Campaign withDisplayName(String newName) {
        return new Campaign(campaignId, tenantId, newName, dialMode, state, createdAt, stateChangedAt);
    }

    public Campaign withDialMode(DialMode newMode) {
        return new Campaign(campaignId, tenantId, displayName, newMode, state, createdAt, stateChangedAt);
    }
}
