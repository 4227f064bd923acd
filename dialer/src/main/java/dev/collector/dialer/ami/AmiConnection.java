package dev.collector.dialer.ami;

import dev.collector.dialer.call.CallSignal;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our session with one Asterisk over AMI, through Asterisk-Java, kept alive by us.
 *
 * <p>When the session is lost (the TCP connection closed, or a Ping unanswered) we log in again
 * ourselves, with a {@link ReconnectBackoff}, rather than leaving it to Asterisk-Java's fixed
 * retry: then, before anything is dialed, the calls we believed in flight are reconciled with the
 * PBX's own list ({@code CoreShowChannels}): those it no longer has end, those answered or bridged
 * meanwhile catch up ({@link CallsInFlight#reconcile}). The connection counts as connected only
 * once that is done.
 *
 * <p>It also watches how full this Asterisk is, for the {@link PbxLimits}: its live channels (from
 * Newchannel and Hangup, set right at each login) and our calls in flight (the trunk).
 *
 * <p>Listeners are called on Asterisk-Java's event thread, or the reconnect thread for what a
 * reconciliation found: whoever listens must hand the signal to its own thread.
 */
public final class AmiConnection implements PbxGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);
    private static final long LIST_TIMEOUT_MS = 10_000;
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private enum SessionState { NEW, CONNECTED, RECONNECTING, RECONCILING, CLOSED }

    private final AmiSettings settings;
    private final ReconnectBackoff backoff;
    private final CopyOnWriteArrayList<Consumer<CallSignal>> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<TimedSignal>> timedListeners = new CopyOnWriteArrayList<>();
    private final CallsInFlight calls = new CallsInFlight();
    private final AtomicInteger liveChannels = new AtomicInteger();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong vanishedCalls = new AtomicLong();
    private final AtomicBoolean pingUnanswered = new AtomicBoolean();
    private final ScheduledExecutorService supervisor;
    private final Object sessionLock = new Object();
    private volatile ManagerConnection manager;
    private volatile SessionState state = SessionState.NEW;
    /** Calls taken for lost while out of reach: if the PBX still has them when it is back, they are hung up. */
    private final java.util.Set<String> takenForLost = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Counts losses of the session; a reconnect attempt failing is not a new one. */
    private long outages;

    public AmiConnection(AmiSettings settings) {
        this(settings, ReconnectBackoff.defaults());
    }

    public AmiConnection(AmiSettings settings, ReconnectBackoff backoff) {
        this.settings = settings;
        this.backoff = backoff;
        this.supervisor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ami-session-" + settings.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void onSignal(Consumer<CallSignal> listener) {
        listeners.add(listener);
    }

    /** As {@link #onSignal}, with the time Asterisk raised the event, if it stamps its events. */
    public void onTimedSignal(Consumer<TimedSignal> listener) {
        timedListeners.add(listener);
    }

    /**
     * Logs in the first time; blocking, so call it from a worker thread. Later losses are repaired
     * by the connection itself.
     */
    public void connect() throws IOException, AuthenticationFailedException, TimeoutException {
        ManagerConnection fresh = newManager();
        synchronized (sessionLock) {
            manager = fresh;
        }
        fresh.login(settings.events());
        try {
            liveChannels.set(listChannels(fresh).size());
        } catch (IOException | RuntimeException e) {
            log.warn("AMI {}: channels not counted at login: {}", settings.name(), e.getMessage());
        }
        state = SessionState.CONNECTED;
        supervisor.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("AMI logged in to {} (Asterisk {})", settings, fresh.getVersion());
    }

    /** Whether we are logged in and reconciled now. */
    @Override
    public boolean isConnected() {
        return state == SessionState.CONNECTED;
    }

    /** Logged in, and one more call fits both the channel limit and the trunk limit. */
    public boolean canTakeCall() {
        return isConnected() && hasRoom();
    }

    private boolean hasRoom() {
        PbxLimits limits = settings.limits();
        if (limits.trunkLimit() > 0 && calls.size() >= limits.trunkLimit()) {
            return false;
        }
        return limits.maxChannels() <= 0 || channelsInUse() + limits.channelsPerCall() <= limits.maxChannels();
    }

    /** Channels alive on the PBX, plus those our calls are still to grow. */
    public int channelsInUse() {
        return liveChannels.get() + calls.channelsToCome(settings.limits().channelsPerCall());
    }

    /** How full this PBX is, 0 to 1, by the tighter of its limits; 0 without limits. */
    public double load() {
        PbxLimits limits = settings.limits();
        double trunk = limits.trunkLimit() > 0 ? (double) calls.size() / limits.trunkLimit() : 0;
        double channels = limits.maxChannels() > 0 ? (double) channelsInUse() / limits.maxChannels() : 0;
        return Math.max(trunk, channels);
    }

    /** Our calls in flight on this PBX. */
    public int callsInFlight() {
        return calls.size();
    }

    /** How many times the session was lost and restored. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Calls found ended at a reconciliation, their ends unseen. */
    public long vanishedCalls() {
        return vanishedCalls.get();
    }

    public AmiSettings settings() {
        return settings;
    }

    /** Whether this PBX carries the call, as far as we know it has not ended. */
    public boolean carries(String attemptId) {
        return calls.carries(attemptId);
    }

    /**
     * Sends an asynchronous Originate. If Asterisk refuses the action itself, the listeners get a
     * {@link CallSignal.Rejected}; otherwise the outcome arrives as an OriginateResponse event.
     *
     * @return false when the action could not be sent at all (not connected, no room): no call was
     *         placed and no signal will follow, so the caller still owns the case
     */
    @Override
    public boolean originate(OriginateRequest request) {
        return originate(request, message -> reject(request, message));
    }

    /**
     * As {@link #originate(OriginateRequest)}, but a refusal by Asterisk goes to {@code whenRefused}
     * (on the AMI event thread) instead of the listeners: a pool may try another PBX.
     */
    boolean originate(OriginateRequest request, Consumer<String> whenRefused) {
        ManagerConnection current = manager;
        if (!isConnected() || current == null || !hasRoom()) {
            return false;
        }
        OriginateAction action = new OriginateAction();
        action.setActionId(request.attemptId());
        action.setChannelId(request.attemptId());
        action.setChannel(request.channel());
        action.setContext(request.context());
        action.setExten(request.exten());
        action.setPriority(request.priority());
        action.setTimeout(request.ringTimeout().toMillis());
        action.setCallerId(request.callerId());
        action.setVariables(request.variables());
        action.setAsync(true);
        // in flight before it is sent, so that its events can never come first
        calls.placed(request.attemptId());
        try {
            current.sendAction(action, response -> {
                if (response instanceof ManagerError error) {
                    calls.notPlaced(request.attemptId());
                    whenRefused.accept(String.valueOf(error.getMessage()));
                }
                // null: the session went before the answer; the reconciliation finds out what happened
            });
            return true;
        } catch (IOException | IllegalStateException e) {
            calls.notPlaced(request.attemptId());
            log.warn("Originate {} not sent to {}: {}", request.attemptId(), settings.name(), e.getMessage());
            return false;
        }
    }

    @Override
    public void hangup(String attemptId, String channel, int cause) {
        hangup(channel, cause);
    }

    @Override
    public CompletionStage<Boolean> setVariable(String attemptId, String channel, String variable, String value) {
        return setVariable(channel, variable, value);
    }

    @Override
    public CompletionStage<Boolean> redirect(String attemptId, String channel, String context, String exten,
                                             int priority) {
        return redirect(channel, context, exten, priority);
    }

    public void hangup(String channel, int cause) {
        send(new HangupAction(channel, cause), "Hangup of " + channel);
    }

    /**
     * Sets a channel variable (AMI {@code Setvar}), e.g. the chosen agent's endpoint on an answered
     * debtor leg before it is redirected to the bridging context.
     *
     * @return completes with whether Asterisk set it; false also when the action could not be sent
     */
    public CompletionStage<Boolean> setVariable(String channel, String variable, String value) {
        return send(new SetVarAction(channel, variable, value), "Setvar " + variable + " on " + channel);
    }

    /**
     * Moves a channel to another place in the dialplan (AMI {@code Redirect}): the held debtor leg
     * to the bridging context once an agent is chosen, or to the safe-harbour message when none is.
     *
     * @return completes with whether Asterisk accepted it (it refuses a channel that has hung up)
     */
    public CompletionStage<Boolean> redirect(String channel, String context, String exten, int priority) {
        return send(new RedirectAction(channel, context, exten, priority), "Redirect of " + channel + " to " + context);
    }

    private CompletionStage<Boolean> send(ManagerAction action, String what) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        ManagerConnection current = manager;
        if (current == null || !isConnected()) {
            log.warn("{} not sent: AMI session to {} is down", what, settings.name());
            done.complete(false);
            return done;
        }
        try {
            current.sendAction(action, response -> {
                if (response == null) {
                    log.warn("{}: AMI session lost before the answer", what);
                    done.complete(false);
                } else if (response instanceof ManagerError error) {
                    log.info("{} refused: {}", what, error.getMessage());
                    done.complete(false);
                } else {
                    done.complete(true);
                }
            });
        } catch (IOException | IllegalStateException e) {
            log.warn("{} not sent: {}", what, e.getMessage());
            done.complete(false);
        }
        return done;
    }

    private void reject(OriginateRequest request, String message) {
        log.warn("Originate {} refused by {}: {}", request.attemptId(), settings.name(), message);
        publish(new CallSignal.Rejected(request.attemptId(), String.valueOf(message)));
    }

    private ManagerConnection newManager() {
        ManagerConnection fresh = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
                settings.secret()).createManagerConnection();
        fresh.addEventListener(event -> onEvent(fresh, event));
        return fresh;
    }

    private void onEvent(ManagerConnection source, ManagerEvent event) {
        if (source != manager) {
            return; // a session we have given up
        }
        if (event instanceof DisconnectEvent) {
            log.warn("AMI session to {} lost", settings.name());
            sessionLost(source, 0);
            return;
        }
        if (event instanceof NewChannelEvent created) {
            liveChannels.incrementAndGet();
            calls.channelCreated(created.getLinkedid());
        } else if (event instanceof HangupEvent) {
            liveChannels.updateAndGet(n -> Math.max(0, n - 1));
        }
        AmiEventTranslator.translate(event).ifPresent(signal -> {
            publish(signal);
            if (!timedListeners.isEmpty()) {
                TimedSignal timed = new TimedSignal(signal, raisedAt(event.getTimestamp()));
                timedListeners.forEach(l -> l.accept(timed));
            }
        });
    }

    /** Asterisk's {@code Timestamp: 1795421488.123456}, epoch seconds with microseconds. */
    private static java.util.Optional<java.time.Instant> raisedAt(Double timestamp) {
        if (timestamp == null) {
            return java.util.Optional.empty();
        }
        long micros = Math.round(timestamp * 1_000_000);
        return java.util.Optional.of(java.time.Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000));
    }

    private void publish(CallSignal signal) {
        calls.observe(signal);
        listeners.forEach(l -> l.accept(signal));
    }

    /** Gives the session up and plans the next login; only once per session, whoever notices first. */
    private void sessionLost(ManagerConnection lost, int attempt) {
        long outage;
        boolean newOutage;
        synchronized (sessionLock) {
            if (state == SessionState.CLOSED || lost != manager) {
                return;
            }
            manager = null;
            // a failed login or reconciliation continues the outage that began when a session was lost
            newOutage = state == SessionState.CONNECTED;
            if (newOutage) {
                outages++;
            }
            state = SessionState.RECONNECTING;
            outage = outages;
        }
        if (newOutage) {
            try {
                supervisor.schedule(() -> giveUpCallsIfStillDown(outage), backoff.callsLostAfter().toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                return;
            }
        }
        try {
            // stops Asterisk-Java's own reconnect loop: we reconnect, and reconcile, ourselves
            lost.logoff();
        } catch (RuntimeException e) {
            log.debug("AMI {}: logoff of the lost session: {}", settings.name(), e.getMessage());
        }
        Duration wait = backoff.delay(attempt);
        try {
            supervisor.schedule(() -> reconnect(attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("AMI {} closed; no reconnect", settings.name());
        }
    }

    /**
     * The PBX has been out of reach too long: the calls we had on it are taken for lost, so that
     * nothing waits for them (their agents above all). A later reconciliation finds them gone.
     */
    private void giveUpCallsIfStillDown(long outage) {
        synchronized (sessionLock) {
            if (state == SessionState.CONNECTED || state == SessionState.CLOSED || outage != outages) {
                return;
            }
        }
        List<CallSignal> lost = calls.reconcile(Map.of());
        vanishedCalls.addAndGet(lost.size());
        lost.forEach(signal -> takenForLost.add(signal.attemptId()));
        log.warn("AMI {} out of reach for {} s: {} call(s) taken for lost", settings.name(),
                backoff.callsLostAfter().toSeconds(), lost.size());
        for (CallSignal signal : lost) {
            listeners.forEach(l -> l.accept(signal));
        }
    }

    private void reconnect(int attempt) {
        ManagerConnection fresh = newManager();
        synchronized (sessionLock) {
            if (state == SessionState.CLOSED) {
                return;
            }
            manager = fresh;
        }
        try {
            fresh.login(settings.events());
            state = SessionState.RECONCILING;
            reconcile(fresh);
            synchronized (sessionLock) {
                if (manager == fresh && state == SessionState.RECONCILING) {
                    state = SessionState.CONNECTED;
                    pingUnanswered.set(false);
                }
            }
            reconnects.incrementAndGet();
            log.info("AMI session to {} restored after {} attempt(s)", settings.name(), attempt + 1);
        } catch (IOException | AuthenticationFailedException | TimeoutException | RuntimeException e) {
            log.warn("AMI {}: login attempt {} failed: {}", settings.name(), attempt + 1, e.getMessage());
            sessionLost(fresh, attempt + 1);
        }
    }

    /** Asks the PBX for its channels and tells the listeners what was missed while we were away. */
    private void reconcile(ManagerConnection fresh) throws IOException {
        List<CoreShowChannelEvent> channels = listChannels(fresh);
        Map<String, CallsInFlight.LiveChannel> byUniqueId = new HashMap<>();
        for (CoreShowChannelEvent channel : channels) {
            if (channel.getUniqueid() != null) {
                byUniqueId.put(channel.getUniqueid(), new CallsInFlight.LiveChannel(channel.getUniqueid(),
                        String.valueOf(channel.getLinkedid()), String.valueOf(channel.getChannel()),
                        channel.getChannelState() == null ? -1 : channel.getChannelState(),
                        channel.getBridgeid() == null ? "" : channel.getBridgeid()));
            }
        }
        liveChannels.set(channels.size());
        hangUpCallsTakenForLost(fresh, byUniqueId);
        int before = calls.size();
        List<CallSignal> missed = calls.reconcile(byUniqueId);
        long vanished = missed.stream().filter(s -> s instanceof CallSignal.Vanished).count();
        vanishedCalls.addAndGet(vanished);
        log.info("AMI {}: reconciled {} call(s) in flight with {} live channel(s): {} ended unseen, {} signal(s) caught up",
                settings.name(), before, channels.size(), vanished, missed.size() - vanished);
        for (CallSignal signal : missed) {
            listeners.forEach(l -> l.accept(signal));
        }
    }

    /**
     * A call we ended in our books while the PBX was out of reach, but which it still carries (the
     * network failed, not the PBX): nobody follows it any more, so it is hung up rather than left to
     * talk to an agent we count as free.
     */
    private void hangUpCallsTakenForLost(ManagerConnection session, Map<String, CallsInFlight.LiveChannel> live) {
        for (String attemptId : List.copyOf(takenForLost)) {
            takenForLost.remove(attemptId);
            CallsInFlight.LiveChannel channel = live.get(attemptId);
            if (channel != null) {
                log.warn("AMI {}: call {} was taken for lost but is still up; hanging it up", settings.name(), attemptId);
                try {
                    session.sendAction(new HangupAction(channel.channel(), 16), response -> { });
                } catch (IOException | IllegalStateException e) {
                    log.warn("AMI {}: hangup of {} not sent: {}", settings.name(), channel.channel(), e.getMessage());
                }
            }
        }
    }

    private List<CoreShowChannelEvent> listChannels(ManagerConnection session) throws IOException {
        try {
            ResponseEvents listed = session.sendEventGeneratingAction(new CoreShowChannelsAction(), LIST_TIMEOUT_MS);
            ManagerResponse response = listed.getResponse();
            if (response instanceof ManagerError error) {
                throw new IOException("CoreShowChannels refused: " + error.getMessage());
            }
            return listed.getEvents().stream()
                    .filter(e -> e instanceof CoreShowChannelEvent)
                    .map(e -> (CoreShowChannelEvent) e)
                    .toList();
        } catch (org.asteriskjava.manager.EventTimeoutException e) {
            throw new IOException("CoreShowChannels did not complete in " + LIST_TIMEOUT_MS + " ms", e);
        }
    }

    /**
     * A TCP connection can die without a FIN (a NAT or firewall forgetting it): a Ping left
     * unanswered for a whole heartbeat counts as a lost session.
     */
    private void heartbeat() {
        ManagerConnection current = manager;
        if (current == null || state != SessionState.CONNECTED) {
            return;
        }
        if (pingUnanswered.getAndSet(true)) {
            log.warn("AMI {}: no answer to Ping within {} s", settings.name(), HEARTBEAT.toSeconds());
            sessionLost(current, 0);
            return;
        }
        try {
            current.sendAction(new PingAction(), response -> {
                if (response != null) {
                    pingUnanswered.set(false);
                }
            });
        } catch (IOException | IllegalStateException e) {
            log.debug("AMI {}: Ping not sent: {}", settings.name(), e.getMessage());
        }
    }

    @Override
    public void close() {
        ManagerConnection current;
        synchronized (sessionLock) {
            state = SessionState.CLOSED;
            current = manager;
            manager = null;
        }
        supervisor.shutdownNow();
        if (current != null) {
            try {
                current.logoff();
            } catch (RuntimeException e) {
                log.debug("AMI {}: logoff: {}", settings.name(), e.getMessage());
            }
        }
    }
}
