package dev.collector.domain.campaign;

public enum CampaignState {
    ACTIVE,
    /** Not dialed; its cases keep their places and new ones are accepted. */
    PAUSED,
    /** For good: never dialed, its cases closed, no new cases. */
    CLOSED
}
