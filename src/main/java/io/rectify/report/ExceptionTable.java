package io.rectify.report;

import io.rectify.report.Table.Column;
import io.rectify.rule.ExceptionEntry;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Exceptions as a table a supervisor or a unit can act on: every field of docs/RULES.md, one row per
 * exception, the row filled by severity, filters on, header frozen.
 */
final class ExceptionTable {

    static final List<Column> COLUMNS = List.of(
            Column.number("序号", 6),
            Column.text("规则代码", 24),
            Column.text("规则名称", 18),
            Column.text("严重程度", 9),
            Column.text("督查组", 12),
            Column.text("单位代码", 10),
            Column.text("单位名称", 18),
            Column.text("问题编号", 9),
            Column.text("任务编号", 9),
            Column.text("文件", 22),
            Column.text("工作表", 9),
            Column.number("行", 5),
            Column.text("列", 4),
            Column.text("原值", 16),
            Column.text("说明/整改要求", 50));

    private ExceptionTable() {
    }

    /** @param firstRow the header's row: 0, or 1 below a notice */
    static void write(SXSSFWorkbook workbook, Styles styles, Sheet sheet, int firstRow, List<ExceptionEntry> exceptions) {
        Table table = new Table(workbook, styles, sheet, firstRow, COLUMNS);
        int seq = 0;
        for (ExceptionEntry e : exceptions) {
            Row row = table.row(++seq, e.rule().code(), e.rule().title(), e.severity().label(), e.group(),
                    e.unitCode(), e.unitName(), e.problemCode(), e.taskCode(), e.file(), e.sheet(), e.row(),
                    e.column(), e.value(), e.message());
            for (Cell cell : row) {
                cell.setCellStyle(styles.severity(e.severity(), cell.getCellType() == CellType.NUMERIC));
            }
        }
        table.filter();
    }
}
