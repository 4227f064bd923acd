package dev.collector.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting the code reads is in README's configuration table. The keys read are found in the
 * sources that read settings (every file that uses {@link ConfigSource}, and the classes that name
 * the outcome store's and the CRM clients' keys), so a key added to the code without a line in
 * the README fails here, not in an operator's first week.
 */
class ConfigurationDocumentedTest {

    private static final Pattern KEY_LITERAL = Pattern.compile("\"(collector\\.[a-z][a-zA-Z0-9.-]*[a-z0-9])\"");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*(`collector\\.[^|]*)\\|", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** Sources that name keys without going through ConfigSource themselves. */
    private static final Set<String> KEY_DEFINITIONS = Set.of(
            "outcome-store/src/main/java/dev/collector/outcomes/OutcomeStoreSettings.java",
            "crm-bridge/src/main/java/dev/collector/crmbridge/auth/CrmClients.java");

    @Test
    void everySettingTheCodeReadsHasARowInTheReadme() throws IOException {
        Path root = repositoryRoot();
        Set<String> documented = documentedKeys(Files.readString(root.resolve("README.md")));
        Set<String> read = keysRead(root);

        assertThat(read).as("settings found in the code").hasSizeGreaterThan(50);
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(documented);
        assertThat(missing).as("settings the code reads that README.md's configuration table does not list").isEmpty();
    }

    @Test
    void theReadmeTableSpellsOutShortenedKeysAgainstTheFirstKeyOfTheirRow() {
        Set<String> keys = documentedKeys("| `collector.smtp.host` / `port` / `from` | (none) / `25` | x |\n"
                + "| `collector.grpc.tls.cert-chain` / `private-key` | (none) | y |\n");
        assertThat(keys).containsExactlyInAnyOrder("collector.smtp.host", "collector.smtp.port", "collector.smtp.from",
                "collector.grpc.tls.cert-chain", "collector.grpc.tls.private-key");
    }

    /** The first cell of each row: a full key, then keys written relative to its parent ({@code / `port`}). */
    static Set<String> documentedKeys(String readme) {
        Set<String> keys = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(readme);
        while (row.find()) {
            Matcher code = CODE.matcher(row.group(1));
            String parent = null;
            while (code.find()) {
                String key = code.group(1).trim();
                if (key.startsWith("collector.")) {
                    keys.add(key);
                    parent = key.substring(0, key.lastIndexOf('.'));
                } else if (parent != null) {
                    keys.add(parent + "." + key);
                }
            }
        }
        return keys;
    }

    static Set<String> keysRead(Path root) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().replace('\\', '/').contains("/src/main/java/")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                String source = Files.readString(file);
                if (KEY_DEFINITIONS.contains(relative) || (source.contains("ConfigSource") && !relative.endsWith("/ConfigSource.java"))) {
                    Matcher literal = KEY_LITERAL.matcher(source);
                    while (literal.find()) {
                        keys.add(literal.group(1));
                    }
                }
            }
        }
        return keys;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md")) || dir != null && !Files.exists(dir.resolve("app"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
