package dev.collector.caseloader.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The rejected rows as a CSV file, for whoever fixes them in the CRM. */
public final class RejectsFile {

    public static final String HEADER = "line,case_id,field,reason,message";

    private RejectsFile() {
    }

    public static void write(Path path, List<RejectedRow> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write("\r\n");
            for (RejectedRow row : rows) {
                out.write(row.line() + "," + quoted(row.caseId()) + "," + quoted(row.field()) + ","
                        + quoted(row.reason()) + "," + quoted(row.message()) + "\r\n");
            }
        }
    }

    static String quoted(String value) {
        boolean needsQuotes = value.chars().anyMatch(c -> c == ',' || c == ';' || c == '"' || c == '\n' || c == '\r');
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
