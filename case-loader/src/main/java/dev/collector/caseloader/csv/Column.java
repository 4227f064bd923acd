package dev.collector.caseloader.csv;

import java.util.Locale;
import java.util.Optional;

/** The columns of a call-list CSV, named in its header; one row per claim. */
public enum Column {
    CASE_ID(true, true),
    CAMPAIGN_ID(true, true),
    DEBTOR_ID(true, true),
    DEBTOR_NAME(true, true),
    PHONE_NUMBERS(true, true),
    TIME_ZONE(false, true),
    PRIORITY(false, true),
    VERSION(false, true),
    CLAIM_ID(true, false),
    AMOUNT(true, false),
    CURRENCY(true, false),
    DUE_DATE(true, false);

    private final boolean required;
    private final boolean caseLevel;

    Column(boolean required, boolean caseLevel) {
        this.required = required;
        this.caseLevel = caseLevel;
    }

    /** The column's name in the header, e.g. "debtor_name". */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean required() {
        return required;
    }

    /** Said once per case (on every row of it, or on its first row only); the rest are per claim. */
    public boolean caseLevel() {
        return caseLevel;
    }

    /** Header names are matched without regard to case or surrounding blanks. */
    public static Optional<Column> byHeader(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Column column : values()) {
            if (column.header().equals(wanted)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
