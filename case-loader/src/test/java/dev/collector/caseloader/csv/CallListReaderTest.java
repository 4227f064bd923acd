package dev.collector.caseloader.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.type.Date;
import dev.collector.protos.v1.Case;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallListReaderTest {

    static final String HEADER = "case_id,campaign_id,debtor_id,debtor_name,phone_numbers,claim_id,amount,currency,due_date";

    static List<CallListEntry> entries(String text) throws Exception {
        return entries(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<CallListEntry> entries(byte[] bytes) throws Exception {
        CallListReader reader = CallListReader.open(CsvReader.open(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), Optional.empty()));
        List<CallListEntry> entries = new ArrayList<>();
        Optional<CallListEntry> entry;
        while ((entry = reader.next()).isPresent()) {
            entries.add(entry.get());
        }
        return entries;
    }

    static CallListEntry.Parsed parsed(CallListEntry entry) {
        assertThat(entry).isInstanceOf(CallListEntry.Parsed.class);
        return (CallListEntry.Parsed) entry;
    }

    static CallListEntry.Unparseable unparseable(CallListEntry entry) {
        assertThat(entry).isInstanceOf(CallListEntry.Unparseable.class);
        return (CallListEntry.Unparseable) entry;
    }

    @Test
    void consecutiveRowsOfOneCaseIdMakeOneCaseWithAClaimPerRow() throws Exception {
        List<CallListEntry> entries = entries(HEADER + "\n"
                + "C1,spring,D1,Jan Novak,+420601123456;+420602000111,K1,1200.50,czk,2026-01-15\n"
                + "C1,,,,,K2,300,CZK,2026-02-15\n"
                + "C2,spring,D2,Eva Dvorakova,+420603000222|+420604000333,K3,99.99,CZK,2025-12-31\n");

        assertThat(entries).hasSize(2);
        Case first = parsed(entries.get(0)).value();
        assertThat(first.getCaseId()).isEqualTo("C1");
        assertThat(first.getCampaignId()).isEqualTo("spring");
        assertThat(first.getDebtor().getDebtorId()).isEqualTo("D1");
        assertThat(first.getDebtor().getName()).isEqualTo("Jan Novak");
        assertThat(first.getPhoneNumbersList()).containsExactly("+420601123456", "+420602000111");
        assertThat(first.getClaimsList()).extracting(c -> c.getClaimId()).containsExactly("K1", "K2");
        assertThat(first.getClaims(0).getAmountDue().getUnits()).isEqualTo(1200);
        assertThat(first.getClaims(0).getAmountDue().getNanos()).isEqualTo(500_000_000);
        assertThat(first.getClaims(0).getAmountDue().getCurrencyCode()).isEqualTo("CZK");
        assertThat(first.getClaims(1).getDueDate()).isEqualTo(Date.newBuilder().setYear(2026).setMonth(2).setDay(15).build());
        assertThat(parsed(entries.get(0)).lines()).isEqualTo(new CaseLines("C1", 2, List.of(2L, 3L)));

        Case second = parsed(entries.get(1)).value();
        assertThat(second.getPhoneNumbersList()).containsExactly("+420603000222", "+420604000333");
        assertThat(parsed(entries.get(1)).lines().firstLine()).isEqualTo(4);
    }

    @Test
    void columnsMayComeInAnyOrderAndCaseWithOptionalOnesAndUnknownOnesIgnored() throws Exception {
        String csv = "\uFEFFDue_Date;Amount;Currency;Claim_ID;Phone_Numbers;Debtor_Name;Debtor_ID;Campaign_ID;Case_ID;"
                + "Priority;Version;Time_Zone;Branch\r\n"
                + "2026-03-01;10.5;EUR;K1;\"+4915112345678;+4915187654321\";\"Müller; Hans\";D9;autumn;C9;7;42;Europe/Berlin;Nord\r\n";
        CallListReader reader = CallListReader.open(CsvReader.open(new InputStreamReader(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8), Optional.empty()));

        assertThat(reader.ignoredColumns()).containsExactly("Branch");
        Case loaded = parsed(reader.next().orElseThrow()).value();
        assertThat(loaded.getCaseId()).isEqualTo("C9");
        assertThat(loaded.getDebtor().getName()).isEqualTo("Müller; Hans");
        assertThat(loaded.getPhoneNumbersList()).containsExactly("+4915112345678", "+4915187654321");
        assertThat(loaded.getPriority()).isEqualTo(7);
        assertThat(loaded.getVersion()).isEqualTo(42);
        assertThat(loaded.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(loaded.getClaims(0).getAmountDue().getNanos()).isEqualTo(500_000_000);
        assertThat(reader.next()).isEmpty();
        assertThat(reader.rowsRead()).isEqualTo(1);
    }

    @Test
    void aHeaderWithoutARequiredColumnIsRefusedNamingIt() {
        assertThatThrownBy(() -> entries("case_id,campaign_id,debtor_id,debtor_name,claim_id,amount,currency\n"))
                .isInstanceOf(MalformedHeaderException.class)
                .hasMessageContaining("lacks column(s) phone_numbers, due_date");
        assertThatThrownBy(() -> entries(""))
                .isInstanceOf(MalformedHeaderException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> entries(HEADER + ",Case_ID\n"))
                .hasMessageContaining("names column case_id twice");
    }

    @Test
    void rowsTheLoaderCannotReadAreRefusedWithTheirLineNumbersAndTheFieldAtFault() throws Exception {
        List<CallListEntry> entries = entries(HEADER + "\n"
                + "C1,spring,D1,A,+420601123456,K1,10.00,CZK,2026-02-30\n"
                + "C2,spring,D2,B,+420601123457,K2,ten,CZK,2026-02-01\n"
                + "C3,spring,D3,C,+420601123458,K3,10.00,CZK\n"
                + "\"C4\",spring,D4,\"D\nsecond line\",+420601123459,K4,1.00,CZK,2026-01-01\n"
                + "C5,spring,D5,E,+420601123450,K5,1.00,CZK,2026-01-01,unexpected\n"
                + "C6,spring,D6,F,+420601123451,K6,-1.00,,\n");

        assertThat(entries).hasSize(6);
        assertThat(unparseable(entries.get(0)).problems()).containsExactly(
                new RowProblem(2, "C1", "due_date", "due_date '2026-02-30' is not a date YYYY-MM-DD"));
        assertThat(unparseable(entries.get(1)).problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(3))
                .satisfies(p -> assertThat(p.field()).isEqualTo("amount"));
        assertThat(unparseable(entries.get(2)).problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(4))
                .satisfies(p -> assertThat(p.message()).contains("row has 8 fields, the header 9"));
        // the quoted line break is fine: the case is read, and the next row starts on line 7
        assertThat(parsed(entries.get(3)).value().getDebtor().getName()).isEqualTo("D\nsecond line");
        assertThat(unparseable(entries.get(4)).problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(7));
        // a negative amount and an empty currency are the server's to judge; an empty date fits no Case
        assertThat(unparseable(entries.get(5)).problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("due_date"));
    }

    @Test
    void oneBadRowKeepsItsWholeCaseBackAndEveryRowOfItIsNamed() throws Exception {
        List<CallListEntry> entries = entries(HEADER + "\n"
                + "C1,spring,D1,A,+420601123456,K1,10.00,CZK,2026-01-01\n"
                + "C1,spring,D1,A,+420601123456,K2,10.00,CZK,01/02/2026\n"
                + "C1,spring,D1,A,+420601123456,K3,10.00,CZK,2026-01-03\n"
                + "C2,spring,D2,B,+420601123457,K4,10.00,CZK,2026-01-01\n");

        assertThat(unparseable(entries.get(0)).problems()).extracting(RowProblem::line, RowProblem::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, ""),
                        org.assertj.core.groups.Tuple.tuple(3L, "due_date"),
                        org.assertj.core.groups.Tuple.tuple(4L, ""));
        assertThat(unparseable(entries.get(0)).problems().get(0).message()).contains("line 3 of the same case");
        assertThat(parsed(entries.get(1)).value().getCaseId()).isEqualTo("C2");
    }

    @Test
    void rowsOfOneCaseThatContradictEachOtherAreRefused() throws Exception {
        List<CallListEntry> entries = entries(HEADER + "\n"
                + "C1,spring,D1,A,+420601123456,K1,10.00,CZK,2026-01-01\n"
                + "C1,autumn,D1,A,,K2,10.00,CZK,2026-01-02\n");

        assertThat(unparseable(entries.get(0)).problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("campaign_id");
            assertThat(p.message()).contains("'autumn' differs from 'spring' on line 2");
        });
    }

    @Test
    void theSameCaseIdLaterInTheFileIsAnotherCaseAndRowsWithoutCaseIdAreNeverGrouped() throws Exception {
        List<CallListEntry> entries = entries(HEADER + "\n"
                + "C1,spring,D1,A,+420601123456,K1,10.00,CZK,2026-01-01\n"
                + "C2,spring,D2,B,+420601123457,K2,10.00,CZK,2026-01-01\n"
                + "C1,spring,D1,A,+420601123456,K3,10.00,CZK,2026-01-01\n"
                + ",spring,D3,C,+420601123458,K4,10.00,CZK,2026-01-01\n"
                + ",spring,D4,D,+420601123459,K5,10.00,CZK,2026-01-01\n");

        assertThat(entries).hasSize(5).allMatch(e -> e instanceof CallListEntry.Parsed);
    }

    @Test
    void aRowWithoutClaimColumnsIsACaseWithoutThatClaim() throws Exception {
        Case loaded = parsed(entries(HEADER + "\nC1,spring,D1,A,+420601123456,,,,\n").get(0)).value();

        assertThat(loaded.getClaimsCount()).isZero();
    }

    @Test
    void textThatIsNotUtf8IsAnErrorNotGarbledNames() {
        byte[] latin1 = (HEADER + "\nC1,spring,D1,Müller,+420601123456,K1,1.00,EUR,2026-01-01\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT);
            CallListReader reader = CallListReader.open(CsvReader.open(
                    new InputStreamReader(new ByteArrayInputStream(latin1), decoder), Optional.empty()));
            reader.next();
        }).isInstanceOf(IOException.class);
    }
}
