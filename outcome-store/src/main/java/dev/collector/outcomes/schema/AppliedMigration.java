package dev.collector.outcomes.schema;

import java.time.Instant;

/** A row of {@code schema_migrations}: a migration once applied to the keyspace. */
public record AppliedMigration(int version, String description, String checksum, Instant appliedAt) {
}
