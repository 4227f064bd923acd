package dev.collector.outcomes.schema;

import java.util.List;
import java.util.Objects;

/**
 * One versioned CQL file from the classpath, e.g. {@code db/cql/V001__contact_history.cql}.
 *
 * @param checksum SHA-256 of the file's statements, so editing a comment or blank line is allowed
 *                 but editing a statement of an applied migration is refused
 */
public record Migration(int version, String description, String resource, String checksum, List<String> statements) {

    public Migration {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(checksum, "checksum");
        statements = List.copyOf(statements);
        if (version <= 0) {
            throw new IllegalArgumentException("version must be positive, got " + version + " in " + resource);
        }
    }
}
