package dev.collector.outcomes.schema;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a keyspace's schema up to date from versioned CQL files on the classpath
 * ({@code db/cql/V001__contact_history.cql}, {@code V002__...}): each is applied once, in version
 * order, and recorded in {@code schema_migrations}. Applied files must not change: a different
 * checksum stops the whole run before anything new is applied.
 *
 * <p>Statements are written without a keyspace; they run in the given keyspace. Write them to be
 * re-runnable ({@code IF NOT EXISTS}): a run that dies midway repeats its migration's statements.
 * Blocks while it runs: call it at startup. One application instance should run it at a time
 * (concurrent schema changes from several clients can disagree).
 */
public final class SchemaMigrations {

    public static final String DEFAULT_LOCATION = "db/cql";

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_-]+)\\.cql");
    /** DDL waits for schema agreement; give it longer than an ordinary request. */
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

    private final CqlSession session;
    private final CqlIdentifier keyspace;
    private final String location;
    private final ClassLoader classLoader;
    private final Clock clock;

    public SchemaMigrations(CqlSession session, CqlIdentifier keyspace, Clock clock) {
        this(session, keyspace, DEFAULT_LOCATION, SchemaMigrations.class.getClassLoader(), clock);
    }

    public SchemaMigrations(CqlSession session, CqlIdentifier keyspace, String location, ClassLoader classLoader,
            Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.keyspace = Objects.requireNonNull(keyspace, "keyspace");
        this.location = Objects.requireNonNull(location, "location").replaceAll("^/+|/+$", "");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CqlIdentifier keyspace() {
        return keyspace;
    }

    /** Creates the keyspace with this replication unless it exists (an existing one is left as it is). */
    public void createKeyspaceIfMissing(Replication replication) {
        // no per-statement keyspace here: it may not exist yet
        session.execute(SimpleStatement.newInstance("CREATE KEYSPACE IF NOT EXISTS " + keyspace.asCql(true)
                + " WITH replication = " + replication.toCql()).setTimeout(DDL_TIMEOUT));
    }

    /**
     * Applies the migrations not yet recorded, in version order.
     *
     * @return the migrations applied by this call, empty when the schema was already up to date
     * @throws MigrationException when an applied migration's file changed, or a statement failed
     */
    public List<Migration> apply() {
        ddl(SimpleStatement.newInstance("CREATE TABLE IF NOT EXISTS schema_migrations ("
                + "version int PRIMARY KEY, description text, checksum text, applied_at timestamp)"));
        List<Migration> available = available();
        Map<Integer, AppliedMigration> applied = new TreeMap<>();
        applied().forEach(a -> applied.put(a.version(), a));

        for (Migration migration : available) {
            AppliedMigration done = applied.get(migration.version());
            if (done != null && !done.checksum().equals(migration.checksum())) {
                throw new MigrationException("Migration V" + migration.version() + " (" + migration.resource()
                        + ") was changed after it was applied to keyspace " + keyspace.asCql(true)
                        + ": checksum " + migration.checksum() + " on the classpath, " + done.checksum()
                        + " recorded on " + done.appliedAt() + ". Put the change in a new migration file.");
            }
        }
        TreeSet<Integer> unknown = new TreeSet<>(applied.keySet());
        available.forEach(m -> unknown.remove(m.version()));
        if (!unknown.isEmpty()) {
            log.warn("Keyspace {} has migrations {} that this build does not know (a newer build applied them)",
                    keyspace.asCql(true), unknown);
        }

        List<Migration> appliedNow = new ArrayList<>();
        for (Migration migration : available) {
            if (applied.containsKey(migration.version())) {
                continue;
            }
            long begin = System.nanoTime();
            for (String statement : migration.statements()) {
                try {
                    ddl(SimpleStatement.newInstance(statement));
                } catch (RuntimeException e) {
                    throw new MigrationException("Migration V" + migration.version() + " (" + migration.resource()
                            + ") failed on: " + statement + " -- " + e.getMessage(), e);
                }
            }
            session.execute(SimpleStatement.newInstance("INSERT INTO schema_migrations "
                                    + "(version, description, checksum, applied_at) VALUES (?, ?, ?, ?)",
                            migration.version(), migration.description(), migration.checksum(), clock.instant())
                    .setKeyspace(keyspace)
                    .setIdempotent(true));
            log.info("Applied migration V{} ({}) to keyspace {} in {} ms", migration.version(),
                    migration.description(), keyspace.asCql(true),
                    Duration.ofNanos(System.nanoTime() - begin).toMillis());
            appliedNow.add(migration);
        }
        return List.copyOf(appliedNow);
    }

    /** What {@code schema_migrations} records, by version. */
    public List<AppliedMigration> applied() {
        List<AppliedMigration> applied = new ArrayList<>();
        for (Row row : session.execute(SimpleStatement.newInstance(
                "SELECT version, description, checksum, applied_at FROM schema_migrations").setKeyspace(keyspace))) {
            applied.add(new AppliedMigration(row.getInt("version"), row.getString("description"),
                    row.getString("checksum"), row.getInstant("applied_at")));
        }
        applied.sort(Comparator.comparingInt(AppliedMigration::version));
        return List.copyOf(applied);
    }

    /** The migration files on the classpath, by version. */
    public List<Migration> available() {
        Map<Integer, Migration> byVersion = new TreeMap<>();
        for (String name : fileNames()) {
            Matcher m = FILE_NAME.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String resource = location + "/" + name;
            List<String> statements = CqlScript.statements(read(resource));
            Migration migration = new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '),
                    resource, checksum(statements), statements);
            Migration clash = byVersion.putIfAbsent(migration.version(), migration);
            if (clash != null && !clash.checksum().equals(migration.checksum())) {
                throw new MigrationException("Two migration files have version " + migration.version() + ": "
                        + clash.resource() + " and " + resource);
            }
        }
        return List.copyOf(byVersion.values());
    }

    private void ddl(SimpleStatement statement) {
        session.execute(statement.setKeyspace(keyspace).setTimeout(DDL_TIMEOUT));
    }

    private List<String> fileNames() {
        List<String> names = new ArrayList<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(location))) {
                switch (url.getProtocol()) {
                    case "file" -> {
                        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                            files.map(p -> p.getFileName().toString()).forEach(names::add);
                        }
                    }
                    case "jar" -> {
                        JarURLConnection connection = (JarURLConnection) url.openConnection();
                        connection.setUseCaches(false);
                        String prefix = location + "/";
                        try (JarFile jar = connection.getJarFile()) {
                            jar.stream()
                                    .map(e -> e.getName())
                                    .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                                    .map(n -> n.substring(prefix.length()))
                                    .forEach(names::add);
                        }
                    }
                    default -> throw new MigrationException("Cannot list migrations at " + url
                            + ": only directories and jars are supported");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new MigrationException("Cannot list migrations in " + location, e);
        }
        return names;
    }

    private String read(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new MigrationException("Migration " + resource + " disappeared from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checksum(List<String> statements) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(
                    sha.digest(String.join(";\n", statements).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
