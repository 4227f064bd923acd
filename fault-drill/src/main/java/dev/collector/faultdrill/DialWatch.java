package dev.collector.faultdrill;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;

/**
 * Watches the PBX from its own manager session, straight to the PBX (not through the link the
 * nodes use): every debtor call's channel as it is created and hung up, so the drill can say
 * whether any number was ever rung by two calls at once, whichever node placed them.
 */
public final class DialWatch implements AutoCloseable {

    private final ManagerConnection connection;
    private final Map<String, Set<String>> liveByNumber = new HashMap<>();
    private final List<String> overlaps = new CopyOnWriteArrayList<>();
    private final AtomicLong debtorCalls = new AtomicLong();
    private int mostAtOnce;

    private DialWatch(ManagerConnection connection) {
        this.connection = connection;
    }

    public static DialWatch start(String host, int port, String username, String secret) {
        ManagerConnection connection = new ManagerConnectionFactory(host, port, username, secret).createManagerConnection();
        DialWatch watch = new DialWatch(connection);
        connection.addEventListener(watch::onEvent);
        try {
            connection.login("call");
        } catch (Exception e) {
            throw new IllegalStateException("the dial watch cannot log in to the PBX: " + e.getMessage(), e);
        }
        return watch;
    }

    private void onEvent(ManagerEvent event) {
        if (event instanceof NewChannelEvent created) {
            number(created.getChannel()).ifPresent(number -> opened(number, created.getUniqueId()));
        } else if (event instanceof HangupEvent hangup) {
            number(hangup.getChannel()).ifPresent(number -> closed(number, hangup.getUniqueId()));
        }
    }

    /** The debtor's number of a debtor leg, {@code Local/420601234567@debtors-0000002a;1}. */
    static java.util.Optional<String> number(String channel) {
        if (channel == null || !channel.startsWith("Local/") || !channel.endsWith(";1") || !channel.contains("@debtors")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(channel.substring("Local/".length(), channel.indexOf('@')));
    }

    private synchronized void opened(String number, String uniqueId) {
        debtorCalls.incrementAndGet();
        Set<String> live = liveByNumber.computeIfAbsent(number, n -> new java.util.HashSet<>());
        live.add(uniqueId);
        if (live.size() > 1) {
            overlaps.add(number + " rung by " + live.size() + " calls at once: " + live);
        }
        mostAtOnce = Math.max(mostAtOnce, live.size());
    }

    private synchronized void closed(String number, String uniqueId) {
        Set<String> live = liveByNumber.get(number);
        if (live != null) {
            live.remove(uniqueId);
        }
    }

    /** Numbers that were ever rung by two calls at the same time. */
    public List<String> overlaps() {
        return List.copyOf(overlaps);
    }

    /** The most calls one number ever had at once (1 when every number was called alone). */
    public synchronized int mostCallsToOneNumberAtOnce() {
        return mostAtOnce;
    }

    public long debtorCalls() {
        return debtorCalls.get();
    }

    public synchronized long liveCalls() {
        return liveByNumber.values().stream().mapToLong(Set::size).sum();
    }

    @Override
    public void close() {
        connection.logoff();
    }
}
