package io.rectify.sample;

import io.rectify.ops.AtomicFiles;
import io.rectify.workbook.SafeText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.util.Reproducibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What every sample workbook shares: the merged title rows an office puts above its tables, and
 * a reproducible save. POI stamps the creation time into docProps/core.xml and the current time
 * on every zip entry; the first is pinned here, the second is set to zero by POI itself when
 * saving under {@link Reproducibility#runWithSourceDateEpoch} (POI's SOURCE_DATE_EPOCH switch).
 */
final class SampleWorkbooks {

    static final String AUTHOR = "区委巡视整改工作领导小组办公室";
    private static final float LINE_HEIGHT = 15;
    private static final Date CREATED = Date.from(SampleLedger.FEEDBACK_DATE.plusDays(10).atStartOfDay()
            .toInstant(ZoneOffset.UTC));

    private SampleWorkbooks() {
    }

    /** Writes a text across the first {@code columns} columns of a row, merged, in the given style. */
    static void banner(Sheet sheet, int rowIndex, int columns, String text, CellStyle style, float height) {
        Row row = sheet.createRow(rowIndex);
        row.setHeightInPoints(height);
        for (int i = 0; i < columns; i++) {
            row.createCell(i).setCellStyle(style);
        }
        row.getCell(0).setCellValue(SafeText.neutralise(text));
        sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, columns - 1));
    }

    /**
     * Sets a row's height to show all its wrapped text, as an office would after 自动调整行高:
     * neither Excel nor WPS does it on opening a file that gives no heights.
     *
     * @param widths column widths in characters, a CJK character counting as two
     */
    static void fitHeight(Row row, List<Integer> widths) {
        int lines = 1;
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING && cell.getColumnIndex() < widths.size()) {
                int width = Math.max(1, widths.get(cell.getColumnIndex()) - 1);
                int cellLines = 0;
                for (String paragraph : cell.getStringCellValue().split("\n", -1)) {
                    cellLines += Math.max(1, (displayWidth(paragraph) + width - 1) / width);
                }
                lines = Math.max(lines, cellLines);
            }
        }
        row.setHeightInPoints(lines * LINE_HEIGHT + 3);
    }

    private static int displayWidth(String text) {
        return text.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
    }

    static CellStyle titleStyle(XSSFWorkbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 16);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    static CellStyle noteStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setAlignment(HorizontalAlignment.LEFT);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    /** Saves the workbook atomically; the same workbook content always gives the same bytes. */
    static void save(XSSFWorkbook workbook, String title, Path target) throws IOException {
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        core.setCreated(Optional.of(CREATED));
        core.setCreator(AUTHOR);
        core.setTitle(title);
        write(workbook, target);
    }

    /**
     * Pins the times a workbook records of itself to the days a person made and last saved it
     * (9:00 in Shanghai), with who saved it: POI would stamp an .xlsx's creation with the current
     * time, and an .xls without these properties is not what Excel saves.
     */
    static void stamp(Workbook workbook, LocalDate created, LocalDate modified, String modifiedBy) {
        if (workbook instanceof XSSFWorkbook xlsx) {
            POIXMLProperties.CoreProperties core = xlsx.getProperties().getCoreProperties();
            core.setCreated(Optional.of(officeTime(created)));
            core.setModified(Optional.of(officeTime(modified)));
            core.setLastModifiedByUser(modifiedBy);
        } else if (workbook instanceof HSSFWorkbook xls) {
            xls.createInformationProperties();
            // names are Chinese: property sets default to ISO-8859-1 unless told otherwise
            xls.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UNICODE);
            SummaryInformation summary = xls.getSummaryInformation();
            summary.getFirstSection().setCodepage(CodePageUtil.CP_UNICODE);
            summary.setAuthor(modifiedBy);
            summary.setLastAuthor(modifiedBy);
            summary.setCreateDateTime(officeTime(created));
            summary.setLastSaveDateTime(officeTime(modified));
        }
    }

    private static Date officeTime(LocalDate day) {
        return Date.from(day.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)));
    }

    /**
     * Saves any workbook atomically under POI's SOURCE_DATE_EPOCH switch; the caller pins the
     * document properties that hold times (an .xlsx's creation time, set to now by POI).
     */
    static void write(Workbook workbook, Path target) throws IOException {
        AtomicFiles.write(target, out -> Reproducibility.runWithSourceDateEpoch(() -> workbook.write(out)));
    }
}
