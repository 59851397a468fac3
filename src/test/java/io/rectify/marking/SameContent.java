package io.rectify.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Asserts that a marked copy holds the original's content unchanged: every sheet with its
 * visibility, every cell's type, value and style (number format, font, borders, alignment, lock;
 * the fill only where a cell was marked), merged regions, drop-downs and sheet protection.
 */
final class SameContent {

    private static final DataFormatter TEXT = new DataFormatter();

    private SameContent() {
    }

    /**
     * @param marked the cells (sheet!A1) whose fill may differ
     */
    static void assertKept(Workbook original, Workbook copy, Set<String> marked) {
        assertThat(copy.getNumberOfSheets()).isEqualTo(original.getNumberOfSheets());
        for (int s = 0; s < original.getNumberOfSheets(); s++) {
            Sheet before = original.getSheetAt(s);
            Sheet after = copy.getSheetAt(s);
            String name = before.getSheetName();
            assertThat(after.getSheetName()).isEqualTo(name);
            assertThat(copy.getSheetVisibility(s)).as(name).isEqualTo(original.getSheetVisibility(s));
            assertThat(after.getProtect()).as(name + " protected").isEqualTo(before.getProtect());
            if (before instanceof XSSFSheet x) {
                XSSFSheet y = (XSSFSheet) after;
                assertThat(y.getCTWorksheet().isSetSheetProtection()).isEqualTo(x.getCTWorksheet().isSetSheetProtection());
                if (x.getCTWorksheet().isSetSheetProtection()) {
                    assertThat(protection(y)).as(name).isEqualTo(protection(x));
                }
            } else {
                assertThat(((HSSFSheet) after).getPassword()).isEqualTo(((HSSFSheet) before).getPassword());
            }
            assertThat(after.getMergedRegions()).as(name).containsExactlyInAnyOrderElementsOf(before.getMergedRegions());
            assertThat(validations(after)).as(name).containsExactlyElementsOf(validations(before));
            for (Row row : before) {
                for (Cell cell : row) {
                    String where = name + "!" + new CellAddress(cell).formatAsString();
                    Cell kept = after.getRow(row.getRowNum()).getCell(cell.getColumnIndex());
                    assertThat(kept).as(where).isNotNull();
                    assertThat(kept.getCellType()).as(where).isEqualTo(cell.getCellType());
                    assertThat(TEXT.formatCellValue(kept)).as(where).isEqualTo(TEXT.formatCellValue(cell));
                    assertSameStyle(where, cell.getCellStyle(), kept.getCellStyle(), marked.contains(where));
                }
                Row keptRow = after.getRow(row.getRowNum());
                assertThat(keptRow.getLastCellNum()).as(name + " row " + (row.getRowNum() + 1))
                        .isGreaterThanOrEqualTo(row.getLastCellNum());
            }
        }
    }

    private static void assertSameStyle(String where, CellStyle before, CellStyle after, boolean marked) {
        assertThat(after.getDataFormatString()).as(where).isEqualTo(before.getDataFormatString());
        assertThat(after.getFontIndex()).as(where).isEqualTo(before.getFontIndex());
        assertThat(after.getLocked()).as(where + " locked").isEqualTo(before.getLocked());
        assertThat(after.getHidden()).as(where).isEqualTo(before.getHidden());
        assertThat(List.of(after.getBorderTop(), after.getBorderBottom(), after.getBorderLeft(), after.getBorderRight()))
                .as(where).isEqualTo(List.of(before.getBorderTop(), before.getBorderBottom(), before.getBorderLeft(),
                        before.getBorderRight()));
        assertThat(after.getAlignment()).as(where).isEqualTo(before.getAlignment());
        assertThat(after.getWrapText()).as(where).isEqualTo(before.getWrapText());
        if (!marked) {
            assertThat(after.getIndex()).as(where + " style").isEqualTo(before.getIndex());
        }
    }

    /** The sheet's protection settings (password hash, what stays allowed), without namespace declarations. */
    private static String protection(XSSFSheet sheet) {
        return sheet.getCTWorksheet().getSheetProtection().xmlText().replaceAll(" xmlns:\\w+=\"[^\"]*\"", "");
    }

    /** Each drop-down as its ranges and its list or formula. */
    private static List<String> validations(Sheet sheet) {
        return sheet.getDataValidations().stream().map(SameContent::describe).toList();
    }

    private static String describe(DataValidation v) {
        var c = v.getValidationConstraint();
        return List.of(v.getRegions().getCellRangeAddresses()) + " " + c.getValidationType() + " "
                + (c.getExplicitListValues() == null ? c.getFormula1() : List.of(c.getExplicitListValues()));
    }
}
