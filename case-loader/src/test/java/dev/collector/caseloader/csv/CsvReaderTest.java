package dev.collector.caseloader.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    static List<CsvRecord> records(String text, Optional<Character> delimiter) throws IOException {
        CsvReader reader = CsvReader.open(new StringReader(text), delimiter);
        List<CsvRecord> records = new ArrayList<>();
        Optional<CsvRecord> record;
        while ((record = reader.next()).isPresent()) {
            records.add(record.get());
        }
        return records;
    }

    static List<CsvRecord> records(String text) throws IOException {
        return records(text, Optional.empty());
    }

    @Test
    void quotedFieldsKeepDelimitersDoubledQuotesAndLineBreaks() throws IOException {
        List<CsvRecord> records = records("a,b,c\n"
                + "\"Novak, Jan\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
                + "x,,\"\"\n");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(
                List.of("a", "b", "c"),
                List.of("Novak, Jan", "say \"hi\"", "two\nlines"),
                List.of("x", "", ""));
        assertThat(records).allMatch(r -> r.malformation().isEmpty());
    }

    @Test
    void lineNumbersArePhysicalLinesSoRowsAfterQuotedLineBreaksAreNumberedAsAnEditorShowsThem()
            throws IOException {
        List<CsvRecord> records = records("h1,h2\r\n\"multi\r\nline\r\nvalue\",1\r\n\r\nlast,2\r\n");

        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 6L);
        assertThat(records.get(1).fields()).containsExactly("multi\nline\nvalue", "1");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        List<CsvRecord> records = records("\uFEFFcase_id,name\n1,A\n");

        assertThat(records.get(0).fields()).containsExactly("case_id", "name");
    }

    @Test
    void theDelimiterIsTheOneTheHeaderUses() throws IOException {
        assertThat(records("case_id;debtor_name;amount\n1;\"Novak; Jan\";12,50\n"))
                .extracting(CsvRecord::fields)
                .containsExactly(List.of("case_id", "debtor_name", "amount"), List.of("1", "Novak; Jan", "12,50"));
        assertThat(CsvReader.detectDelimiter("a,b,c")).isEqualTo(',');
        assertThat(CsvReader.detectDelimiter("\"a;x\",b,c")).isEqualTo(',');
        assertThat(CsvReader.detectDelimiter("single")).isEqualTo(',');
    }

    @Test
    void aGivenDelimiterOverridesDetection() throws IOException {
        assertThat(records("a;b,c\n", Optional.of(',')).get(0).fields()).containsExactly("a;b", "c");
    }

    @Test
    void anUnclosedQuoteIsReportedWithTheLineItOpenedOn() throws IOException {
        List<CsvRecord> records = records("a,b\n1,2\n3,\"never closed\n4,5\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(2).malformation()).contains("quoted field opened on line 3 is never closed");
    }

    @Test
    void textAfterAClosingQuoteMakesTheRecordMalformedButTheReaderGoesOn() throws IOException {
        List<CsvRecord> records = records("a,b\n\"x\"y,2\n\"ok\" ,3\n");

        assertThat(records.get(1).malformation()).contains("text after the closing quote of field 1");
        assertThat(records.get(2).malformation()).isEmpty();
        assertThat(records.get(2).fields()).containsExactly("ok", "3");
    }

    @Test
    void aLastRecordWithoutLineBreakAndBlankLinesAreRead() throws IOException {
        assertThat(records("a,b\n\n1,2\n   \n3,4")).extracting(CsvRecord::line).containsExactly(1L, 3L, 5L);
    }
}
