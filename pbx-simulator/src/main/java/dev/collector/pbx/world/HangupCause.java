package dev.collector.pbx.world;

import java.util.Map;

/**
 * Q.850 hangup causes as Asterisk names them in {@code Cause-txt}, and how Asterisk turns a cause
 * into the old originate {@code Reason} when a call was not answered.
 */
public final class HangupCause {

    public static final int UNKNOWN = 0;
    public static final int NORMAL_CLEARING = 16;
    public static final int USER_BUSY = 17;
    public static final int NO_ANSWER = 19;
    public static final int CONGESTION = 34;

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(0, "Unknown"),
            Map.entry(1, "Unallocated (unassigned) number"),
            Map.entry(3, "No route to destination"),
            Map.entry(16, "Normal Clearing"),
            Map.entry(17, "User busy"),
            Map.entry(18, "No user responding"),
            Map.entry(19, "User alerting, no answer"),
            Map.entry(21, "Call Rejected"),
            Map.entry(22, "Number changed"),
            Map.entry(26, "Answered elsewhere"),
            Map.entry(27, "Destination out of order"),
            Map.entry(28, "Invalid number format"),
            Map.entry(31, "Normal, unspecified"),
            Map.entry(34, "Circuit/channel congestion"),
            Map.entry(38, "Network out of order"),
            Map.entry(41, "Temporary failure"),
            Map.entry(42, "Switching equipment congestion"));

    private HangupCause() {
    }

    public static String text(int cause) {
        return TEXTS.getOrDefault(cause, "Unknown");
    }

    /**
     * The originate reason for a dial that ended without answer, as Asterisk's
     * {@code pbx_dial_reason()} maps it: 5 busy, 8 congestion, 3 "was ringing", 0 failure.
     */
    static int originateReason(int cause) {
        switch (cause) {
            case USER_BUSY:
                return OriginateReason.BUSY;
            case 21: case 27: case 38: case 41: case 42: case CONGESTION:
                return OriginateReason.CONGESTION;
            case 26: case NO_ANSWER:
                return OriginateReason.RINGING;
            default:
                return OriginateReason.FAILURE;
        }
    }
}
