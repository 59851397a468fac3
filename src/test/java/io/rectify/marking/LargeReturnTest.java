package io.rectify.marking;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.consolidate.PeriodFile;
import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.UnitFigures;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.intake.Archive;
import io.rectify.intake.FoundFile;
import io.rectify.intake.ReturnLayout;
import io.rectify.intake.Sha256;
import io.rectify.ledger.Unit;
import io.rectify.ops.RectifyProperties;
import io.rectify.reconcile.ReturnFixture;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.util.Reproducibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A return as large as the read limits let through, with something to mark on every row. */
class LargeReturnTest {

    private static final int ROWS = 5_000;

    @TempDir
    Path root;

    @Test
    void aFiveThousandRowReturnWithAnExceptionOnEveryRowIsMarkedInLittleProcessorTime() throws IOException {
        ReturnFixture large = ReturnFixture.unit("U01").name("区发改委").period("2024-03").submittedOn(LocalDate.of(2024, 4, 3));
        List<ExceptionEntry> exceptions = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String task = "P%04d-01".formatted(i);
            large.row(task, "已完成", LocalDate.of(2024, 3, 1), "已完成第" + i + "项");
            int row = ReturnFixture.FIRST_ROW + i;
            exceptions.add(entry(Rule.MISSING_EVIDENCE, row, "E", "第" + row + "行任务“" + task + "”已完成，但未填写佐证材料，请补充佐证材料"));
        }
        Path file = large.write(root.resolve("returns/2024-03"), LocalDateTime.of(2024, 4, 3, 10, 0));
        String sha256;
        try (InputStream in = Files.newInputStream(file)) {
            sha256 = Sha256.of(in);
        }
        Path data = root.resolve("data");
        new Archive(data).store(new FoundFile(file, "U01.xlsx", Files.size(file), sha256, Instant.EPOCH));
        ReturnMarker marker = new ReturnMarker(properties(data));
        UnitReceipt receipt = receipt(new PeriodFile(1, YearMonth.of(2024, 3), "U01.xlsx", "U01", LocalDate.of(2024, 4, 3),
                FileOutcome.ACCEPTED, false, sha256), exceptions);

        // processor time, not elapsed: the build machine may be busy with other work
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        Optional<Path> marked = mark(marker, receipt, root.resolve("marked"));
        Duration took = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(6));
        try (InputStream in = Files.newInputStream(marked.orElseThrow()); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheet(ReturnLayout.PROGRESS_SHEET);
            int last = ReturnFixture.FIRST_ROW + ROWS - 2;
            assertThat(sheet.getRow(last).getCell(4).getCellComment().getString().getString()).contains("缺少佐证材料");
            assertThat(sheet.getRow(last).getCell(6).getStringCellValue()).contains("P4999-01");
        }
    }

    static Optional<Path> mark(ReturnMarker marker, UnitReceipt receipt, Path folder) throws IOException {
        List<Optional<Path>> result = new ArrayList<>();
        Reproducibility.runWithSourceDateEpoch(() -> result.add(marker.write(receipt, extension -> folder.resolve("U01-标注." + extension))));
        return result.get(0);
    }

    static UnitReceipt receipt(PeriodFile file, List<ExceptionEntry> exceptions) {
        Unit unit = new Unit("U01", "区发改委", "第一督查组", null, null);
        UnitFigures figures = new UnitFigures(unit, true, file, List.of(), new TaskCount(0, 0, 0, 0, 0, 0));
        return new UnitReceipt(figures, List.of(file), List.of(), List.of(), List.of(), exceptions);
    }

    static ExceptionEntry entry(Rule rule, int row, String column, String message) {
        return new ExceptionEntry(rule, "第一督查组", "U01", "区发改委", null, null, "U01.xlsx", ReturnLayout.PROGRESS_SHEET, row,
                column, null, message);
    }

    /** The application's properties with their defaults, the data folder given. */
    static RectifyProperties properties(Path data) {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of("rectify.data", data.toString())))
                .bindOrCreate("rectify", RectifyProperties.class);
    }
}
