package dev.collector.dialer.ami;

import dev.collector.dialer.call.CallSignal;
import dev.collector.dialer.call.OriginateReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls we placed on one Asterisk that have not ended, as far as its events say: what the
 * trunk limit counts, and what is reconciled with the PBX's own channel list when the AMI session
 * comes back, so that no call is left dangling in our state and none is ended twice.
 *
 * <p>Updated from the AMI event thread and read from the dialer's and the reconnect thread:
 * every method is synchronized, each is short.
 */
final class CallsInFlight {

    /** What we know of one call. */
    private static final class Entry {
        /** Channels of the call reported so far (Newchannel with the call's Linkedid). */
        int channels;
        boolean pickedUp;
        boolean bridged;
    }

    /** One live channel in the PBX's CoreShowChannels list. */
    record LiveChannel(String uniqueId, String linkedId, String channel, int state, String bridgeId) {
        static final int STATE_UP = 6;
    }

    private final Map<String, Entry> calls = new HashMap<>();

    synchronized void placed(String attemptId) {
        calls.put(attemptId, new Entry());
    }

    /** The originate could not be sent: it was never in flight. */
    synchronized void notPlaced(String attemptId) {
        calls.remove(attemptId);
    }

    synchronized int size() {
        return calls.size();
    }

    /** Channels our calls are still to grow, counting each call at {@code perCall} channels. */
    synchronized int channelsToCome(int perCall) {
        int count = 0;
        for (Entry entry : calls.values()) {
            count += Math.max(0, perCall - entry.channels);
        }
        return count;
    }

    synchronized boolean carries(String attemptId) {
        return calls.containsKey(attemptId);
    }

    /** A Newchannel: every leg of our call carries the attempt id (its first leg's Uniqueid) as Linkedid. */
    synchronized void channelCreated(String linkedId) {
        Entry linked = linkedId == null ? null : calls.get(linkedId);
        if (linked != null) {
            linked.channels++;
        }
    }

    /** Follows a signal of the event stream; the call is forgotten once it has ended. */
    synchronized void observe(CallSignal signal) {
        Entry entry = calls.get(signal.attemptId());
        if (entry == null) {
            return;
        }
        if (signal instanceof CallSignal.OriginateFinished f) {
            if (f.reason() == OriginateReason.ANSWERED) {
                entry.pickedUp = true;
            } else {
                forget(signal.attemptId());
            }
        } else if (signal instanceof CallSignal.Bridged) {
            entry.bridged = true;
        } else if (signal instanceof CallSignal.HungUp && entry.pickedUp) {
            forget(signal.attemptId());
        } else if (signal instanceof CallSignal.Rejected || signal instanceof CallSignal.Vanished) {
            forget(signal.attemptId());
        }
    }

    /**
     * Compares what we believe with the PBX's channels after a new login, and says what we missed:
     * a call gone from the PBX has ended ({@link CallSignal.Vanished}); one picked up or bridged
     * while we were away gets the answer and the bridge it missed. Calls we already knew to be in
     * those states get nothing, so nothing is counted twice.
     */
    synchronized List<CallSignal> reconcile(Map<String, LiveChannel> channelsByUniqueId) {
        List<CallSignal> missed = new ArrayList<>();
        Map<String, Integer> channelsByCall = new HashMap<>();
        for (LiveChannel channel : channelsByUniqueId.values()) {
            channelsByCall.merge(channel.linkedId(), 1, Integer::sum);
        }
        for (Map.Entry<String, Entry> call : new ArrayList<>(calls.entrySet())) {
            String attemptId = call.getKey();
            Entry entry = call.getValue();
            Optional<LiveChannel> live = Optional.ofNullable(channelsByUniqueId.get(attemptId));
            if (live.isEmpty()) {
                missed.add(new CallSignal.Vanished(attemptId));
                forget(attemptId);
                continue;
            }
            LiveChannel channel = live.get();
            entry.channels = channelsByCall.getOrDefault(attemptId, 1);
            if (!entry.pickedUp && channel.state() == LiveChannel.STATE_UP) {
                missed.add(new CallSignal.OriginateFinished(attemptId, OriginateReason.ANSWERED, channel.channel()));
                entry.pickedUp = true;
            }
            if (!entry.bridged && !channel.bridgeId().isEmpty()) {
                missed.add(new CallSignal.Bridged(attemptId));
                entry.bridged = true;
            }
        }
        return missed;
    }

    private void forget(String attemptId) {
        calls.remove(attemptId);
    }
}
