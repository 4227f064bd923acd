package dev.collector.pbx.world;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Originate action, parsed: dial {@code channel}; once it answers, run {@code context},
 * {@code exten}, {@code priority} (or {@code application}) on it.
 *
 * @param actionId echoed in OriginateResponse, so clients match failures whose Uniqueid is
 *     {@code <unknown>}
 * @param timeout how long to let it ring (simulated time), 30 s when the action gives none
 * @param channelId Uniqueid for the dialled channel ({@code ;1} of a Local channel)
 * @param otherChannelId Uniqueid for {@code ;2}; Asterisk makes it {@code <channelId>;2} if absent
 * @param variables channel variables in the order given, set on both Local legs
 * @param async true for the usual {@code Async: true}: answer at once, report with an event
 */
public record OriginateRequest(
        String actionId,
        String channel,
        String context,
        String exten,
        int priority,
        String application,
        String data,
        Duration timeout,
        Optional<String> callerIdName,
        Optional<String> callerIdNum,
        String account,
        Map<String, String> variables,
        Optional<String> channelId,
        Optional<String> otherChannelId,
        boolean async) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public OriginateRequest {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(callerIdName, "callerIdName");
        Objects.requireNonNull(callerIdNum, "callerIdNum");
        Objects.requireNonNull(account, "account");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables)); // VarSet events keep this order
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(otherChannelId, "otherChannelId");
    }
}
