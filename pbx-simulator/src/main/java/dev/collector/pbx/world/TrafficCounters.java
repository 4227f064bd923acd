package dev.collector.pbx.world;

import java.util.concurrent.atomic.AtomicLong;

/** What the simulated PBX has done so far; written by the world thread, read by anyone. */
public final class TrafficCounters {

    final AtomicLong originates = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong machine = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    final AtomicLong congestion = new AtomicLong();
    final AtomicLong noAnswer = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong activeChannels = new AtomicLong();
    final AtomicLong currentCalls = new AtomicLong();
    final AtomicLong safeHarbourMessages = new AtomicLong();
    final AtomicLong overCapacity = new AtomicLong();
    final AtomicLong machineMessages = new AtomicLong();

    public long originates() {
        return originates.get();
    }

    /** Answered by a person. */
    public long answered() {
        return answered.get();
    }

    /** Answered by an answering machine. */
    public long machine() {
        return machine.get();
    }

    public long busy() {
        return busy.get();
    }

    public long congestion() {
        return congestion.get();
    }

    public long noAnswer() {
        return noAnswer.get();
    }

    /** Originates that could not be placed, or were hung up while ringing. */
    public long failed() {
        return failed.get();
    }

    /** Safe-harbour messages played to debtors no agent took in time (each ends in a hang-up). */
    public long safeHarbourMessages() {
        return safeHarbourMessages.get();
    }

    public long activeChannels() {
        return activeChannels.get();
    }

    /** Originated calls that have not ended yet, ringing or talking. */
    public long currentCalls() {
        return currentCalls.get();
    }

    /** Originates refused because the channel limit ({@code maxcalls}) was reached. */
    public long overCapacity() {
        return overCapacity.get();
    }

    /** Messages left on answering machines by the campaign's machine policy. */
    public long machineMessages() {
        return machineMessages.get();
    }
}
