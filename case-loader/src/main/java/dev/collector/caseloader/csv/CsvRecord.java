package dev.collector.caseloader.csv;

import java.util.List;
import java.util.Optional;

/**
 * One record of a CSV file: its fields, the line it starts on (1 is the header's), and what was
 * wrong with its syntax, if anything. A malformed record still carries what could be read, so its
 * case id can be named when it is reported.
 */
public record CsvRecord(long line, List<String> fields, Optional<String> malformation) {

    public CsvRecord {
        fields = List.copyOf(fields);
    }

    boolean isBlank() {
        return malformation.isEmpty() && fields.size() == 1 && fields.get(0).isBlank();
    }
}
