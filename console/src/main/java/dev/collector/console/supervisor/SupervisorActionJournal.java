package dev.collector.console.supervisor;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every supervisor action, whether done or refused: who, what, on what, when and how it ended.
 * Appended as one JSON line per action to a file (when given) that outlives the process, logged,
 * and the latest kept for the wall.
 */
public final class SupervisorActionJournal {

    private static final Logger log = LoggerFactory.getLogger(SupervisorActionJournal.class);
    private static final int KEPT_FOR_WALL = 20;

    /** @param outcome {@code done: ...} or {@code refused: ...} */
    public record Entry(Instant at, String supervisorId, String action, String target, String outcome) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(supervisorId, "supervisorId");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(outcome, "outcome");
        }

        JsonObject toJson() {
            return new JsonObject().put("at", at.toString()).put("supervisorId", supervisorId).put("action", action)
                    .put("target", target).put("outcome", outcome);
        }
    }

    private final Optional<Path> file;
    private final Deque<Entry> latest = new ArrayDeque<>();

    /** @param file where the journal is appended; empty keeps it in the log only */
    public SupervisorActionJournal(Optional<Path> file) {
        this.file = Objects.requireNonNull(file, "file");
        file.map(Path::toAbsolutePath).map(Path::getParent).ifPresent(dir -> {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the directory of the supervisor journal " + dir, e);
            }
        });
    }

    /** Blocks on the file write: call it from a worker. */
    public void record(Entry entry) {
        log.info("SUPERVISOR {} {} {}: {}", entry.supervisorId(), entry.action(), entry.target(), entry.outcome());
        synchronized (this) {
            latest.addFirst(entry);
            while (latest.size() > KEPT_FOR_WALL) {
                latest.removeLast();
            }
            file.ifPresent(path -> {
                try {
                    Files.writeString(path, entry.toJson().encode() + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
                } catch (IOException e) {
                    log.error("Supervisor action not written to {}: {}", path, entry, e);
                }
            });
        }
    }

    /** The latest entries, newest first. */
    public synchronized List<Entry> latest() {
        return List.copyOf(latest);
    }
}
