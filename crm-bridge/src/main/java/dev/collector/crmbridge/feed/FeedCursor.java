package dev.collector.crmbridge.feed;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A position in the feed: the ringbuffer sequence of an event. On the wire it is the sequence in
 * decimal, which clients treat as opaque; keeping it this plain makes a cursor readable in logs
 * and support tickets.
 */
record FeedCursor(long sequence) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    FeedCursor {
        if (sequence < 0) {
            throw new IllegalArgumentException("a sequence is not negative: " + sequence);
        }
    }

    static Optional<FeedCursor> decode(String text) {
        return DIGITS.matcher(text).matches() ? Optional.of(new FeedCursor(Long.parseLong(text))) : Optional.empty();
    }

    String encode() {
        return Long.toString(sequence);
    }

    /** Where reading resumes: right after this event. */
    long next() {
        return sequence + 1;
    }
}
