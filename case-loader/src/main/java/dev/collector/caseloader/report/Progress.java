package dev.collector.caseloader.report;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Shows how far a load is: a bar redrawn in place on a terminal, else (a log, a pipe, cron) a line
 * every few seconds. The ETA comes from how much of the file has been read, the only measure of
 * the whole known before the end.
 */
public final class Progress implements AutoCloseable {

    private static final int BAR_WIDTH = 24;

    private final AtomicLong casesSent = new AtomicLong();
    private final AtomicLong casesAcknowledged = new AtomicLong();
    private final LongSupplier bytesRead;
    private final long fileSize;
    private final Clock clock;
    private final PrintStream err;
    private final boolean terminal;
    private final Duration every;
    private final Instant start;
    private ScheduledExecutorService ticker;
    private int lastWidth;

    /**
     * @param fileSize 0 when unknown (no ETA then)
     * @param terminal draw a bar in place instead of printing lines
     */
    public Progress(LongSupplier bytesRead, long fileSize, Clock clock, PrintStream err, boolean terminal,
                    Duration every) {
        this.bytesRead = bytesRead;
        this.fileSize = fileSize;
        this.clock = clock;
        this.err = err;
        this.terminal = terminal;
        this.every = every;
        this.start = clock.instant();
    }

    public void sent(int cases) {
        casesSent.addAndGet(cases);
    }

    public void acknowledged(int cases) {
        casesAcknowledged.addAndGet(cases);
    }

    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "case-loader-progress");
            thread.setDaemon(true);
            return thread;
        });
        long millis = every.toMillis();
        ticker.scheduleAtFixedRate(this::show, millis, millis, TimeUnit.MILLISECONDS);
    }

    private synchronized void show() {
        String text = describe(terminal);
        if (terminal) {
            // pad over a longer previous line, then return to its start for the next redraw
            err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
            lastWidth = text.length();
        } else {
            err.println(text);
        }
        err.flush();
    }

    /** The progress as one line, a bar first when drawn on a terminal. */
    public String describe(boolean withBar) {
        long sent = casesSent.get();
        long acknowledged = casesAcknowledged.get();
        double seconds = Math.max(0.001, Duration.between(start, clock.instant()).toMillis() / 1000.0);
        double fraction = fileSize > 0 ? Math.min(1.0, (double) bytesRead.getAsLong() / fileSize) : -1;
        StringBuilder line = new StringBuilder();
        if (withBar && fraction >= 0) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            line.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
        }
        if (fraction >= 0) {
            line.append(String.format("%3d%% read, ", Math.round(fraction * 100)));
        }
        line.append(String.format("%,d cases sent, %,d acknowledged, %,.0f/s", sent, acknowledged,
                acknowledged / seconds));
        if (fraction > 0 && fraction < 1) {
            line.append(", ETA ").append(clockTime(Math.round(seconds * (1 - fraction) / fraction)));
        }
        return line.toString();
    }

    private static String clockTime(long seconds) {
        return seconds >= 3600
                ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** Stops the display; on a terminal the bar is drawn once more, complete, and its line ended. */
    @Override
    public synchronized void close() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        ticker = null;
        if (terminal) {
            show();
            err.println();
        }
    }
}
