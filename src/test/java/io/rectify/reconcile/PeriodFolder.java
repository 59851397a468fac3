package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodFolderScanner;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReturnReader;
import io.rectify.intake.ReadLimits;
import io.rectify.intake.ReviewOutcome;
import io.rectify.intake.ReviewReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A period folder {@code <input>/returns/<YYYY-MM>/} as the units filled it: their returns and any
 * other files, written as real files by {@link #write}. {@link #scan()} and {@link #outcomes()}
 * are what {@link PeriodFolderScanner} and {@link ReturnReader} give for the written folder.
 */
public final class PeriodFolder {

    private final Path returns;
    private final Path reviewsRoot;
    private final List<ReviewFixture> reviews = new ArrayList<>();
    private final List<String> reviewOthers = new ArrayList<>();
    private final YearMonth period;
    private final List<ReturnFixture> fixtures = new ArrayList<>();
    private final List<String> others = new ArrayList<>();
    private PeriodScan scan;
    private Map<FoundFile, ReadOutcome> outcomes;

    public PeriodFolder(Path input, String period) {
        this.period = YearMonth.parse(period);
        this.returns = input.resolve("returns");
        this.reviewsRoot = input.resolve("reviews");
    }

    public YearMonth period() {
        return period;
    }

    public Path folder() {
        return returns.resolve(period.toString());
    }

    public PeriodFolder add(ReturnFixture... returns) {
        fixtures.addAll(List.of(returns));
        return this;
    }

    /** Review workbooks of the period's reviews folder {@code <input>/reviews/<YYYY-MM>/}. */
    public PeriodFolder review(ReviewFixture... workbooks) {
        reviews.addAll(List.of(workbooks));
        return this;
    }

    /** A file of the reviews folder that is no workbook. */
    public PeriodFolder reviewOther(String relative) {
        reviewOthers.add(relative);
        return this;
    }

    public Path reviewsFolder() {
        return reviewsRoot.resolve(period.toString());
    }

    /** The period's reviews folder as written, scanned with {@link PeriodFolderScanner} and read with {@link ReviewReader}. */
    public PeriodReviews reviews() {
        LocalDateTime defaultModified = period.plusMonths(1).atDay(3).atTime(10, 0);
        reviews.forEach(r -> r.write(reviewsFolder(), defaultModified));
        try {
            for (String other : reviewOthers) {
                Path file = reviewsFolder().resolve(other);
                Files.createDirectories(file.getParent());
                Files.writeString(file, "审核说明", StandardCharsets.UTF_8);
            }
            PeriodScan reviewScan = new PeriodFolderScanner(reviewsRoot).scan(period);
            ReviewReader reader = new ReviewReader(ReadLimits.DEFAULTS);
            Map<FoundFile, ReviewOutcome> read = new LinkedHashMap<>();
            reviewScan.workbooks().forEach(f -> read.put(f, reader.read(f)));
            return new PeriodReviews(reviewScan, read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file that is no workbook, such as a Word document or an Office lock file ({@code ~$...}). */
    public PeriodFolder otherFile(String relative) {
        others.add(relative);
        return this;
    }

    /**
     * Writes every file added into the period folder, next to whatever it already holds. A return
     * without its own time was last modified on the 2nd of the following month, 10:00.
     */
    public PeriodFolder write() {
        LocalDateTime defaultModified = period.plusMonths(1).atDay(2).atTime(10, 0);
        fixtures.forEach(f -> f.write(folder(), defaultModified));
        try {
            for (String other : others) {
                Path file = folder().resolve(other);
                Files.createDirectories(file.getParent());
                Files.writeString(file, "不是报送表", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The scan of the folder, written on first use. */
    public PeriodScan scan() {
        if (scan == null) {
            write();
            try {
                scan = new PeriodFolderScanner(returns).scan(period);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scan;
    }

    /** What the reader gives for each workbook of {@link #scan()}, in path order. */
    public Map<FoundFile, ReadOutcome> outcomes() {
        if (outcomes == null) {
            ReturnReader reader = new ReturnReader();
            outcomes = new LinkedHashMap<>();
            scan().workbooks().forEach(file -> outcomes.put(file, reader.read(file)));
        }
        return outcomes;
    }
}
