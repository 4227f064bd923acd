package dev.collector.routing.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptBookTest {

    @Test
    void aStrategyGetsItsOwnScriptAndOthersTheDefault() {
        ScriptBook book = ScriptBook.parse(List.of("# house scripts", "[default]", "Greet the debtor.", "",
                "[late-stage]", "Explain what follows if nothing is paid.", "Offer an instalment plan."), "scripts.txt");

        assertThat(book.scriptFor("late-stage"))
                .containsExactly("Explain what follows if nothing is paid.", "Offer an instalment plan.");
        assertThat(book.scriptFor("autumn")).containsExactly("Greet the debtor.");
        assertThat(ScriptBook.none().scriptFor("autumn")).isEmpty();
    }

    @Test
    void aLineBeforeAnyHeaderIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> ScriptBook.parse(List.of("# scripts", "Greet the debtor."), "scripts.txt"))
                .hasMessage("scripts.txt line 2: a script line before any [strategy-id] header");
    }

    @Test
    void anEmptyOrRepeatedStrategyIsRefused() {
        assertThatThrownBy(() -> ScriptBook.parse(List.of("[default]", "[late]", "x"), "s.txt"))
                .hasMessage("s.txt: strategy 'default' has an empty script");
        assertThatThrownBy(() -> ScriptBook.parse(List.of("[a]", "x", "[a]", "y"), "s.txt"))
                .hasMessage("s.txt line 3: strategy 'a' has a script already");
    }
}
