package dev.collector.pbx;

/**
 * What the simulator has done since it started: a snapshot, for benchmarks and tests.
 *
 * @param originates Originate actions accepted
 * @param answered calls a person answered
 * @param machine calls an answering machine answered
 * @param busy calls rejected busy (Reason 5)
 * @param congestion calls rejected with congestion (Reason 8)
 * @param noAnswer calls that rang until the Originate's timeout (Reason 3)
 * @param failed originates that could not be placed (Reason 0), or were hung up while ringing
 * @param activeChannels channels alive now, debtors' and agents'
 * @param currentCalls originated calls not yet over, ringing or talking
 */
public record SimulatorStats(
        long originates,
        long answered,
        long machine,
        long busy,
        long congestion,
        long noAnswer,
        long failed,
        long activeChannels,
        long currentCalls) {
}
