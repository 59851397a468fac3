package io.rectify.report;

import io.rectify.report.Table.Column;
import io.rectify.rule.Periods;
import io.rectify.rule.ScoreItem;
import io.rectify.scoring.Deduction;
import io.rectify.scoring.PeriodScore;
import io.rectify.scoring.Scores;
import io.rectify.scoring.UnitScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 汇总统计's sheet 考核: the units' monthly scores best first, each item's deduction as count × points, and
 * each unit's score in every stored period up to this one.
 */
final class ScoreSheet {

    static final String SHEET = "考核";

    private static final List<Column> LEADING = List.of(Column.number("排名", 5), Column.text("单位代码", 6),
            Column.text("单位名称", 16), Column.text("督查组", 12), Column.number("得分", 6));
    /** The columns of the units' names, repeated on every page when the trend needs more than one page wide. */
    private static final int NAME_COLUMNS = 3;
    private static final int ITEM_WIDTH = 9;
    private static final int PERIOD_WIDTH = 10;
    /** The character widths one landscape page holds at 9 pt or more, room left for a wider stand-in font. */
    private static final int PAGE_WIDTH = 130;

    private ScoreSheet() {
    }

    static void write(SXSSFWorkbook workbook, Styles styles, Scores scores, String title) {
        List<Column> columns = new ArrayList<>(LEADING);
        for (ScoreItem item : ScoreItem.values()) {
            columns.add(Column.text(item.label() + "\n每次" + scores.points().get(item).toPlainString() + "分", ITEM_WIDTH));
        }
        columns.add(Column.number("扣分合计", 8));
        for (var period : scores.periods()) {
            columns.add(Column.number(Periods.text(period), PERIOD_WIDTH));
        }
        Sheet sheet = Workbooks.sheet(workbook, SHEET);
        Workbooks.printTitle(sheet, title + " " + SHEET);
        Table table = new Table(workbook, styles, sheet, 0, columns);
        sheet.createFreezePane(NAME_COLUMNS, 1);
        for (UnitScore unit : scores.units()) {
            List<Object> cells = new ArrayList<>(List.of(unit.rank(), unit.unit().code(), unit.unit().name(),
                    unit.unit().group(), unit.score()));
            BigDecimal deducted = BigDecimal.ZERO;
            for (Deduction d : unit.deductions()) {
                cells.add(d.count() == 0 ? "" : d.count() + "×" + d.points().toPlainString() + "=" + d.deducted().toPlainString());
                deducted = deducted.add(d.deducted());
            }
            cells.add(Scores.plain(deducted));
            unit.trend().stream().map(PeriodScore::score).forEach(cells::add);
            table.row(cells.toArray());
        }
        table.filter();
        int note = sheet.getLastRowNum() + 2;
        Workbooks.note(sheet, styles, note, LEADING.size() + ScoreItem.values().length,
                "得分＝" + ScoreItem.FULL_SCORE + "分减各项扣分，最低0分；每项扣分为本期次数×每次扣分。每次扣分取自整改台账的“考核规则”工作表，"
                        + "未列出的项按默认分值。" + ScoreItem.LATE_SUBMISSION.label() + "每期至多计1次；"
                        + ScoreItem.ENTRY_ERROR.label() + "为本单位其他各条错误；" + ScoreItem.SIGNOFF_RETURNED.label()
                        + "含回头看复核不属实。各期得分均按现行考核规则计算。");
        int width = columns.stream().mapToInt(Column::width).sum();
        int pages = (width + PAGE_WIDTH - 1) / PAGE_WIDTH;
        if (pages > 1) {
            sheet.getPrintSetup().setFitWidth((short) pages);
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, NAME_COLUMNS - 1));
        }
    }
}
