package dev.collector.bench;

/** Calls placed and abandoned in the last 60 simulated seconds (VICIdial's per-minute check). */
record RecentActivity(long placedLastMinute, long abandonedLastMinute) {
}
