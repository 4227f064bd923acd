package dev.collector.pbx.world;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a simulated debtor's phone reacts to a call; the labels of the capture's {@code [debtors]}. */
public enum CallOutcome {
    /** A person picks up after ringing, talks, hangs up. */
    ANSWER("answer"),
    /** An answering machine picks up, plays a long greeting, hangs up. */
    MACHINE("machine"),
    BUSY("busy"),
    CONGESTION("congestion"),
    /** It rings until the Originate's timeout. */
    NO_ANSWER("noanswer");

    private final String label;

    CallOutcome(String label) {
        this.label = label;
    }

    /** The value of the {@code FORCE} channel variable that forces this outcome. */
    public String label() {
        return label;
    }

    public static Optional<CallOutcome> fromLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(o -> o.label.equals(wanted)).findFirst();
    }
}
