package dev.collector.strategies.segmentation;

import dev.collector.strategies.book.InvalidStrategyBook;
import dev.collector.strategies.book.StrategyBook;
import dev.collector.strategies.book.StrategyBookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The rules in force, read at start (a bad file stops the node) and read again when the file
 * changes: a reload with errors is refused and the rules in force stay, so a typo saved by the
 * business never leaves cases without a strategy.
 */
public final class ReloadableStrategyBook implements Supplier<StrategyBook> {

    private final Optional<Path> file;
    private final AtomicReference<StrategyBook> current = new AtomicReference<>();
    private volatile FileTime loadedVersion;

    private ReloadableStrategyBook(Optional<Path> file) {
        this.file = file;
    }

    /**
     * @param file the rules file; empty uses the example shipped with the module (not reloadable)
     * @throws InvalidStrategyBook when the file has errors, each with its line
     */
    public static ReloadableStrategyBook open(Optional<Path> file) {
        ReloadableStrategyBook book = new ReloadableStrategyBook(file);
        if (file.isEmpty()) {
            book.current.set(StrategyBookLoader.builtIn());
        } else {
            book.loadedVersion = modified(file.get());
            book.current.set(StrategyBookLoader.read(file.get()));
        }
        return book;
    }

    @Override
    public StrategyBook get() {
        return current.get();
    }

    /**
     * Reads the file again if it changed since it was last read.
     *
     * @return the rules now in force if they changed, empty when nothing changed
     * @throws InvalidStrategyBook when the changed file has errors; the rules in force stay
     */
    public Optional<StrategyBook> reloadIfChanged() {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        FileTime version = modified(file.get());
        if (version.equals(loadedVersion)) {
            return Optional.empty();
        }
        // remembered before reading: a bad file is reported once, not on every check until fixed
        loadedVersion = version;
        StrategyBook book = StrategyBookLoader.read(file.get());
        current.set(book);
        return Optional.of(book);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
