package io.rectify.marking;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.consolidate.UnitReceipt;
import io.rectify.intake.ReturnLayout;
import io.rectify.reconcile.ReturnFixture;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A return as large as the read limits let through, with something to mark on every row (its time: docs/BENCHMARKS.md). */
class LargeReturnIT {

    private static final int ROWS = 5_000;

    @TempDir
    Path root;

    @Test
    void aFiveThousandRowReturnGetsACommentAndAVerdictOnEveryRow() throws IOException {
        ReturnFixture large = ReturnFixture.unit("U01").name("区发改委").period("2024-03").submittedOn(LocalDate.of(2024, 4, 3));
        List<ExceptionEntry> exceptions = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String task = "P%04d-01".formatted(i);
            large.row(task, "已完成", LocalDate.of(2024, 3, 1), "已完成第" + i + "项");
            int row = ReturnFixture.FIRST_ROW + i;
            exceptions.add(ArchivedReturn.entry(Rule.MISSING_EVIDENCE, row, "E", "第" + row + "行任务“" + task + "”已完成，但未填写佐证材料，请补充佐证材料"));
        }
        Path file = large.write(root.resolve("returns/2024-03"), LocalDateTime.of(2024, 4, 3, 10, 0));
        ReturnMarker marker = new ReturnMarker(ArchivedReturn.properties(root.resolve("data")));
        UnitReceipt receipt = ArchivedReturn.receipt(ArchivedReturn.archive(root.resolve("data"), file), exceptions);

        Optional<Path> marked = ArchivedReturn.mark(marker, receipt, root.resolve("marked"));

        try (InputStream in = Files.newInputStream(marked.orElseThrow()); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheet(ReturnLayout.PROGRESS_SHEET);
            int last = ReturnFixture.FIRST_ROW + ROWS - 2;
            assertThat(sheet.getRow(last).getCell(4).getCellComment().getString().getString()).contains("缺少佐证材料");
            assertThat(sheet.getRow(last).getCell(6).getStringCellValue()).contains("P4999-01");
        }
    }
}
