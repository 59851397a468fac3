package io.rectify.marking;

import io.rectify.consolidate.PeriodFile;
import io.rectify.consolidate.ReturnDeadlines;
import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.UnitFigures;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.intake.Archive;
import io.rectify.intake.FoundFile;
import io.rectify.intake.ReturnLayout;
import io.rectify.intake.Sha256;
import io.rectify.ledger.Unit;
import io.rectify.ops.RectifyProperties;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.util.Reproducibility;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * U01's file {@code U01.xlsx} archived as ingest archives it, and a receipt whose accepted file it
 * is: what {@link ReturnMarker} needs without a whole night.
 */
final class ArchivedReturn {

    private ArchivedReturn() {
    }

    /** Archives {@code file} under {@code data} and gives it as U01's accepted file of 2024-03. */
    static PeriodFile archive(Path data, Path file) throws IOException {
        String sha256;
        try (InputStream in = Files.newInputStream(file)) {
            sha256 = Sha256.of(in);
        }
        new Archive(data).store(new FoundFile(file, "U01.xlsx", Files.size(file), sha256, Instant.EPOCH));
        return new PeriodFile(1, YearMonth.of(2024, 3), "U01.xlsx", "U01", LocalDate.of(2024, 4, 3), FileOutcome.ACCEPTED,
                false, sha256);
    }

    static Optional<Path> mark(ReturnMarker marker, UnitReceipt receipt, Path folder) throws IOException {
        List<Optional<Path>> result = new ArrayList<>();
        Reproducibility.runWithSourceDateEpoch(() -> result.add(marker.write(receipt, extension -> folder.resolve("U01-标注." + extension))));
        return result.get(0);
    }

    static UnitReceipt receipt(PeriodFile file, List<ExceptionEntry> exceptions) {
        Unit unit = new Unit("U01", "区发改委", "第一督查组", null, null);
        UnitFigures figures = new UnitFigures(unit, true, file, List.of(), new TaskCount(0, 0, 0, 0, 0, 0, 0, 0));
        return new UnitReceipt(figures, List.of(file), List.of(), List.of(), List.of(), exceptions,
                new ReturnDeadlines(LocalDate.of(2024, 4, 10), LocalDate.of(2024, 5, 10)));
    }

    static ExceptionEntry entry(Rule rule, int row, String column, String message) {
        return new ExceptionEntry(rule, "第一督查组", "U01", "区发改委", null, null, "U01.xlsx", ReturnLayout.PROGRESS_SHEET, row,
                column, null, message);
    }

    /** The application's properties with their defaults, the data folder given. */
    static RectifyProperties properties(Path data) {
        return new Binder(new MapConfigurationPropertySource(Map.of("rectify.data", data.toString())))
                .bindOrCreate("rectify", RectifyProperties.class);
    }
}
