package dev.collector.pbx.world;

import dev.collector.pbx.ami.AmiPacket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated telephony core: channels, calls, debtors and agents.
 *
 * <p>Everything happens on one "world" thread, so the events of a call come out in one
 * deterministic order and no state needs locking. Manager actions reach it with
 * {@link #submit}; the methods below that say "world thread" must be called from such a task.
 */
public final class PbxCore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PbxCore.class);

    private final ScheduledExecutorService world;
    private final EventSink events;
    private final Clock clock;
    private final TimeScale timeScale;
    private final DebtorBehaviour debtors;
    private final Random random;
    private final Duration agentAnswerDelay;
    private final ChannelRegistry registry;
    private final TrafficCounters counters = new TrafficCounters();
    private volatile Thread worldThread;
    private volatile int maxChannels;
    /** The simulated clock starts at the real time of start and runs 1/timeScale as fast. */
    private final java.time.Instant startedAt;
    private final long startedNanos = System.nanoTime();

    /**
     * @param seed makes the debtors' choices repeatable: the same seed and the same sequence of
     *     Originates give the same outcomes and durations
     * @param agentAnswerDelay simulated time an agent takes to pick up the debtor's call
     */
    public PbxCore(DebtorBehaviour debtors, long seed, TimeScale timeScale, Duration agentAnswerDelay, Clock clock,
            EventSink events) {
        this.debtors = Objects.requireNonNull(debtors, "debtors");
        this.timeScale = Objects.requireNonNull(timeScale, "timeScale");
        this.agentAnswerDelay = Objects.requireNonNull(agentAnswerDelay, "agentAnswerDelay");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.random = new Random(seed);
        this.registry = new ChannelRegistry(clock);
        this.startedAt = clock.instant();
        this.world = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pbx-world");
            thread.setDaemon(true);
            worldThread = thread;
            return thread;
        });
    }

    /**
     * The most channels alive at once, as {@code maxcalls} in asterisk.conf; 0 means no limit. An
     * Originate that would exceed it fails before any channel exists, as Asterisk's does.
     */
    public void limitChannels(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("channel limit must not be negative: " + limit);
        }
        this.maxChannels = limit;
    }

    /** Runs a task on the world thread, after the tasks submitted before it. */
    public void submit(Runnable task) {
        try {
            world.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("PBX core is stopped; dropping a task");
        }
    }

    public TrafficCounters counters() {
        return counters;
    }

    public TimeScale timeScale() {
        return timeScale;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Places a call (world thread). Answers nothing itself: the caller has already sent
     * "Originate successfully queued"; the outcome comes as events, or through the listener of a
     * synchronous Originate.
     */
    public void originate(OriginateRequest request, OriginateListener listener) {
        requireWorldThread();
        counters.originates.incrementAndGet();
        Optional<DialString> destination = DialString.parse(request.channel()).filter(DialString::isDebtorNumber);
        boolean idTaken = request.channelId().filter(registry::uniqueIdInUse).isPresent();
        // the debtor's Local pair is two channels; the agent's legs come later and may be refused then
        if (maxChannels > 0 && registry.size() + 2 > maxChannels) {
            log.warn("Maximum call limit of {} channels exceeded by {}", maxChannels, request.channel());
            counters.failed.incrementAndGet();
            counters.overCapacity.incrementAndGet();
            reportFailure(request, listener, OriginateReason.FAILURE);
            return;
        }
        if (destination.isEmpty() || idTaken) {
            // Asterisk cannot even create the channel (unknown technology, no such extension, a
            // Uniqueid already in use): no channel events, only a failed OriginateResponse.
            log.info("cannot dial {}: the simulator dials debtors as Local/<number>@<context>", request.channel());
            counters.failed.incrementAndGet();
            reportFailure(request, listener, OriginateReason.FAILURE);
            return;
        }
        DebtorReaction reaction = debtors.drift().drifts()
                ? debtors.react(random, new ChannelVariables(request.variables()), simulatedTimeOfDay())
                : debtors.react(random, new ChannelVariables(request.variables()));
        Call call = new Call(request, reaction, listener);
        counters.currentCalls.incrementAndGet();
        new DebtorLeg(this, call).dial(destination.get());
    }

    /** The time of day on the simulated clock, in the debtors' drift zone. */
    java.time.LocalTime simulatedTimeOfDay() {
        long simulatedNanos = Math.round((System.nanoTime() - startedNanos) / timeScale.factor());
        return java.time.LocalTime.ofInstant(startedAt.plusNanos(simulatedNanos), debtors.drift().zone());
    }

    /** A live channel by name, ignoring case as Asterisk does (world thread). */
    public Optional<Channel> channel(String name) {
        requireWorldThread();
        return registry.find(name);
    }

    /** The live channels, oldest first (world thread). */
    public List<Channel> channels() {
        requireWorldThread();
        return registry.all();
    }

    /** Hangup action: ends the whole call the channel belongs to (world thread). */
    public void hangup(Channel channel, int cause) {
        requireWorldThread();
        if (!channel.isHungUp()) {
            CallTeardown.hangUp(this, channel.call(), channel, cause);
        }
    }

    /** Setvar action: sets a channel variable and tells the managers (world thread). */
    public void setVariable(Channel channel, String name, String value) {
        requireWorldThread();
        channel.variables().set(name, value);
        emit(CallEvents.varSet(channel, name, value));
    }

    /**
     * Whether Redirect can move this channel: only the answered debtor leg ({@code ;1}) runs the
     * connect dialplan in the simulator (world thread).
     */
    public boolean canRedirect(Channel channel) {
        requireWorldThread();
        Call call = channel.call();
        return !channel.isHungUp() && call.phase() == Call.Phase.ANSWERED && channel == call.debtorOne();
    }

    /**
     * Redirect action: sends the debtor's answered leg to another extension, e.g. from parking in
     * {@code Wait} to {@code agent} once the dialer has picked an agent (world thread).
     */
    public void redirect(Channel channel, String context, String exten, int priority) {
        if (!canRedirect(channel)) {
            throw new IllegalArgumentException(channel + " is not an answered debtor leg");
        }
        new ConnectDialplan(this, channel.call()).redirect(context, exten, priority);
    }

    void emit(AmiPacket event) {
        events.emit(event);
    }

    /** Runs a task after a simulated duration, scaled to real time, on the world thread. */
    ScheduledFuture<?> schedule(Duration simulated, Runnable task) {
        return world.schedule(guarded(task), timeScale.realNanos(simulated), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs a task after a duration of real time, whatever the time scale: for the dialplan waits the
     * dialer measures with its own real-time clock (the 2-second rule), which scaling would shorten
     * below the dialer's reaction time.
     */
    ScheduledFuture<?> scheduleUnscaled(Duration real, Runnable task) {
        return world.schedule(guarded(task), real.toNanos(), TimeUnit.NANOSECONDS);
    }

    Channel createChannel(String name, Optional<String> assignedId, String linkedId, ChannelState state,
            String context, String exten, Call call, ChannelVariables variables) {
        String uniqueId = registry.nextUniqueId(assignedId);
        Channel channel = new Channel(name, uniqueId, linkedId == null ? uniqueId : linkedId, state, context, exten,
                call, variables, System.nanoTime());
        registry.add(channel);
        counters.activeChannels.incrementAndGet();
        return channel;
    }

    void destroyChannel(Channel channel) {
        channel.markHungUp();
        registry.remove(channel);
        counters.activeChannels.decrementAndGet();
    }

    String nextChannelName(String technology, String resource) {
        return registry.nextName(technology, resource);
    }

    DebtorBehaviour debtors() {
        return debtors;
    }

    Duration agentAnswerDelay() {
        return agentAnswerDelay;
    }

    void reportFailure(OriginateRequest request, OriginateListener listener, int reason) {
        if (request.async()) {
            emit(CallEvents.originateResponse(request, null, reason));
        } else {
            listener.failed(reason);
        }
    }

    private void requireWorldThread() {
        if (Thread.currentThread() != worldThread) {
            throw new IllegalStateException("PBX state is touched only on the world thread; use submit()");
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("simulated PBX task failed", e);
            }
        };
    }

    /** Stops the world: pending timers are dropped, live channels simply vanish. */
    @Override
    public void close() {
        world.shutdownNow();
        try {
            world.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
