package dev.collector.caseloader.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads RFC 4180 records: fields separated by one delimiter, quoted fields that may hold the
 * delimiter, doubled quotes and line breaks, records ending in CRLF, LF or CR. A byte order mark
 * before the first record is skipped and blank lines are ignored, as CRM exports have both.
 * Line numbers are physical lines, so a record after a quoted line break starts where an editor
 * shows it.
 */
public final class CsvReader implements Closeable {

    private static final int EOF = -1;
    private static final int SNIFF_LIMIT = 64 * 1024;

    private final Reader in;
    private final char delimiter;
    private long line = 1;
    private boolean started;

    private CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** A reader with the given delimiter, or, when none is given, the one the header uses. */
    public static CsvReader open(Reader reader, Optional<Character> delimiter) throws IOException {
        BufferedReader buffered = new BufferedReader(reader, SNIFF_LIMIT);
        if (delimiter.isPresent()) {
            return new CsvReader(buffered, delimiter.get());
        }
        buffered.mark(SNIFF_LIMIT);
        StringBuilder header = new StringBuilder();
        int c;
        while (header.length() < SNIFF_LIMIT - 1 && (c = buffered.read()) != EOF && c != '\n' && c != '\r') {
            header.append((char) c);
        }
        buffered.reset();
        return new CsvReader(buffered, detectDelimiter(header.toString()));
    }

    /** ';' when the header line has more semicolons than commas outside quotes, else ','. */
    static char detectDelimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    public char delimiter() {
        return delimiter;
    }

    /** The next non-blank record, or empty at the end of the input. */
    public Optional<CsvRecord> next() throws IOException {
        while (true) {
            Optional<CsvRecord> record = readRecord();
            if (record.isEmpty() || !record.get().isBlank()) {
                return record;
            }
        }
    }

    private Optional<CsvRecord> readRecord() throws IOException {
        long startLine = line;
        int c = read();
        if (c == EOF) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String malformation = null;
        while (true) {
            if (c == '"' && field.length() == 0) {
                long openedOn = line;
                while (true) {
                    c = read();
                    if (c == EOF) {
                        fields.add(field.toString());
                        return Optional.of(new CsvRecord(startLine, fields, Optional.of(
                                "quoted field opened on line " + openedOn + " is never closed")));
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    }
                    field.append((char) c);
                }
                // After the closing quote only the delimiter or the end of the record may follow.
                while (c != delimiter && c != '\n' && c != EOF) {
                    if (c != ' ' && c != '\t' && malformation == null) {
                        malformation = "text after the closing quote of field " + (fields.size() + 1);
                    }
                    c = read();
                }
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                c = read();
            } else if (c == '\n' || c == EOF) {
                fields.add(field.toString());
                return Optional.of(new CsvRecord(startLine, fields, Optional.ofNullable(malformation)));
            } else {
                field.append((char) c);
                c = read();
            }
        }
    }

    /** The next character, every line break (CRLF, LF, CR) as '\n'. */
    private int read() throws IOException {
        int c = in.read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
                in.reset();
            }
            c = '\n';
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
