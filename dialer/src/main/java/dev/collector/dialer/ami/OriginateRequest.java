package dev.collector.dialer.ami;

import java.time.Duration;
import java.util.Map;

/**
 * One outbound call to place. The attempt id becomes both ActionID and ChannelId: the
 * OriginateResponse is matched by ActionID (failed originates carry {@code Uniqueid: <unknown>}),
 * the debtor leg's later events by its Uniqueid.
 */
public record OriginateRequest(String attemptId, String channel, String context, String exten, int priority,
                               Duration ringTimeout, String callerId, Map<String, String> variables) {
    public OriginateRequest {
        variables = Map.copyOf(variables);
    }
}
