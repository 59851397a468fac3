package io.rectify.review;

import io.rectify.intake.TemplateMarker;
import io.rectify.template.Banner;
import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.Reproducibility;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What both review workbooks share: the metadata block above the first table (a label, its value in the
 * next cell to the right, as intake reads a return's), the hidden marker, and the reproducible save.
 */
final class ReviewSheets {

    /*
     * The metadata block's cells, over the first columns of every review table (序号 and 任务编号 under the left
     * label): left label, left value, right label and right value (first and last column each). A label is one
     * cell, or its value follows its first cell: intake locates a blank value right of a label's first cell.
     */
    private static final int LEFT_LABEL = 0;
    private static final int LEFT_LABEL_LAST = 1;
    private static final int LEFT_VALUE = 2;
    private static final int LEFT_VALUE_LAST = 4;
    private static final int RIGHT_LABEL = 5;
    /** The first cell of the reviewer's fields (审核人 / 审核日期, 审批人 / 审批日期). */
    static final int RIGHT_VALUE = 6;
    private static final int RIGHT_VALUE_LAST = 7;
    /** The rows of the metadata block: under the title, above the instruction. */
    static final int FIRST_METADATA_ROW = 1;
    static final int SECOND_METADATA_ROW = 2;

    /** A metadata line: the left field prefilled and locked, the right one the reviewer's. Null label: nothing there. */
    record Field(String label, String value) {
    }

    /** Rows kept in memory per sheet before they are flushed to a temporary file. */
    private static final int WINDOW_ROWS = 200;

    private final Workbook workbook;
    private final CellStyle label;
    private final CellStyle fixed;
    private final CellStyle text;
    private final CellStyle date;

    /**
     * A new review workbook, its rows streamed to a temporary file: a city group's 销号审核表 lists a quarter of a
     * million tasks, more than a night's heap holds as a whole workbook. Write the rows above a table before its
     * body, as a streamed sheet only keeps the last rows written.
     */
    static SXSSFWorkbook create() {
        SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), WINDOW_ROWS, false);
        // ZIP64 data descriptors are misread by stream readers such as java.util.zip.ZipInputStream
        workbook.setZip64Mode(Zip64Mode.Never);
        return workbook;
    }

    /** The sheet's model, where validations and protection go: the streamed sheet passes them to it. */
    static XSSFSheet model(SXSSFWorkbook workbook, Sheet sheet) {
        return workbook.getXSSFWorkbook().getSheet(sheet.getSheetName());
    }

    ReviewSheets(Workbook workbook) {
        this.workbook = workbook;
        this.label = TableSheet.headerStyle(workbook);
        this.fixed = TableSheet.readOnlyStyle(workbook);
        fixed.setDataFormat(workbook.createDataFormat().getFormat("@"));
        this.text = TableSheet.inputStyle(workbook);
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        this.date = TableSheet.inputStyle(workbook);
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    }

    /** One metadata row: a prefilled field on the left (may be absent) and an input field on the right. */
    void metadata(Sheet sheet, int rowIndex, Field left, Field right, boolean rightIsDate) {
        Row row = sheet.createRow(rowIndex);
        if (left != null) {
            Banner.span(sheet, row, LEFT_LABEL, LEFT_LABEL_LAST, left.label(), label);
            Banner.span(sheet, row, LEFT_VALUE, LEFT_VALUE_LAST, left.value(), fixed);
        }
        Banner.span(sheet, row, RIGHT_LABEL, RIGHT_LABEL, right.label(), label);
        Banner.span(sheet, row, RIGHT_VALUE, RIGHT_VALUE_LAST, null, rightIsDate ? date : text);
    }

    /** The very hidden marker sheet: keys in column A, values in column B. */
    void marker(String[][] entries) {
        Sheet sheet = workbook.createSheet(TemplateMarker.SHEET);
        for (int i = 0; i < entries.length; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(SafeText.neutralise(entries[i][0]));
            row.createCell(1).setCellValue(SafeText.neutralise(entries[i][1]));
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    /**
     * Opens on the first sheet, titled, and saves; the same model gives the same bytes: the workbook is dated
     * the period's last day, never the clock's.
     */
    static void save(SXSSFWorkbook workbook, String title, YearMonth period, OutputStream out) throws IOException {
        workbook.setActiveSheet(0);
        workbook.setFirstVisibleTab(0);
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        Date date = Date.from(period.atEndOfMonth().atStartOfDay().toInstant(ZoneOffset.UTC));
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setTitle(title);
        core.setCreator("Rectify");
        try {
            Reproducibility.runWithSourceDateEpoch(() -> workbook.write(out));
        } finally {
            workbook.dispose();
        }
    }

    /** A day in the month after the period, for examples: reviews are made after the period's returns. */
    static String example(YearMonth period) {
        return period.plusMonths(1).atDay(10).toString();
    }

    /** Where the filled workbook goes back, for the instruction. */
    static String backInto(YearMonth period) {
        return "input/reviews/" + period + "/";
    }
}
