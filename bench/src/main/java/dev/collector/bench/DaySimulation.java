package dev.collector.bench;

import dev.collector.dialer.pacing.BusyAgent;
import dev.collector.dialer.pacing.HandlingTimes;
import dev.collector.dialer.pacing.PacingDecision;
import dev.collector.dialer.pacing.PacingState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A discrete-event simulation of one dialing day. Events (answers, ring-outs, the 2-second abandon
 * deadline, end of talk, end of wrap-up) happen in continuous time; the pacer is asked once a
 * simulated second, as VICIdial's main loop and our live dialer do. The pacer sees only what a live
 * dialer could observe: agents' phases and elapsed times, calls ringing, the answer rate measured
 * on the last calls placed a ring-out ago or more, the mean ring time of answers so far, the mean talk time estimated from conversations ended
 * and under way, and the day's abandon count. Agents are logged in for the whole day; a person who answers and finds no
 * agent free within {@code abandonAfterSeconds} is abandoned.
 */
public final class DaySimulation {

    private static final Instant DAY_START = Instant.parse("2026-11-23T08:00:00Z");
    private static final int ANSWER_RATE_WINDOW = 400;
    private static final double PRIOR_MEAN_TALK = 120;
    private static final double PRIOR_RING_TO_ANSWER = 10;

    private enum Kind { PERSON_ANSWERS, MACHINE_ANSWERS, RINGS_OUT, ABANDON_DEADLINE, TALK_ENDS, WRAP_UP_ENDS }

    private record Event(double time, long order, Kind kind, int ref) {
    }

    private record Call(double placedAt, Debtor debtor, boolean person) {
    }

