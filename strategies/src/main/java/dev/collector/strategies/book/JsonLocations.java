package dev.collector.strategies.book;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a JSON text starts, by JSON Pointer. A tree ({@code JsonNode}) forgets its
 * positions, and the business people who edit rule files need the line of a mistake, not its path
 * alone; so the text is read twice: once token by token for positions, once as a tree to check.
 */
final class JsonLocations {

    private final Map<String, int[]> starts = new HashMap<>();

    private JsonLocations() {
    }

    /** @throws IOException when the text is not well-formed JSON (the tree reading reports it) */
    static JsonLocations of(JsonParser parser) throws IOException {
        JsonLocations locations = new JsonLocations();
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            JsonStreamContext context = parser.getParsingContext();
            // A container's start token already belongs to the container's own context.
            if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
                context = context.getParent();
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                continue;
            }
            String pointer = context.pathAsPointer().toString();
            JsonLocation at = parser.currentTokenLocation();
            // The field's name comes first: an error about a field points at its name.
            locations.starts.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
        }
        return locations;
    }

    /** The start of the value at {@code pointer}, else of its nearest enclosing value, else 1:1. */
    int[] of(String pointer) {
        String at = pointer;
        while (true) {
            int[] found = starts.get(at);
            if (found != null) {
                return found;
            }
            if (at.isEmpty()) {
                return new int[] {1, 1};
            }
            at = at.substring(0, Math.max(0, at.lastIndexOf('/')));
        }
    }
}
