package io.rectify.nightly;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress line of a long ingest, for the log: at most one line per interval while files are
 * read ({@code 2024-03: files 12/54, 3,400 rows/s, ~8 s left}), and one when the period's files
 * are all read. The time left assumes the files still to read are like those read so far.
 */
final class IngestProgress {

    private static final Logger log = LoggerFactory.getLogger(IngestProgress.class);
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final YearMonth period;
    private final int total;
    private final LongSupplier nanoTime;
    private final long interval;
    private final long started;
    private long lastLine;
    private int files;
    private long rows;

    IngestProgress(YearMonth period, int total) {
        this(period, total, System::nanoTime, INTERVAL);
    }

    IngestProgress(YearMonth period, int total, LongSupplier nanoTime, Duration interval) {
        this.period = period;
        this.total = total;
        this.nanoTime = nanoTime;
        this.interval = interval.toNanos();
        this.started = nanoTime.getAsLong();
        this.lastLine = started;
    }

    /** Counts one file read with its rows; returns the progress line when one is due, else null. */
    String fileRead(int fileRows) {
        files++;
        rows += fileRows;
        long now = nanoTime.getAsLong();
        if (files == total || now - lastLine < interval) {
            return null;
        }
        lastLine = now;
        String line = line(now);
        log.info(line);
        return line;
    }

    /** The closing line, logged once every file is read. */
    String finished() {
        double seconds = seconds(nanoTime.getAsLong());
        String line = String.format(Locale.ROOT, "%s: files %d/%d read, %,d rows in %.1f s (%s rows/s)",
                period, files, total, rows, seconds, rate(seconds));
        log.info(line);
        return line;
    }

    private String line(long now) {
        double seconds = seconds(now);
        long left = Math.round(seconds / files * (total - files));
        return String.format(Locale.ROOT, "%s: files %d/%d, %s rows/s, ~%d s left", period, files, total, rate(seconds), left);
    }

    private String rate(double seconds) {
        return String.format(Locale.ROOT, "%,d", seconds <= 0 ? rows : Math.round(rows / seconds));
    }

    private double seconds(long now) {
        return (now - started) / 1e9;
    }
}
