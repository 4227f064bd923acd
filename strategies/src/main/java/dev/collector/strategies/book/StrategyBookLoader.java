package dev.collector.strategies.book;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads segments and strategies from JSON and checks the whole file at once: every problem is
 * reported with its line, column and reason, so whoever edits the file fixes it in one go, and a
 * bad file stops the node at start (or is refused by a reload, which keeps the rules in force).
 * The format:
 *
 * <pre>
 * { "seed": 20261123,
 *   "strategies": {
 *     "standard": { "stages": [
 *       { "on": "NEW", "actions": [
 *         { "do": "SMS", "template": "payment-reminder", "cost": 0.05 },
 *         { "do": "CALL", "mode": "PROGRESSIVE", "priority": 5, "cost": 0.60 } ] } ] } },
 *   "segments": [
 *     { "name": "early-small", "when": { "daysPastDue": { "max": 30 }, "amountDue": { "max": 500 } },
 *       "champion": "standard", "challengers": [ { "strategy": "sms-first", "share": 0.10 } ] },
 *     { "name": "everyone-else", "champion": "standard" } ] }
 * </pre>
 *
 * Conditions ({@code when}, all must hold): {@code daysPastDue}, {@code amountDue}, {@code promises},
 * {@code brokenPromises}, {@code score} as {@code {"min": .., "max": ..}} (inclusive, either may be
 * left out); {@code product} and {@code situation} as lists (any of); {@code flags} as
 * {@code {"all": [..], "none": [..]}}; {@code disputed} true or false. Segments are tried in order;
 * the last must have no conditions. Stage {@code on}: a {@link CaseSituation}. Action {@code do}: an
 * {@link ActionKind}; CALL needs {@code mode} (a dial mode) and takes {@code priority} (0-100);
 * SMS, EMAIL and LETTER need {@code template}; every action needs {@code cost} (not negative).
 */
public final class StrategyBookLoader {

    /** The example shipped with the module, used by the demo when no file is configured. */
    public static final String BUILT_IN = "strategies/strategies.json";

    private static final Set<String> TOP = Set.of("seed", "strategies", "segments");

    private final String origin;
    private final BookChecks checks;

    private StrategyBookLoader(String origin, JsonLocations locations) {
        this.origin = origin;
        this.checks = new BookChecks(locations);
    }

    public static StrategyBook builtIn() {
        try (InputStream in = StrategyBookLoader.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StrategyBook read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidStrategyBook(file.toString(), List.of(new RuleProblem(1, 1, "",
                    "cannot be read (" + e + ")")));
        }
        return parse(text, file.toString());
    }

    /**
     * @param origin names the source in errors
     * @throws InvalidStrategyBook with every problem found
     */
    public static StrategyBook parse(String json, String origin) {
        JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        JsonNode root;
        JsonLocations locations;
        try (JsonParser scan = factory.createParser(json); JsonParser tree = factory.createParser(json)) {
            locations = JsonLocations.of(scan);
            root = new ObjectMapper(factory).readTree(tree);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
            throw new InvalidStrategyBook(origin, List.of(new RuleProblem(line, column, "",
                    "not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StrategyBookLoader(origin, locations).book(root);
    }

    private StrategyBook book(JsonNode root) {
        if (root == null || !root.isObject()) {
            checks.problem("", "the file must hold one JSON object with \"strategies\" and \"segments\"");
            throw new InvalidStrategyBook(origin, checks.problems());
        }
        checks.unknownFields(root, "", TOP);
        long seed = 0;
        JsonNode seedNode = root.get("seed");
        if (seedNode == null) {
            checks.problem("", "seed: required (a whole number fixing which cases are challengers)");
        } else if (!seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
            checks.problem("/seed", "seed: must be a whole number");
        } else {
            seed = seedNode.asLong();
        }
        Map<String, Strategy> strategies = new StrategiesReader(checks).strategies(root.get("strategies"));
        List<Segment> segments = new SegmentsReader(checks).segments(root.get("segments"), strategies.keySet());
        if (checks.count() > 0) {
            throw new InvalidStrategyBook(origin, checks.problems());
        }
        return new StrategyBook(seed, strategies, segments, origin);
    }
}
