package io.rectify.marking;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.intake.ReturnLayout;
import io.rectify.reconcile.ReturnFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A return as large as the read limits let through, with something to mark on every row (its time: docs/BENCHMARKS.md). */
class LargeReturnIT {

    @TempDir
    Path root;

    @Test
    void aFiveThousandRowReturnGetsACommentAndAVerdictOnEveryRow() throws IOException {
        Optional<Path> marked = LargeReturn.archived(root, LargeReturn.ROWS).mark(root.resolve("marked"));

        try (InputStream in = Files.newInputStream(marked.orElseThrow()); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheet(ReturnLayout.PROGRESS_SHEET);
            int last = ReturnFixture.FIRST_ROW + LargeReturn.ROWS - 2;
            assertThat(sheet.getRow(last).getCell(4).getCellComment().getString().getString()).contains("缺少佐证材料");
            assertThat(sheet.getRow(last).getCell(6).getStringCellValue()).contains("P4999-01");
        }
    }
}
