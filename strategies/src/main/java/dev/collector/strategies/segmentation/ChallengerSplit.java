package dev.collector.strategies.segmentation;

import dev.collector.strategies.book.Challenger;
import dev.collector.strategies.book.Segment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which arm of a segment's experiment a case runs: the case's place in [0, 1) is a hash of the
 * experiment's seed and the case id, so the same case lands in the same arm on every node, after
 * every restart and every re-segmentation, with no state kept. SHA-256 rather than
 * {@code String.hashCode}, whose low bits are far from uniform on ids that differ in one digit.
 */
public final class ChallengerSplit {

    private final long seed;

    public ChallengerSplit(long seed) {
        this.seed = seed;
    }

    /** The case's place in [0, 1): challengers take the first shares, in book order; the champion the rest. */
    public double placeOf(String caseId) {
        byte[] hash = sha256(seed + ":" + caseId);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        // the top 53 bits: exactly representable as a double
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** The strategy the case runs in this segment, and whether it is the champion. */
    public Arm armOf(String caseId, Segment segment) {
        double place = placeOf(caseId);
        double upTo = 0;
        for (Challenger challenger : segment.challengers()) {
            upTo += challenger.share();
            if (place < upTo) {
                return new Arm(challenger.strategy(), false);
            }
        }
        return new Arm(segment.champion(), true);
    }

    /** A strategy and whether it is the segment's champion. */
    public record Arm(String strategy, boolean champion) {
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
