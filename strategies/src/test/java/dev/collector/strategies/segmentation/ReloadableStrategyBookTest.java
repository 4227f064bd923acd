package dev.collector.strategies.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collector.strategies.book.InvalidStrategyBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableStrategyBookTest {

    private static String book(long seed, String champion) {
        return """
                { "seed": %d,
                  "strategies": { "a": { "stages": [ { "on": "NEW", "actions": [ { "do": "EMAIL", "template": "t", "cost": 0 } ] } ] },
                                  "b": { "stages": [ { "on": "NEW", "actions": [ { "do": "AGENCY", "cost": 20 } ] } ] } },
                  "segments": [ { "name": "all", "champion": "%s" } ] }
                """.formatted(seed, champion);
    }

    @Test
    void a_changed_file_is_read_again_and_a_bad_one_leaves_the_rules_in_force(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strategies.json");
        Files.writeString(file, book(1, "a"));
        ReloadableStrategyBook rules = ReloadableStrategyBook.open(Optional.of(file));
        assertThat(rules.get().segments().get(0).champion()).isEqualTo("a");
        assertThat(rules.reloadIfChanged()).isEmpty();

        Files.writeString(file, book(2, "b"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 2_000));
        assertThat(rules.reloadIfChanged()).isPresent();
        assertThat(rules.get().segments().get(0).champion()).isEqualTo("b");

        Files.writeString(file, book(3, "c"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 4_000));
        assertThatThrownBy(rules::reloadIfChanged).isInstanceOf(InvalidStrategyBook.class)
                .hasMessageContaining("line 4").hasMessageContaining("champion: no strategy named 'c'");
        assertThat(rules.get().seed()).isEqualTo(2);
        // reported once, not again on every check until the file is fixed
        assertThat(rules.reloadIfChanged()).isEmpty();
    }

    @Test
    void a_bad_file_at_start_stops_the_start(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strategies.json");
        Files.writeString(file, book(1, "nobody"));
        assertThatThrownBy(() -> ReloadableStrategyBook.open(Optional.of(file)))
                .isInstanceOf(InvalidStrategyBook.class).hasMessageContaining(file.toString());
    }
}
