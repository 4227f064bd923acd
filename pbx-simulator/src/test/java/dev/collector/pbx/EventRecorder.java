package dev.collector.pbx;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ManagerEvent;

/** Keeps every event Asterisk-Java delivers, in order, and lets a test wait for one. */
final class EventRecorder implements ManagerEventListener {

    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onManagerEvent(ManagerEvent event) {
        events.add(event);
        synchronized (this) {
            notifyAll();
        }
    }

    /** The first event of the type that matches, waiting for it up to the timeout. */
    <T extends ManagerEvent> T await(Class<T> type, Predicate<T> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ManagerEvent event : events) {
                if (type.isInstance(event) && matching.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " matching within " + timeout
                        + "; received " + events.size() + " events: " + summary());
            }
            synchronized (this) {
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    <T extends ManagerEvent> T await(Class<T> type, Predicate<T> matching) {
        return await(type, matching, Duration.ofSeconds(5));
    }

    <T extends ManagerEvent> List<T> all(Class<T> type, Predicate<T> matching) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(matching).toList();
    }

    List<ManagerEvent> all() {
        return List.copyOf(events);
    }

    int indexOf(ManagerEvent event) {
        return events.indexOf(event);
    }

    private String summary() {
        StringBuilder names = new StringBuilder();
        for (ManagerEvent event : events) {
            names.append(event.getClass().getSimpleName()).append(' ');
        }
        return names.toString();
    }
}
