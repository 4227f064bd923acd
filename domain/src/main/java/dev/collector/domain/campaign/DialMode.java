package dev.collector.domain.campaign;

/** How the dialer paces a campaign's calls. */
public enum DialMode {
    /** The agent sees the case first and starts the call. */
    PREVIEW,
    /** One call per free agent. */
    PROGRESSIVE,
    /** A fixed number of calls per free agent. */
    POWER,
    /** As many calls as the forecast allows while the abandon rate stays under its cap. */
    PREDICTIVE
}
