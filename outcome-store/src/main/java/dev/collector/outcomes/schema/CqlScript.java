package dev.collector.outcomes.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CQL file into statements: on semicolons outside string literals ('...', $$...$$) and
 * comments (--, //, /* *&#47;). Comments are dropped, so they may be edited without changing a
 * migration's checksum.
 */
final class CqlScript {

    private CqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < n) {
                    if (script.charAt(end) == '\'') {
                        if (end + 1 < n && script.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                current.append(script, i, end);
                i = end;
            } else if (script.startsWith("$$", i)) {
                int close = script.indexOf("$$", i + 2);
                int end = close < 0 ? n : close + 2;
                current.append(script, i, end);
                i = end;
            } else if (script.startsWith("--", i) || script.startsWith("//", i)) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (script.startsWith("/*", i)) {
                int close = script.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                current.append(' ');
            } else if (c == ';') {
                add(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return List.copyOf(statements);
    }

    private static void add(List<String> statements, StringBuilder statement) {
        String normalised = statement.toString().strip().replaceAll("[ \\t]*\\r?\\n[ \\t]*", "\n");
        if (!normalised.isEmpty()) {
            statements.add(normalised);
        }
    }
}
