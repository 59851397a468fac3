package io.rectify.workbook;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * A sheet written as a table for people: a bold shaded header row, column widths in characters,
 * wrapped text, frozen header, A4 landscape fitted to the page width, the header repeated on
 * every printed page, page numbers in the footer. Every text goes through {@link SafeText};
 * nothing is ever written as a formula.
 *
 * <p>A table people fill in declares its {@link #input input columns}: their cells stay unlocked
 * when the sheet is protected and white, while the other columns' cells are shaded to show that
 * they are not to be changed.
 */
public final class TableSheet {

    /** What a person enters in an input column; decides how its cells are formatted. */
    public enum Entry { TEXT, DATE, NUMBER }

    private static final String DATE_FORMAT = "yyyy-mm-dd";
    /** Excel's built-in Text format: what a person types stays text (a code like 1-2 does not become a date). */
    private static final String TEXT_FORMAT = "@";
    /** ARGB: opaque light grey. */
    private static final byte[] READ_ONLY_FILL = {(byte) 0xFF, (byte) 0xEB, (byte) 0xEB, (byte) 0xEB};
    /** The height of one line of 11-point text, CJK fonts included, in points. */
    public static final float LINE_HEIGHT = 15f;

    private final Workbook workbook;
    private final Sheet sheet;
    private final int headerRow;
    private final int columns;
    /** The header columns' widths in characters, as set: asking the sheet means an XML lookup per cell. */
    private final int[] widths;
    private final Styles fixed;
    private final Map<Integer, Entry> inputs = new HashMap<>();
    private Styles input;
    private int nextRow;

    /**
     * @param widths column widths in characters (a CJK character counts as two)
     */
    public TableSheet(Workbook workbook, Sheet sheet, int headerRow, List<String> headers, List<Integer> widths) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.headerRow = headerRow;
        this.columns = headers.size();
        this.widths = new int[columns];
        this.fixed = Styles.of(workbook, true);
        CellStyle headerStyle = header(workbook, copyOf(workbook, fixed.text));
        Row row = sheet.createRow(headerRow);
        int lines = 1;
        for (int i = 0; i < headers.size(); i++) {
            org.apache.poi.ss.usermodel.Cell cell = row.createCell(i);
            cell.setCellValue(SafeText.neutralise(headers.get(i)));
            cell.setCellStyle(headerStyle);
            this.widths[i] = Math.min(255, widths.get(i));
            sheet.setColumnWidth(i, this.widths[i] * 256);
            lines = Math.max(lines, lines(headers.get(i), this.widths[i]));
        }
        if (lines > 1) {
            fitHeight(row, lines * LINE_HEIGHT + 3);
        }
        sheet.createFreezePane(0, headerRow + 1);
        printOnA4(sheet, true);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        this.nextRow = headerRow + 1;
    }

    /** Prints the sheet on A4 fitted to the page width, as many pages long as it needs, page numbers in the footer. */
    public static void printOnA4(Sheet sheet, boolean landscape) {
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(landscape);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.5);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.setMargin(PageMargin.FOOTER, 0.3);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    public Sheet sheet() {
        return sheet;
    }

    public int headerRow() {
        return headerRow;
    }

    /**
     * Declares a column people fill in: its cells are left unlocked for sheet protection and
     * formatted for the entry, even where a row leaves them empty. Declare input columns before
     * appending rows. The first declaration shades the other columns' cells as read-only.
     */
    public TableSheet input(int column, Entry entry) {
        if (input == null) {
            input = Styles.of(workbook, false);
            fixed.shade();
        }
        inputs.put(column, entry);
        return this;
    }

    /**
     * Appends a row; values may be String, Number, LocalDate or null (an empty cell). Every column
     * of the header gets a styled cell, so that borders and input formats reach the empty ones.
     * The row is made high enough for its wrapped text.
     */
    public Row append(Object... values) {
        Row row = sheet.createRow(nextRow++);
        int lines = 1;
        for (int i = 0; i < Math.max(columns, values.length); i++) {
            Object value = i < values.length ? values[i] : null;
            set(row.createCell(i), value);
            if (value instanceof String text) {
                lines = Math.max(lines, lines(text, i < columns ? widths[i] : sheet.getColumnWidth(i) / 256));
            }
        }
        if (lines > 1) {
            fitHeight(row, lines * LINE_HEIGHT + 3);
        }
        return row;
    }

    /**
     * How many lines a text takes when wrapped in a column {@code width} characters wide: a
     * generous estimate, since no spreadsheet program is told the height and some never compute it.
     */
    public static int lines(String text, int width) {
        int usable = Math.max(1, width - 1);
        int lines = 0;
        int lineWidth = 0;
        // one pass over the text (no regular expression, no stream): it runs for every text cell of every report
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r' || c == '\n') {
                lines += Math.max(1, (lineWidth + usable - 1) / usable);
                lineWidth = 0;
                if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
            } else {
                lineWidth += width(c);
            }
        }
        return lines + Math.max(1, (lineWidth + usable - 1) / usable);
    }

    /** The width of a text in character units: a CJK or full-width character takes two. */
    public static int displayWidth(String text) {
        return text.codePoints().map(TableSheet::width).sum();
    }

    private static int width(int codePoint) {
        return codePoint < 0x1100 ? 1 : 2;
    }

    /**
     * Sets a row's height while leaving it auto-sized (no custom height): programs that do fit
     * rows to their text, as Excel does after an edit, still may; the others show this height.
     * A streamed (SXSSF) row cannot leave it auto-sized: its height is written as custom.
     */
    public static void fitHeight(Row row, float points) {
        row.setHeightInPoints(points);
        if (row instanceof org.apache.poi.xssf.usermodel.XSSFRow xssf) {
            xssf.getCTRow().setCustomHeight(false);
        }
    }

    /** Appends empty rows for people to fill in. */
    public void blankRows(int count) {
        for (int i = 0; i < count; i++) {
            append();
        }
    }

    /** The first body row (0-based), right under the header. */
    public int firstRow() {
        return headerRow + 1;
    }

    /** The last row written (0-based); the header row while there is no body row. */
    public int lastRow() {
        return nextRow - 1;
    }

    public CellStyle textStyle() {
        return fixed.text;
    }

    private void set(org.apache.poi.ss.usermodel.Cell cell, Object value) {
        Entry entry = inputs.get(cell.getColumnIndex());
        Styles styles = entry == null ? fixed : input;
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(styles.number);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
        } else if (value == null) {
            cell.setCellStyle(switch (entry == null ? Entry.TEXT : entry) {
                case TEXT -> styles.text;
                case DATE -> styles.date;
                case NUMBER -> styles.number;
            });
        } else {
            cell.setCellValue(SafeText.neutralise(value.toString()));
            cell.setCellStyle(styles.text);
        }
    }

    /** Turns on the filter buttons over the header and the rows written so far. */
    public void filter() {
        int last = Math.max(headerRow, nextRow - 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, last, 0, columns - 1));
    }

    public static CellStyle headerStyle(Workbook workbook) {
        return header(workbook, bodyStyle(workbook));
    }

    private static CellStyle header(Workbook workbook, CellStyle style) {
        Font font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    public static CellStyle bodyStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    /**
     * A new style of the workbook with every setting of {@code style} (of the same workbook). Cheaper
     * than making it again: XSSF looks up each border it is given by comparing the XML of every
     * border the workbook has, which showed in the profile of thousands of receipts.
     */
    public static CellStyle copyOf(Workbook workbook, CellStyle style) {
        CellStyle copy = workbook.createCellStyle();
        copy.cloneStyleFrom(style);
        return copy;
    }

    /** A body style for a cell people fill in: white, unlocked when the sheet is protected. */
    public static CellStyle inputStyle(Workbook workbook) {
        CellStyle style = bodyStyle(workbook);
        style.setLocked(false);
        return style;
    }

    /** A body style for a cell people must not change: locked and shaded light grey. */
    public static CellStyle readOnlyStyle(Workbook workbook) {
        CellStyle style = bodyStyle(workbook);
        shade(style);
        return style;
    }

    private static void shade(CellStyle style) {
        if (style instanceof XSSFCellStyle xssf) {
            xssf.setFillForegroundColor(new XSSFColor(READ_ONLY_FILL, null));
        } else {
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        }
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    /** The body styles of one kind of column: locked (the default) or input. */
    private record Styles(CellStyle text, CellStyle date, CellStyle number) {

        static Styles of(Workbook workbook, boolean locked) {
            CellStyle text = locked ? bodyStyle(workbook) : inputStyle(workbook);
            CellStyle date = copyOf(workbook, text);
            CellStyle number = copyOf(workbook, text);
            if (!locked) {
                text.setDataFormat(workbook.createDataFormat().getFormat(TEXT_FORMAT));
            }
            date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));
            date.setAlignment(HorizontalAlignment.CENTER);
            number.setAlignment(HorizontalAlignment.RIGHT);
            return new Styles(text, date, number);
        }

        void shade() {
            TableSheet.shade(text);
            TableSheet.shade(date);
            TableSheet.shade(number);
        }
    }
}
