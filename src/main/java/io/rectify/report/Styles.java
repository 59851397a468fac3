package io.rectify.report;

import io.rectify.rule.Severity;
import io.rectify.workbook.TableSheet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The cell styles of one report workbook beyond those {@link TableSheet} makes. */
final class Styles {

    /** Row fills by severity: the light red, amber and blue people know from Excel's highlight rules. */
    static final Map<Severity, String> SEVERITY_FILLS = Map.of(
            Severity.ERROR, "FFC7CE", Severity.WARNING, "FFEB9C", Severity.INFO, "DDEBF7");

    private final SXSSFWorkbook workbook;
    private final CellStyle title;
    private final CellStyle note;
    private final CellStyle percent;
    private final CellStyle boldText;
    private final CellStyle boldNumber;
    private final CellStyle boldPercent;
    private final Map<Severity, CellStyle> severityText = new EnumMap<>(Severity.class);
    private final Map<Severity, CellStyle> severityNumber = new EnumMap<>(Severity.class);

    Styles(SXSSFWorkbook workbook) {
        this.workbook = workbook;
        title = bold(workbook, 14, VerticalAlignment.CENTER);
        note = workbook.createCellStyle();
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
        // the body styles made as copies of the first, in the order they always had (same workbook bytes)
        CellStyle body = TableSheet.bodyStyle(workbook);
        List<CellStyle> copies = new ArrayList<>();
        for (int i = 0; i < 3 + 2 * Severity.values().length; i++) {
            copies.add(TableSheet.copyOf(workbook, body));
        }
        Iterator<CellStyle> next = copies.iterator();
        percent = percentOf(body);
        Font bold = workbook.createFont();
        bold.setBold(true);
        boldText = next.next();
        boldText.setFont(bold);
        boldNumber = next.next();
        boldNumber.setFont(bold);
        boldNumber.setAlignment(HorizontalAlignment.RIGHT);
        boldPercent = percentOf(next.next());
        boldPercent.setFont(bold);
        for (Severity severity : Severity.values()) {
            severityText.put(severity, filled(next.next(), severity));
            CellStyle number = filled(next.next(), severity);
            number.setAlignment(HorizontalAlignment.RIGHT);
            severityNumber.put(severity, number);
        }
    }

    /** A new style of bold text of {@code points}, no border. */
    static CellStyle bold(SXSSFWorkbook workbook, int points, VerticalAlignment alignment) {
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) points);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setVerticalAlignment(alignment);
        return style;
    }

    CellStyle title() {
        return title;
    }

    /** Free text above or below a table: wrapped, no border. */
    CellStyle note() {
        return note;
    }

    CellStyle percent() {
        return percent;
    }

    CellStyle boldText() {
        return boldText;
    }

    CellStyle boldNumber() {
        return boldNumber;
    }

    CellStyle boldPercent() {
        return boldPercent;
    }

    CellStyle severity(Severity severity, boolean number) {
        return (number ? severityNumber : severityText).get(severity);
    }

    private CellStyle percentOf(CellStyle style) {
        style.setAlignment(HorizontalAlignment.RIGHT);
        style.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        return style;
    }

    private static CellStyle filled(CellStyle style, Severity severity) {
        String rgb = SEVERITY_FILLS.get(severity);
        byte[] bytes = new byte[3];
        for (int i = 0; i < 3; i++) {
            bytes[i] = (byte) Integer.parseInt(rgb.substring(2 * i, 2 * i + 2), 16);
        }
        ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(bytes, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}
