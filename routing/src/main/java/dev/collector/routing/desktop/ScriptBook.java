package dev.collector.routing.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The call scripts of the strategies: what the agent says, line by line, shown on the screen pop
 * above the house talking points. Keyed by strategy, which is the campaign id until strategies get
 * ids of their own; {@code default} serves a campaign without its own script. Kept as plain text so
 * that the business edits it without code:
 *
 * <pre>
 * # comments and blank lines are ignored
 * [default]
 * Greet the debtor by name and introduce the creditor.
 * [early-stage]
 * A friendly reminder: ask when the payment can be made.
 * </pre>
 */
public final class ScriptBook {

    public static final String DEFAULT = "default";
    /** A line of a script longer than this is a paste gone wrong, not something to read aloud. */
    static final int LONGEST_LINE = 500;

    private final Map<String, List<String>> scripts;

    private ScriptBook(Map<String, List<String>> scripts) {
        this.scripts = Map.copyOf(scripts);
    }

    /** No scripts: the screen pop shows the house talking points only. */
    public static ScriptBook none() {
        return new ScriptBook(Map.of());
    }

    public static ScriptBook of(Map<String, List<String>> scripts) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        scripts.forEach((strategy, lines) -> copy.put(strategy, List.copyOf(lines)));
        return new ScriptBook(copy);
    }

    /** @throws IllegalArgumentException naming the file, the line and what is wrong with it */
    public static ScriptBook read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the scripts file " + file, e);
        }
        return parse(lines, file.toString());
    }

    static ScriptBook parse(List<String> lines, String source) {
        Map<String, List<String>> scripts = new LinkedHashMap<>();
        List<String> current = null;
        String currentName = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = source + " line " + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new IllegalArgumentException(where + "a strategy header is written [strategy-id]");
                }
                requireLines(currentName, current, source);
                currentName = line.substring(1, line.length() - 1).strip();
                if (scripts.containsKey(currentName)) {
                    throw new IllegalArgumentException(where + "strategy '" + currentName + "' has a script already");
                }
                current = new ArrayList<>();
                scripts.put(currentName, current);
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(where + "a script line before any [strategy-id] header");
            }
            if (line.length() > LONGEST_LINE) {
                throw new IllegalArgumentException(where + "a line of at most " + LONGEST_LINE + " characters");
            }
            current.add(line);
        }
        requireLines(currentName, current, source);
        return of(scripts);
    }

    private static void requireLines(String name, List<String> lines, String source) {
        if (name != null && lines.isEmpty()) {
            throw new IllegalArgumentException(source + ": strategy '" + name + "' has an empty script");
        }
    }

    /** The strategy's script, else the default one, else none. */
    public List<String> scriptFor(String strategy) {
        return Optional.ofNullable(scripts.get(strategy)).or(() -> Optional.ofNullable(scripts.get(DEFAULT)))
                .orElse(List.of());
    }

    public int size() {
        return scripts.size();
    }
}
