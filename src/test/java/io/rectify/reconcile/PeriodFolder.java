package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.SkippedFile;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A period folder under input/returns/ as the units filled it: their returns and any other files.
 * {@link #scan()} and {@link #outcomes()} are what the folder scanner and the reader give for it.
 */
final class PeriodFolder {

    private final Path folder;
    private final YearMonth period;
    private final List<ReturnFixture> returns = new ArrayList<>();
    private final List<SkippedFile> others = new ArrayList<>();

    PeriodFolder(Path input, String period) {
        this.period = YearMonth.parse(period);
        this.folder = input.resolve("returns").resolve(period);
    }

    YearMonth period() {
        return period;
    }

    PeriodFolder add(ReturnFixture... fixtures) {
        returns.addAll(List.of(fixtures));
        return this;
    }

    /** A file that is no workbook, such as a Word document. */
    PeriodFolder otherFile(String relative) {
        others.add(new SkippedFile(relative, "不是Excel工作簿（.xlsx/.xls）"));
        return this;
    }

    PeriodScan scan() {
        return new PeriodScan(period, List.copyOf(outcomes().keySet()), List.copyOf(others));
    }

    Map<FoundFile, ReadOutcome> outcomes() {
        LocalDateTime defaultModified = period.plusMonths(1).atDay(2).atTime(10, 0);
        Map<FoundFile, ReadOutcome> outcomes = new LinkedHashMap<>();
        returns.stream().sorted((a, b) -> a.file().compareTo(b.file())).forEach(r -> {
            Map.Entry<FoundFile, ReadOutcome> read = r.read(folder, defaultModified);
            outcomes.put(read.getKey(), read.getValue());
        });
        return outcomes;
    }
}