    private final Scenario scenario;
    private final Pacer pacer;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Double.compare(a.time, b.time) : Long.compare(a.order, b.order));
    private long eventOrder;

    private final boolean[] talking;
    private final double[] phaseSince;
    private final boolean[] free;
    private final Deque<Integer> freeAgents = new ArrayDeque<>();
    private final Map<Integer, Call> ringing = new LinkedHashMap<>();
    private final Map<Integer, Call> waiting = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();

    private final boolean[] recentOutcomes = new boolean[ANSWER_RATE_WINDOW];
    private int recentCount;
    private int recentHumans;
    private int recentNext;
    private int nextToCount;
    private double ringToAnswerSum;
    private long ringToAnswerCount;
    private double talkSum;
    private long talkCount;

    private final long[] placedPerSecond;
    private final long[] abandonedPerSecond;
    private long placedLastMinute;
    private long abandonedLastMinute;

    private double talkSeconds;
    private long humanAnswered;
    private long abandoned;
    private long governedSeconds;
    private boolean governorEngaged;

    private DaySimulation(Scenario scenario, Pacer pacer) {
        this.scenario = scenario;
        this.pacer = pacer;
        int agents = scenario.agents();
        talking = new boolean[agents];
        phaseSince = new double[agents];
        free = new boolean[agents];
        for (int agent = 0; agent < agents; agent++) {
            free[agent] = true;
            freeAgents.add(agent);
        }
        placedPerSecond = new long[scenario.daySeconds() + 1];
        abandonedPerSecond = new long[scenario.daySeconds() + 1];
    }

    public static DayResult run(Scenario scenario, Pacer pacer) {
        return new DaySimulation(scenario, pacer).run();
    }

    private DayResult run() {
        for (int second = 0; second < scenario.daySeconds(); second++) {
            processEventsUntil(second);
            if (second >= 60) {
                placedLastMinute -= placedPerSecond[second - 60];
                abandonedLastMinute -= abandonedPerSecond[second - 60];
            }
            PacingDecision decision = pacer.decide(observe(second), new RecentActivity(placedLastMinute,
                    abandonedLastMinute, calls.size()));
            governorEngaged = decision.governorEngaged();
            if (governorEngaged) {
                governedSeconds++;
            }
            for (int i = 0; i < decision.callsToPlace(); i++) {
                place(second);
            }
        }
        // no new calls after the day ends; let the calls in flight finish so every abandon is counted
        processEventsUntil(Double.POSITIVE_INFINITY);
        return new DayResult(scenario.agents(), scenario.daySeconds(), talkSeconds, calls.size(), humanAnswered,
                abandoned, governedSeconds);
    }

    private PacingState observe(double now) {
        List<BusyAgent> busy = new ArrayList<>(scenario.agents() - freeAgents.size());
        double ongoingTalk = 0;
        for (int agent = 0; agent < scenario.agents(); agent++) {
            if (!free[agent]) {
                Duration elapsed = seconds(now - phaseSince[agent]);
                busy.add(talking[agent] ? BusyAgent.talking(elapsed) : BusyAgent.wrappingUp(elapsed));
                ongoingTalk += talking[agent] ? now - phaseSince[agent] : 0;
            }
        }
        List<Duration> rings = new ArrayList<>(ringing.size());
        for (Call call : ringing.values()) {
            rings.add(seconds(now - call.placedAt()));
        }
        // Short conversations end first, so the mean of those ended so far is biased low early in the
        // day; counting the time already spent in ongoing ones (the exponential's maximum-likelihood
        // estimate under censoring), with the prior as one pseudo-conversation, removes that bias.
        double meanTalk = (PRIOR_MEAN_TALK + talkSum + ongoingTalk) / (1 + talkCount);
        HandlingTimes handling = new HandlingTimes(seconds(meanTalk), seconds(scenario.wrapUpSeconds()));
        Duration ringToAnswer = seconds(ringToAnswerCount == 0
                ? PRIOR_RING_TO_ANSWER : ringToAnswerSum / ringToAnswerCount);
        countResolvedCalls(now);
        double answerRate = recentCount == 0 ? 0 : recentHumans / (double) recentCount;
        return new PacingState(DAY_START.plus(seconds(now)), scenario.agents(), freeAgents.size(), busy, handling,
                rings, waiting.size(), answerRate, recentCount, ringToAnswer, seconds(scenario.noAnswerTimeoutSeconds()),
                abandoned, humanAnswered, scenario.abandonCap(), governorEngaged);
    }

    private void place(int second) {
        int id = calls.size();
        Debtor debtor = Debtor.draw(scenario, id);
        Call call = new Call(second, debtor, debtor.answersInPerson(scenario, second));
        calls.add(call);
        ringing.put(id, call);
        placedPerSecond[second]++;
        placedLastMinute++;
        if (call.person()) {
            schedule(second + debtor.ringToAnswerSeconds(), Kind.PERSON_ANSWERS, id);
        } else if (debtor.reachesMachine(scenario)) {
            schedule(second + debtor.ringToAnswerSeconds(), Kind.MACHINE_ANSWERS, id);
        } else {
            schedule(second + scenario.noAnswerTimeoutSeconds(), Kind.RINGS_OUT, id);
        }
    }

    private void processEventsUntil(double time) {
        while (!events.isEmpty() && events.peek().time() <= time) {
            Event event = events.poll();
            switch (event.kind()) {
                case PERSON_ANSWERS -> personAnswers(event);
                case MACHINE_ANSWERS, RINGS_OUT -> ringing.remove(event.ref());
                case ABANDON_DEADLINE -> {
                    if (waiting.remove(event.ref()) != null) {
                        abandoned++;
                        int second = (int) Math.min(event.time(), scenario.daySeconds());
                        abandonedPerSecond[second]++;
                        if (event.time() < scenario.daySeconds()) {
                            abandonedLastMinute++;
                        }
                    }
                }
                case TALK_ENDS -> {
                    int agent = event.ref();
                    talkSum += event.time() - phaseSince[agent];
                    talkCount++;
                    talking[agent] = false;
                    phaseSince[agent] = event.time();
                    schedule(event.time() + scenario.wrapUpSeconds(), Kind.WRAP_UP_ENDS, agent);
                }
                case WRAP_UP_ENDS -> agentFree(event.ref(), event.time());
            }
        }
    }

    private void personAnswers(Event event) {
        Call call = ringing.remove(event.ref());
        humanAnswered++;
        ringToAnswerSum += event.time() - call.placedAt();
        ringToAnswerCount++;
        if (!freeAgents.isEmpty()) {
            connect(freeAgents.poll(), call, event.time());
        } else {
            waiting.put(event.ref(), call);
            schedule(event.time() + scenario.abandonAfterSeconds(), Kind.ABANDON_DEADLINE, event.ref());
        }
    }

    private void agentFree(int agent, double time) {
        if (!waiting.isEmpty()) {
            var oldest = waiting.entrySet().iterator().next();
            waiting.remove(oldest.getKey());
            connect(agent, oldest.getValue(), time);
        } else {
            free[agent] = true;
            talking[agent] = false;
            phaseSince[agent] = time;
            freeAgents.add(agent);
        }
    }

    private void connect(int agent, Call call, double time) {
        free[agent] = false;
        talking[agent] = true;
        phaseSince[agent] = time;
        double talk = call.debtor().talkSeconds();
        talkSeconds += Math.max(0, Math.min(time + talk, scenario.daySeconds()) - time);
        schedule(time + talk, Kind.TALK_ENDS, agent);
    }

    /**
     * The answer rate is measured on the last calls placed at least a ring-out ago, all of whose
     * outcomes are known. Counting calls as they resolve instead would be biased after a burst of
     * dialing: answers come back within 20 s and ring-outs only at 25 s, so the rate reads high, then
     * low, exactly when it matters.
     */
    private void countResolvedCalls(double now) {
        while (nextToCount < calls.size()
                && calls.get(nextToCount).placedAt() + scenario.noAnswerTimeoutSeconds() <= now) {
            resolved(calls.get(nextToCount++).person());
        }
    }

    private void resolved(boolean human) {
        if (recentCount == ANSWER_RATE_WINDOW) {
            recentHumans -= recentOutcomes[recentNext] ? 1 : 0;
        } else {
            recentCount++;
        }
        recentOutcomes[recentNext] = human;
        recentHumans += human ? 1 : 0;
        recentNext = (recentNext + 1) % ANSWER_RATE_WINDOW;
    }

    private void schedule(double time, Kind kind, int ref) {
        events.add(new Event(time, eventOrder++, kind, ref));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
