package dev.collector.outcomes.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CqlScriptTest {

    @Test
    void statements_split_on_semicolons_outside_strings_and_comments() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE t (id int PRIMARY KEY, note text); // trailing; comment
                /* block; comment */
                INSERT INTO t (id, note) VALUES (1, 'it''s; fine');
                CREATE FUNCTION f (x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return x; $$
                """;

        assertThat(CqlScript.statements(script)).containsExactly(
                "CREATE TABLE t (id int PRIMARY KEY, note text)",
                "INSERT INTO t (id, note) VALUES (1, 'it''s; fine')",
                "CREATE FUNCTION f (x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return x; $$");
    }

    @Test
    void comments_and_indentation_do_not_change_the_statements() {
        assertThat(CqlScript.statements("CREATE TABLE t (\n  id int PRIMARY KEY\n);\n"))
                .isEqualTo(CqlScript.statements("-- why t exists\nCREATE TABLE t (\r\n    id int PRIMARY KEY\r\n)  ;"));
    }
}
