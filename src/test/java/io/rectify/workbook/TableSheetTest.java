package io.rectify.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableSheetTest {

    @Test
    void aCopiedStyleHasEverySettingOfTheOriginalAndChangesAlone() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle body = TableSheet.bodyStyle(workbook);
            int borders = workbook.getStylesSource().getBorders().size();

            CellStyle copy = TableSheet.copyOf(workbook, body);
            copy.setAlignment(HorizontalAlignment.RIGHT);

            assertThat(copy.getIndex()).isNotEqualTo(body.getIndex());
            assertThat(copy.getWrapText()).isTrue();
            assertThat(copy.getVerticalAlignment()).isEqualTo(VerticalAlignment.TOP);
            assertThat(new BorderStyle[] {copy.getBorderTop(), copy.getBorderBottom(), copy.getBorderLeft(),
                    copy.getBorderRight()}).containsOnly(BorderStyle.THIN);
            assertThat(body.getAlignment()).isEqualTo(HorizontalAlignment.GENERAL);
            // the copy shares the original's border instead of adding one
            assertThat(workbook.getStylesSource().getBorders()).hasSize(borders);
        }
    }
}
