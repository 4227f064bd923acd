package dev.collector.console.simulatedagent;

import java.util.Map;

/**
 * What a simulated agent has done so far.
 *
 * @param dispositionsRejected dispositions the console answered with an error (each is followed by
 *                             a fallback "no contact", so the agent is never stuck in wrap-up)
 * @param acceptedByCode       accepted dispositions by code ({@code PROMISE_TO_PAY}, ...)
 */
public record SimulatedAgentCounts(
        long callsTaken,
        long dispositionsSent,
        long dispositionsAccepted,
        long dispositionsRejected,
        Map<String, Long> acceptedByCode) {

    public SimulatedAgentCounts {
        acceptedByCode = Map.copyOf(acceptedByCode);
    }
}
