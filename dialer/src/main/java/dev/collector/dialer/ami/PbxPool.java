package dev.collector.dialer.ami;

import dev.collector.dialer.call.CallSignal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several Asterisk servers behind one {@link PbxGateway}. Each call goes to the least loaded PBX
 * that is logged in and has room under its {@link PbxLimits}; a PBX whose session is down takes
 * none, so its share of the dialing moves to the others until it is back (its own connection
 * reconnects and reconciles its calls). Actions on a live call go to the PBX that carries it.
 */
public final class PbxPool implements PbxGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PbxPool.class);

    private final List<AmiConnection> members;

    private final CopyOnWriteArrayList<Consumer<CallSignal>> listeners = new CopyOnWriteArrayList<>();

    public PbxPool(List<AmiConnection> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a PBX pool needs at least one PBX");
        }
        this.members = List.copyOf(members);
        this.members.forEach(member -> member.onSignal(this::publish));
    }

    /** One connection per PBX, not yet logged in. */
    public static PbxPool of(List<AmiSettings> pbxs, ReconnectBackoff backoff) {
        List<AmiConnection> connections = new ArrayList<>();
        for (AmiSettings pbx : pbxs) {
            connections.add(new AmiConnection(pbx, backoff));
        }
        return new PbxPool(connections);
    }

    /**
     * Logs in to every PBX; blocking. The pool starts if at least one answers: the others keep
     * trying in the background and take calls once they are in.
     *
     * @throws IllegalStateException when none could be logged in to
     */
    public void connect() {
        List<String> failures = new ArrayList<>();
        for (AmiConnection member : members) {
            try {
                member.connect();
            } catch (Exception e) {
                failures.add(member.settings().name() + ": " + e.getMessage());
            }
        }
        if (failures.size() == members.size()) {
            throw new IllegalStateException("no PBX could be logged in to over AMI: " + failures);
        }
        failures.forEach(f -> log.warn("PBX not logged in at start, dialing goes to the others: {}", f));
    }

    public List<AmiConnection> members() {
        return members;
    }

    @Override
    public void onSignal(Consumer<CallSignal> listener) {
        listeners.add(listener);
    }

    private void publish(CallSignal signal) {
        listeners.forEach(l -> l.accept(signal));
    }

    /** Whether some PBX could take a call now. */
    @Override
    public boolean isConnected() {
        return members.stream().anyMatch(AmiConnection::canTakeCall);
    }

    @Override
    public boolean originate(OriginateRequest request) {
        return originateAvoiding(request, Set.of());
    }

    /** On the least loaded PBX with room, leaving out those that refused this call already. */
    private boolean originateAvoiding(OriginateRequest request, Set<AmiConnection> refused) {
        List<AmiConnection> candidates = members.stream()
                .filter(member -> !refused.contains(member) && member.canTakeCall())
                .sorted(Comparator.comparingDouble(AmiConnection::load)
                        .thenComparingInt(AmiConnection::callsInFlight))
                .toList();
        for (AmiConnection member : candidates) {
            if (member.originate(request, message -> refusedBy(member, request, refused, message))) {
                return true;
            }
        }
        return false;
    }

    /** An overloaded or stopping Asterisk refuses an Originate: another PBX may take it. */
    private void refusedBy(AmiConnection member, OriginateRequest request, Set<AmiConnection> refused,
                           String message) {
        Set<AmiConnection> tried = new HashSet<>(refused);
        tried.add(member);
        log.warn("{} refused Originate {} ({}); trying another PBX", member.settings().name(), request.attemptId(),
                message);
        if (!originateAvoiding(request, tried)) {
            publish(new CallSignal.Rejected(request.attemptId(), message));
        }
    }

    @Override
    public void hangup(String attemptId, String channel, int cause) {
        carrier(attemptId).ifPresentOrElse(member -> member.hangup(channel, cause),
                () -> log.info("Hangup of {}: call {} is on no PBX any more", channel, attemptId));
    }

    @Override
    public CompletionStage<Boolean> setVariable(String attemptId, String channel, String variable, String value) {
        return carrier(attemptId).map(member -> member.setVariable(channel, variable, value))
                .orElseGet(() -> CompletableFuture.completedFuture(false));
    }

    @Override
    public CompletionStage<Boolean> redirect(String attemptId, String channel, String context, String exten,
                                             int priority) {
        return carrier(attemptId).map(member -> member.redirect(channel, context, exten, priority))
                .orElseGet(() -> CompletableFuture.completedFuture(false));
    }

    /** The PBX the call was placed on, while it lasts; with a single PBX, that one. */
    private Optional<AmiConnection> carrier(String attemptId) {
        if (members.size() == 1) {
            return Optional.of(members.get(0));
        }
        return members.stream().filter(member -> member.carries(attemptId)).findFirst();
    }

    @Override
    public void close() {
        members.forEach(AmiConnection::close);
    }
}
