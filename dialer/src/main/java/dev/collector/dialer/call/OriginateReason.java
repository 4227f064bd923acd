package dev.collector.dialer.call;

import dev.collector.domain.call.CallResult;

/** Asterisk's OriginateResponse reason codes (the AST_CONTROL values it reports). */
public final class OriginateReason {

    public static final int FAILED = 0;
    public static final int HUNG_UP = 1;
    public static final int RING_TIMEOUT = 3;
    public static final int ANSWERED = 4;
    public static final int BUSY = 5;
    public static final int CONGESTION = 8;

    private OriginateReason() {
    }

    /** The result of a call whose Originate did not end in an answer. */
    public static CallResult failureResult(int reason) {
        return switch (reason) {
            case BUSY -> CallResult.BUSY;
            case CONGESTION -> CallResult.CONGESTION;
            case RING_TIMEOUT -> CallResult.NO_ANSWER;
            default -> CallResult.FAILED;
        };
    }

    /**
     * The Q.850 cause to record when the debtor leg's own Hangup did not carry one: on busy and
     * congestion Asterisk hangs up the originating Local leg with cause 0 and puts 17/34 on the
     * other leg, which we do not follow.
     */
    public static int causeOf(int reason) {
        return switch (reason) {
            case BUSY -> 17;
            case CONGESTION -> 34;
            case RING_TIMEOUT -> 19;
            case ANSWERED -> 16;
            default -> 0;
        };
    }
}
