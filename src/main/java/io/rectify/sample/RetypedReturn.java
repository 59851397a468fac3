package io.rectify.sample;

import io.rectify.intake.ReturnLayout;
import io.rectify.rule.TaskStatus;
import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A return a unit made itself instead of filling the template, as units do when the template
 * would not open in an old Excel, or when someone retypes last month's table: its own title,
 * the metadata written its own way, only the unit's lead tasks, columns in its own order under
 * the synonyms of docs/RETURNS.md, and no 制度建设 or 问责情况 sheet (the unit's earlier lists stay in force).
 * A {@link Look} says how it differs from the template.
 */
final class RetypedReturn {

    /** The columns a retyped table may have. */
    enum Field { NUMBER, CODE, PROBLEM, MEASURE, DEADLINE, STATUS, COMPLETED, PROGRESS, EVIDENCE }

    /**
     * How a unit retyped its return.
     *
     * @param xls            saved as an Excel 97-2003 .xls workbook (else .xlsx)
     * @param columns        the table's columns in order, with the header text the unit typed
     * @param inlineLabels   单位代码, 单位名称 and 报送期次 typed as "label：value" in one cell
     * @param periodText     how 报送期次 is written, a pattern for {@link String#format} of year and month
     * @param fullWidthCodes task codes typed with full-width letters and digits (Ｐ０３－０１)
     * @param statusWords    the words typed instead of the template's statuses
     * @param textDates      dates typed as text such as 2024年3月15日 (else date cells)
     * @param dateFormat     the number format of date cells
     */
    record Look(boolean xls, String title, Map<Field, String> columns, boolean inlineLabels, String periodText,
                boolean fullWidthCodes, Map<TaskStatus, String> statusWords, boolean textDates, String dateFormat) {
    }

    private static final float LINE_HEIGHT = 15;

    private final Look look;
    private final SampleReturn content;

    RetypedReturn(Look look, SampleReturn content) {
        this.look = look;
        this.content = content;
    }

    /** An ordered column map, for {@link Look#columns}. */
    static Map<Field, String> columns(Object... fieldsAndHeaders) {
        Map<Field, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndHeaders.length; i += 2) {
            columns.put((Field) fieldsAndHeaders[i], (String) fieldsAndHeaders[i + 1]);
        }
        return columns;
    }

    /** Writes the return to {@code file}; returns where its task rows are (the unit's lead tasks only). */
    SampleReturn.Rows write(Path file) throws IOException {
        try (Workbook workbook = look.xls() ? new HSSFWorkbook() : new XSSFWorkbook()) {
            CellStyle body = workbook.createCellStyle();
            body.setBorderTop(BorderStyle.THIN);
            body.setBorderBottom(BorderStyle.THIN);
            body.setBorderLeft(BorderStyle.THIN);
            body.setBorderRight(BorderStyle.THIN);
            body.setWrapText(true);
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(body);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            CellStyle date = workbook.createCellStyle();
            date.cloneStyleFrom(body);
            date.setDataFormat(workbook.createDataFormat().getFormat(look.dateFormat()));

            Sheet sheet = workbook.createSheet(ReturnLayout.PROGRESS_SHEET);
            List<Field> fields = List.copyOf(look.columns().keySet());
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(SafeText.neutralise(look.title()));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, fields.size() - 1));
            metadata(sheet, date);
            int headerRow = 4;
            Row headers = sheet.createRow(headerRow);
            for (int i = 0; i < fields.size(); i++) {
                Cell cell = headers.createCell(i);
                cell.setCellValue(look.columns().get(fields.get(i)));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, width(fields.get(i)) * 256);
            }
            List<SampleReturn.Line> lines = content.leadLines();
            Map<String, Integer> taskRows = new HashMap<>();
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(headerRow + 1 + r);
                taskRows.put(lines.get(r).code(), row.getRowNum() + 1);
                int height = 1;
                for (int i = 0; i < fields.size(); i++) {
                    Cell cell = row.createCell(i);
                    cell.setCellStyle(body);
                    Object value = value(fields.get(i), lines.get(r), r);
                    if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value instanceof Integer number) {
                        cell.setCellValue(number);
                    } else if (value != null && !value.toString().isEmpty()) {
                        cell.setCellValue(SafeText.neutralise(value.toString()));
                        height = Math.max(height, TableSheet.lines(value.toString(), width(fields.get(i))));
                    }
                }
                row.setHeightInPoints(height * LINE_HEIGHT + 3);
            }
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            SampleWorkbooks.stamp(workbook, content.submittedOn().minusDays(2), content.submittedOn(), content.reporter());
            SampleWorkbooks.write(workbook, file);
            return new SampleReturn.Rows(taskRows, Map.of());
        }
    }

    private void metadata(Sheet sheet, CellStyle date) {
        String period = look.periodText().formatted(content.period().getYear(), content.period().getMonthValue());
        Row first = sheet.createRow(1);
        Row second = sheet.createRow(2);
        Row third = sheet.createRow(3);
        if (look.inlineLabels()) {
            first.createCell(0).setCellValue(ReturnLayout.UNIT_CODE + "：" + content.unit().code());
            first.createCell(2).setCellValue(ReturnLayout.UNIT_NAME + "：" + content.unit().name());
            second.createCell(0).setCellValue(ReturnLayout.PERIOD + "：" + period);
        } else {
            pair(first, 0, ReturnLayout.UNIT_CODE, content.unit().code());
            pair(first, 2, ReturnLayout.UNIT_NAME, content.unit().name());
            pair(second, 0, ReturnLayout.PERIOD, period);
        }
        second.createCell(2).setCellValue(ReturnLayout.SUBMITTED_ON);
        Cell submitted = second.createCell(3);
        if (look.textDates()) {
            submitted.setCellValue(SampleWording.chinese(content.submittedOn()));
        } else {
            submitted.setCellValue(content.submittedOn());
            submitted.setCellStyle(date);
        }
        pair(third, 0, ReturnLayout.REPORTER, content.reporter());
        pair(third, 2, ReturnLayout.PHONE, content.unit().phone());
    }

    private static void pair(Row row, int column, String label, String value) {
        row.createCell(column).setCellValue(label);
        row.createCell(column + 1).setCellValue(SafeText.neutralise(value));
    }

    private Object value(Field field, SampleReturn.Line line, int index) {
        return switch (field) {
            case NUMBER -> index + 1;
            case CODE -> look.fullWidthCodes() ? fullWidth(line.code()) : line.code();
            case PROBLEM -> line.problemCode();
            case MEASURE -> line.measure();
            case DEADLINE -> line.deadline();
            case STATUS -> look.statusWords().getOrDefault(line.status(), line.status().word());
            case COMPLETED -> line.completed() == null ? null
                    : look.textDates() ? SampleWording.chinese(line.completed()) : line.completed();
            case PROGRESS -> line.progress();
            case EVIDENCE -> line.evidence();
        };
    }

    private static int width(Field field) {
        return switch (field) {
            case NUMBER -> 6;
            case MEASURE, PROGRESS -> 40;
            case EVIDENCE -> 24;
            default -> 12;
        };
    }

    /** ASCII letters, digits and punctuation as their full-width forms, as a Chinese input method types them. */
    static String fullWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c > 0x20 && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }
}
