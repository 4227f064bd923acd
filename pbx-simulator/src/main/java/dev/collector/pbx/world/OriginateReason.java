package dev.collector.pbx.world;

/**
 * The {@code Reason} of OriginateResponse: Asterisk's control frame numbers, which the captures
 * show as 4 answered, 5 busy, 8 congestion, 3 no answer (it was ringing when the timeout hit).
 */
public final class OriginateReason {

    /** The channel could not be created or dialled at all. */
    public static final int FAILURE = 0;
    public static final int HANGUP = 1;
    public static final int RINGING = 3;
    public static final int ANSWERED = 4;
    public static final int BUSY = 5;
    public static final int CONGESTION = 8;

    private OriginateReason() {
    }
}
