package dev.collector.dialer.ami;

import dev.collector.dialer.call.CallSignal;
import java.time.Instant;
import java.util.Optional;

/**
 * A call signal with the time Asterisk raised its event, when Asterisk stamps its events
 * ({@code timestampevents = yes} in manager.conf): how late the dialer handles events can then be
 * measured where it handles them.
 */
public record TimedSignal(CallSignal signal, Optional<Instant> raisedAt) {
}
