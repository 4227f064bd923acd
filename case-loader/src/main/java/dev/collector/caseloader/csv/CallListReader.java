package dev.collector.caseloader.csv;

import com.google.type.Date;
import dev.collector.protos.v1.Case;
import dev.collector.protos.v1.Claim;
import dev.collector.protos.v1.Debtor;
import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the rows of a call-list CSV into cases: one row per claim, the consecutive rows sharing a
 * case_id making one case. The loader only refuses what it cannot put into a Case (a bad date, a
 * bad number, a row of the wrong width); judging the case is the server's job.
 */
public final class CallListReader implements Closeable {

    private static final Pattern PHONE_SEPARATOR = Pattern.compile("[;|]");
    private static final DateTimeFormatter DUE_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private final CsvReader csv;
    private final Map<Column, Integer> columns;
    private final int width;
    private final List<String> ignoredColumns;
    private Optional<CsvRecord> pending = Optional.empty();
    private long rowsRead;

    private CallListReader(CsvReader csv, Map<Column, Integer> columns, int width, List<String> ignoredColumns) {
        this.csv = csv;
        this.columns = columns;
        this.width = width;
        this.ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** Reads the header row. */
    public static CallListReader open(CsvReader csv) throws IOException, MalformedHeaderException {
        CsvRecord header = csv.next().orElseThrow(() -> new MalformedHeaderException("the file is empty"));
        if (header.malformation().isPresent()) {
            throw new MalformedHeaderException("header row: " + header.malformation().get());
        }
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i);
            Optional<Column> column = Column.byHeader(name);
            if (column.isEmpty()) {
                if (!name.isBlank()) {
                    ignored.add(name.strip());
                }
            } else if (columns.putIfAbsent(column.get(), i) != null) {
                throw new MalformedHeaderException("header row names column " + column.get().header() + " twice");
            }
        }
        List<String> missing = Arrays.stream(Column.values())
                .filter(c -> c.required() && !columns.containsKey(c))
                .map(Column::header)
                .toList();
        if (!missing.isEmpty()) {
            throw new MalformedHeaderException("header row lacks column(s) " + String.join(", ", missing)
                    + " (found: " + String.join(", ", header.fields()) + "; delimiter '" + csv.delimiter() + "')");
        }
        return new CallListReader(csv, columns, header.fields().size(), ignored);
    }

    /** Header names that are no call-list column: CRM exports carry more than we need. */
    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /** Data rows read so far (the header and blank lines not counted). */
    public long rowsRead() {
        return rowsRead;
    }

    /** The next case of the file, or empty at its end. */
    public Optional<CallListEntry> next() throws IOException {
        Optional<CsvRecord> first = pending.isPresent() ? pending : csv.next();
        pending = Optional.empty();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        CaseRows rows = new CaseRows(first.get());
        // A row without a case id is a case of its own: grouping blanks would glue strangers together.
        if (!rows.caseId.isEmpty()) {
            Optional<CsvRecord> next;
            while ((next = csv.next()).isPresent()) {
                if (caseIdOf(next.get()).equals(rows.caseId)) {
                    rows.add(next.get());
                } else {
                    pending = next;
                    break;
                }
            }
        }
        return Optional.of(rows.toEntry());
    }

    private String caseIdOf(CsvRecord record) {
        int index = columns.get(Column.CASE_ID);
        return index < record.fields().size() ? record.fields().get(index).strip() : "";
    }

    private Optional<String> value(CsvRecord record, Column column) {
        Integer index = columns.get(column);
        return index == null ? Optional.empty() : Optional.of(record.fields().get(index).strip());
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** The rows of one case as they are read, and what was wrong with them. */
    private final class CaseRows {
        private final String caseId;
        private final CsvRecord first;
        private final Case.Builder value = Case.newBuilder();
        private final List<Long> lines = new ArrayList<>();
        private final List<Long> claimLines = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();

        CaseRows(CsvRecord first) {
            this.caseId = caseIdOf(first);
            this.first = first;
            add(first);
        }

        void add(CsvRecord row) {
            rowsRead++;
            lines.add(row.line());
            if (row.malformation().isPresent()) {
                problem(row, "", row.malformation().get());
                return;
            }
            int size = row.fields().size();
            boolean extraFieldsBlank = row.fields().subList(Math.min(size, width), size).stream()
                    .allMatch(String::isBlank);
            if (size < width || !extraFieldsBlank) {
                problem(row, "", "row has " + size + " fields, the header " + width
                        + " (an unquoted delimiter or line break in a value?)");
                return;
            }
            if (row == first) {
                readCaseColumns(row);
            } else {
                checkAgreesWithFirst(row);
            }
            readClaim(row);
        }

        private void readCaseColumns(CsvRecord row) {
            value.setCaseId(caseId);
            value.setCampaignId(value(row, Column.CAMPAIGN_ID).orElse(""));
            value.setDebtor(Debtor.newBuilder()
                    .setDebtorId(value(row, Column.DEBTOR_ID).orElse(""))
                    .setName(value(row, Column.DEBTOR_NAME).orElse("")));
            PHONE_SEPARATOR.splitAsStream(value(row, Column.PHONE_NUMBERS).orElse(""))
                    .map(String::strip)
                    .filter(number -> !number.isEmpty())
                    .forEach(value::addPhoneNumbers);
            value.setTimeZone(value(row, Column.TIME_ZONE).orElse(""));
            value(row, Column.PRIORITY).filter(s -> !s.isEmpty()).ifPresent(text -> {
                try {
                    value.setPriority(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    problem(row, Column.PRIORITY.header(), "priority '" + text + "' is not a whole number");
                }
            });
            value(row, Column.VERSION).filter(s -> !s.isEmpty()).ifPresent(text -> {
                try {
                    value.setVersion(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    problem(row, Column.VERSION.header(), "version '" + text + "' is not a whole number");
                }
            });
        }

        // Later rows may repeat the case's columns or leave them empty, but not contradict the first.
        private void checkAgreesWithFirst(CsvRecord row) {
            if (first.malformation().isPresent() || first.fields().size() != row.fields().size()) {
                return;
            }
            for (Column column : Column.values()) {
                if (!column.caseLevel() || !columns.containsKey(column)) {
                    continue;
                }
                String said = value(row, column).orElse("");
                String firstSaid = value(first, column).orElse("");
                if (!said.isEmpty() && !said.equals(firstSaid)) {
                    problem(row, column.header(), column.header() + " '" + said + "' differs from '" + firstSaid
                            + "' on line " + first.line() + ", the case's first row");
                }
            }
        }

        private void readClaim(CsvRecord row) {
            String claimId = value(row, Column.CLAIM_ID).orElse("");
            String amount = value(row, Column.AMOUNT).orElse("");
            String currency = value(row, Column.CURRENCY).orElse("").toUpperCase(Locale.ROOT);
            String dueDate = value(row, Column.DUE_DATE).orElse("");
            if (claimId.isEmpty() && amount.isEmpty() && currency.isEmpty() && dueDate.isEmpty()) {
                return; // a case row without a claim
            }
            Claim.Builder claim = Claim.newBuilder().setClaimId(claimId);
            int problemsBefore = problems.size();
            try {
                claim.setAmountDue(Amounts.toMoney(amount, currency));
            } catch (IllegalArgumentException e) {
                problem(row, Column.AMOUNT.header(), e.getMessage());
            }
            try {
                LocalDate due = LocalDate.parse(dueDate, DUE_DATE);
                claim.setDueDate(Date.newBuilder()
                        .setYear(due.getYear()).setMonth(due.getMonthValue()).setDay(due.getDayOfMonth()));
            } catch (DateTimeParseException e) {
                problem(row, Column.DUE_DATE.header(), dueDate.isEmpty() ? "due_date is empty"
                        : "due_date '" + dueDate + "' is not a date YYYY-MM-DD");
            }
            if (problems.size() == problemsBefore) {
                value.addClaims(claim);
                claimLines.add(row.line());
            }
        }

        private void problem(CsvRecord row, String field, String message) {
            problems.add(new RowProblem(row.line(), caseId, field, message));
        }

        CallListEntry toEntry() {
            if (problems.isEmpty()) {
                return new CallListEntry.Parsed(value.build(), new CaseLines(caseId, first.line(), claimLines));
            }
            List<RowProblem> all = new ArrayList<>(problems);
            long firstBadLine = problems.get(0).line();
            for (long line : lines) {
                if (problems.stream().noneMatch(p -> p.line() == line)) {
                    all.add(new RowProblem(line, caseId, "",
                            "not sent with its case: line " + firstBadLine + " of the same case is bad"));
                }
            }
            all.sort(Comparator.comparingLong(RowProblem::line));
            return new CallListEntry.Unparseable(caseId, all);
        }
    }
}
