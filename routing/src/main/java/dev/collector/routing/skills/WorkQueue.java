package dev.collector.routing.skills;

/**
 * The queues an answered debtor is routed through. A case belongs to one queue
 * ({@link QueueRules}); an agent serves some queues in his own order of priority
 * ({@link AgentProfile#queues()}).
 */
public enum WorkQueue {
    /** VIP and complicated cases (flags, several debts past due): senior collectors only by default. */
    SPECIAL,
    /** Late-stage debts: firmer conversations. */
    SENIOR,
    /** Early-stage, routine debts. */
    JUNIOR
}
