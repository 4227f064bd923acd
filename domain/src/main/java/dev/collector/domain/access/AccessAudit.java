package dev.collector.domain.access;

/**
 * Where every sight of and change to a debtor's data is written down. Recording is fire and
 * forget: it returns at once, never blocks (it is called on event loops and gRPC threads) and never
 * throws, because a read the debtor's collector needs must not fail because the trail is down. A
 * record that cannot be kept is counted as dropped instead ({@link #dropped()}).
 */
@FunctionalInterface
public interface AccessAudit {

    void record(DataAccess access);

    /** Records not kept (store down, too many writes waiting) since the start; an audit that never drops says 0. */
    default long dropped() {
        return 0;
    }

    /** Keeps nothing: for tests and parts run on their own. */
    static AccessAudit none() {
        return access -> {
        };
    }
}
