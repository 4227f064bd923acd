package dev.collector.bench;

/**
 * Calls placed and abandoned in the last 60 simulated seconds (VICIdial's per-minute check), and the
 * calls placed since the start of the day (its "more than 50 calls today" condition).
 */
record RecentActivity(long placedLastMinute, long abandonedLastMinute, long placedToday) {
}
