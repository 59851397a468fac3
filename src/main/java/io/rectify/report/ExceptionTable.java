package io.rectify.report;

import io.rectify.report.Table.Column;
import io.rectify.rule.ExceptionEntry;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Exceptions as a table a supervisor or a unit can act on: every field of docs/RULES.md, one row per
 * exception, errors first, the row filled by severity, filters on, header frozen. What a reader acts
 * on comes first and is printed; where to look in the file and the rule code (for machines) follow,
 * outside the print area.
 */
final class ExceptionTable {

    static final List<Column> COLUMNS = List.of(
            Column.number("序号", 5),
            Column.text("严重程度", 9),
            Column.text("规则名称", 14),
            Column.text("督查组", 11),
            Column.text("单位代码", 9),
            Column.text("单位名称", 15),
            Column.text("问题编号", 9),
            Column.text("任务编号", 9),
            Column.text("说明/整改要求", 50),
            Column.text("文件", 36),
            Column.text("工作表", 9),
            Column.number("行", 5),
            Column.text("列", 4),
            Column.text("原值", 30),
            Column.text("规则代码", 24));

    /** The columns printed, from the first: up to 说明/整改要求. */
    static final int PRINTED = 9;

    /** Errors, then warnings, then 提示; the list order (group, unit in ledger order, file, row...) within each. */
    private static final Comparator<ExceptionEntry> ORDER = Comparator.comparing(ExceptionEntry::severity);

    private ExceptionTable() {
    }

    /** The exceptions in the order {@link #write} puts them in. */
    static List<ExceptionEntry> ordered(List<ExceptionEntry> exceptions) {
        return exceptions.stream().sorted(ORDER).toList();
    }

    /**
     * Writes the table, its rows in {@link #ordered} order, and prints it from the sheet's first row.
     *
     * @param firstRow the header's row: 0, or 1 below a notice
     */
    static void write(SXSSFWorkbook workbook, Styles styles, Sheet sheet, int firstRow, List<ExceptionEntry> exceptions) {
        Table table = new Table(workbook, styles, sheet, firstRow, COLUMNS);
        int seq = 0;
        for (ExceptionEntry e : ordered(exceptions)) {
            Row row = table.row(++seq, e.severity().label(), e.rule().title(), e.group(), e.unitCode(), e.unitName(),
                    e.problemCode(), e.taskCode(), e.message(), e.file(), e.sheet(), e.row(), e.column(), e.value(),
                    e.rule().code());
            for (Cell cell : row) {
                cell.setCellStyle(styles.severity(e.severity(), cell.getCellType() == CellType.NUMERIC));
            }
        }
        table.filter();
        printArea(workbook, sheet);
    }

    /** Prints the {@link #PRINTED} columns, from the sheet's first row to its last. */
    static void printArea(SXSSFWorkbook workbook, Sheet sheet) {
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, PRINTED - 1, 0, sheet.getLastRowNum());
    }
}
