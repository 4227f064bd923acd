package dev.collector.dialer.ami;

/**
 * How much one Asterisk may carry, so that the dialer originates only where there is room.
 *
 * @param maxChannels channels alive at once on that Asterisk, ours and others' (its {@code maxcalls},
 *                    or what its CPU takes); 0 means no limit
 * @param trunkLimit  our calls in flight at once on its trunk to the carrier (the channels the
 *                    carrier sells); 0 means no limit
 * @param channelsPerCall channels one of our calls grows to: 2 with PJSIP debtor and agent (the
 *                    default), 4 when both are Local pairs, as in the simulator; a call is counted at
 *                    this size from its Originate on, so a burst of originates cannot overshoot
 */
public record PbxLimits(int maxChannels, int trunkLimit, int channelsPerCall) {

    public static final int DEFAULT_CHANNELS_PER_CALL = 2;
    public static final PbxLimits UNLIMITED = new PbxLimits(0, 0);

    public PbxLimits {
        if (maxChannels < 0) {
            throw new IllegalArgumentException("maxChannels must not be negative (0 = no limit): " + maxChannels);
        }
        if (trunkLimit < 0) {
            throw new IllegalArgumentException("trunkLimit must not be negative (0 = no limit): " + trunkLimit);
        }
        if (channelsPerCall < 1) {
            throw new IllegalArgumentException("channelsPerCall must be at least 1: " + channelsPerCall);
        }
    }

    public PbxLimits(int maxChannels, int trunkLimit) {
        this(maxChannels, trunkLimit, DEFAULT_CHANNELS_PER_CALL);
    }
}
