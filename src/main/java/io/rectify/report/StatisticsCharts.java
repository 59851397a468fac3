package io.rectify.report;

import static io.rectify.rule.TaskStatus.COMPLETED;
import static io.rectify.rule.TaskStatus.IN_PROGRESS;
import static io.rectify.rule.TaskStatus.NOT_STARTED;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.GroupFigures;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.TaskCount;
import io.rectify.report.Charts.Categories;
import io.rectify.report.Charts.Cells;
import io.rectify.report.Charts.Colour;
import io.rectify.report.Charts.Place;
import io.rectify.report.Charts.Series;
import io.rectify.report.Table.Column;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.standing.Standings;
import io.rectify.standing.UnitStanding;
import io.rectify.workbook.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;

/**
 * The chart sheets of 汇总统计.xlsx: 图表 (completion by supervision group, status of all tasks,
 * the trend) and one sheet per group charting its units worst first. Each sheet holds the tables
 * its charts read, so that no chart depends on the layout of another sheet.
 */
final class StatisticsCharts {

    static final String OVERVIEW = "图表";
    /** A group's sheet is named {@code <督查组>单位} (cut to Excel's 31 characters). */
    static final String GROUP_SHEET_SUFFIX = "单位";

    /** Every chart sheet is 12 columns wide, two charts side by side: landscape A4 at 100 %. */
    private static final int COLUMNS = 12;
    private static final int WIDTH = 10;
    /** 图表: a page of charts (two side by side, the trend below), their tables on the next page. */
    private static final int CHART_ROWS = 16;
    /** A group's sheet: the units' table, then columns that widen its two charts to the page. */
    private static final List<Column> UNIT_COLUMNS = List.of(Column.number("全区排名", 8), Column.text("单位名称", 26),
            Column.text("红绿灯", 7), Column.text("本期报送", 9), Column.number("措施数", 8),
            Column.number(COMPLETED.word(), 8), Column.percent("完成率", 15), Column.number(Rule.OVERDUE.title(), 11));
    private static final int LIGHT_COLUMN = 2;
    private static final int RATE_COLUMN = 6;
    /** What a chart with no rows (a ledger without groups, say) shows instead. */
    static final String NO_DATA = "无数据";

    /** The workbook's fixed sheets, whose names no group's sheet may take. */
    private static final Set<String> RESERVED = Stream.concat(Stream.of(OVERVIEW), StatisticsWorkbook.SHEETS.stream())
            .collect(Collectors.toSet());

    private final SXSSFWorkbook workbook;
    private final Styles styles;
    private final Consolidation c;
    private final String title;
    private final CellStyle carriedRate;

    private StatisticsCharts(SXSSFWorkbook workbook, Styles styles, Consolidation c, String title, CellStyle carriedRate) {
        this.workbook = workbook;
        this.styles = styles;
        this.c = c;
        this.title = title;
        this.carriedRate = carriedRate;
    }

    /**
     * Adds 图表 and the groups' sheets to the workbook; {@code title} is printed at the top of every page.
     *
     * @param carriedRate the style of a completion rate counted from statuses carried forward
     */
    static void write(SXSSFWorkbook workbook, Styles styles, Consolidation c, Standings standings, String title,
                      CellStyle carriedRate) {
        StatisticsCharts charts = new StatisticsCharts(workbook, styles, c, title, carriedRate);
        charts.overview();
        for (GroupFigures group : c.byGroup()) {
            List<UnitStanding> units = standings.unitsOf(group.name());
            if (!units.isEmpty()) {
                charts.group(group.name(), units);
            }
        }
    }

    private void overview() {
        Sheet sheet = sheet(OVERVIEW, Set.of());
        Workbooks.title(sheet, styles, 0, COLUMNS, c.title() + " " + Periods.text(c.period())
                + "整改情况图表（截至" + Periods.date(c.asOf()) + "）");
        Optional<SkippedNotice> notice = SkippedNotice.of(c);
        notice.ifPresent(n -> Workbooks.note(sheet, styles, 1, COLUMNS, n.text()));
        // the warning of an incomplete period (two lines) takes a chart row from each band
        int top = notice.isPresent() ? 2 : 1;
        int rows = notice.isPresent() ? CHART_ROWS - 1 : CHART_ROWS;
        int tables = top + 2 * rows;
        Workbooks.title(sheet, styles, tables, COLUMNS, "图表数据");
        // the charts fill the first page (24 + 32 × 15 of the 516 points of landscape A4), the tables
        // begin the next: the break says so to programs that keep manual breaks when fitting to the width
        sheet.setRowBreak(tables - 1);
        int half = COLUMNS / 2;

        Source groups = new Source(sheet, tables + 1, List.of(Column.text("督查组", 16),
                Column.number("措施数", WIDTH), Column.number(COMPLETED.word(), WIDTH),
                Column.percent("完成率", WIDTH)));
        for (GroupFigures group : c.byGroup()) {
            groups.row(group.name(), group.tasks().total(), group.tasks().completed(), group.tasks().rate());
        }
        Place byGroup = new Place(0, top, half, top + rows);
        if (groups.isEmpty()) {
            noData(sheet, byGroup, "各督查组整改措施完成率");
        } else {
            Charts.bars(sheet, byGroup, "各督查组整改措施完成率", groups.categories(0), groups.series(3, Colour.BLUE),
                    "完成率", false, true);
        }

        TaskCount tasks = c.headline().tasks();
        Source statuses = new Source(sheet, groups.lastRow() + 2, List.of(Column.text("整改状态", 16),
                Column.number("措施数", WIDTH), Column.percent("占比", WIDTH)));
        statuses.row(COMPLETED.word(), tasks.completed(), share(tasks.completed(), tasks));
        statuses.row(IN_PROGRESS.word(), tasks.inProgress(), share(tasks.inProgress(), tasks));
        statuses.row(NOT_STARTED.word(), tasks.notStarted(), share(tasks.notStarted(), tasks));
        Charts.pie(sheet, new Place(half, top, COLUMNS, top + rows),
                "整改措施状态（共" + tasks.total() + "条，其中" + Rule.OVERDUE.title() + tasks.overdue() + "条）",
                statuses.categories(0), statuses.series(1, null), List.of(Colour.GREEN, Colour.AMBER, Colour.GREY),
                "0\"条\"");
        statuses.total("合计", tasks.total(), share(tasks.total(), tasks));
        statuses.total("其中" + Rule.OVERDUE.title(), tasks.overdue(), share(tasks.overdue(), tasks));

        Source trend = new Source(sheet, statuses.lastRow() + 2, List.of(Column.text("期次", 16),
                Column.number(COMPLETED.word(), WIDTH), Column.number(Rule.OVERDUE.title(), WIDTH)));
        for (PeriodFigures period : c.trend()) {
            trend.row(Periods.text(period.period()), period.tasks().completed(), period.tasks().overdue());
        }
        Place trendPlace = new Place(0, top + rows, COLUMNS, tables);
        String trendTitle = "整改措施完成与" + Rule.OVERDUE.title() + "趋势";
        if (trend.isEmpty()) {
            noData(sheet, trendPlace, trendTitle);
        } else {
            Charts.lines(sheet, trendPlace, trendTitle, trend.categories(0), trend.series(1, Colour.GREEN),
                    trend.series(2, Colour.RED));
        }
        printArea(sheet, trend.lastRow());
    }

    /**
     * A group's units in rank order, worst on top, as its table below: their completion rates and
     * their overdue tasks, side by side.
     */
    private void group(String group, List<UnitStanding> units) {
        // never a fixed sheet's name: a group named 按 would otherwise take 按单位's and push the real one to 按单位(2)
        Sheet sheet = sheet(group + GROUP_SHEET_SUFFIX, RESERVED);
        Workbooks.title(sheet, styles, 0, COLUMNS, group + "各单位整改情况（按全区排名，最落后的在前）");
        // units with no lead task have no rate to chart: they are listed below the others
        List<UnitStanding> charted = units.stream().filter(s -> s.unit().expected()).toList();
        // a row of height per unit and room for the title and the axis: a group of 12 units fits one page with its table
        int chartRows = Math.max(CHART_ROWS, charted.size() + 7);
        // a blank row between the charts' frames and the table's header
        Source table = new Source(sheet, 2 + chartRows, UNIT_COLUMNS);
        for (UnitStanding s : charted) {
            TaskCount tasks = s.unit().tasks();
            Row row = table.row(s.rank(), s.unit().unit().name() + (s.carriedForward() ? "（" + notAccepted(s) + "）" : ""),
                    s.light().word(), Labels.submission(true, s.unit().submitted()), tasks.total(), tasks.completed(),
                    tasks.rate(), tasks.overdue());
            if (s.carriedForward()) {
                row.getCell(RATE_COLUMN).setCellStyle(carriedRate);
            }
        }
        if (!charted.isEmpty()) {
            int half = COLUMNS / 2;
            XSSFChart rates = Charts.bars(sheet, new Place(0, 1, half, 1 + chartRows), "各单位整改措施完成率（按排名，最落后在上）",
                    table.categories(1), table.series(RATE_COLUMN, Colour.BLUE), "完成率", true, true);
            // a rate from carried-forward statuses is no rate of this period: hatched grey, labelled （沿用）
            for (int i = 0; i < charted.size(); i++) {
                if (charted.get(i).carriedForward()) {
                    Charts.carried(rates, i, StatisticsWorkbook.CARRIED_FORMAT);
                }
            }
            Charts.bars(sheet, new Place(half, 1, COLUMNS, 1 + chartRows), "各单位" + Rule.OVERDUE.title() + "整改措施（条）",
                    table.categories(1), table.series(7, Colour.RED), Rule.OVERDUE.title() + "（条）", true, false);
        }
        for (UnitStanding s : units) {
            if (!s.unit().expected()) {
                table.row(s.rank(), s.unit().unit().name(), s.light().word(), Labels.submission(false, false));
            }
        }
        Lights.colour(sheet, LIGHT_COLUMN, table.headerRow + 1, table.lastRow());
        printArea(sheet, Math.max(table.lastRow(), chartRows));
    }

    /** 未报送, or 报送未采纳 when the unit sent files that were all rejected. */
    private static String notAccepted(UnitStanding s) {
        return s.unit().rejected().isEmpty() ? "未报送" : "报送未采纳";
    }

    /** In place of a chart with nothing to draw: its title and 无数据. */
    private static void noData(Sheet sheet, Place place, String chartTitle) {
        Row row = sheet.getRow(place.row()) == null ? sheet.createRow(place.row()) : sheet.getRow(place.row());
        row.createCell(place.column()).setCellValue(chartTitle + "：" + NO_DATA);
    }

    /** A chart sheet, its columns {@value #WIDTH} characters wide until its tables set theirs. */
    private Sheet sheet(String name, Set<String> reserved) {
        Sheet sheet = Workbooks.sheet(workbook, name, reserved);
        Workbooks.printTitle(sheet, title + " " + sheet.getSheetName());
        for (int i = 0; i < COLUMNS; i++) {
            sheet.setColumnWidth(i, WIDTH * 256);
        }
        return sheet;
    }

    /** The charts' columns and every row: without it a program may leave off the part of a chart beyond the tables' cells. */
    private void printArea(Sheet sheet, int lastRow) {
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, COLUMNS - 1, 0, lastRow);
    }

    private static double share(int count, TaskCount tasks) {
        return tasks.total() == 0 ? 0 : (double) count / tasks.total();
    }

    /**
     * A table on a chart sheet that keeps what it wrote, for the charts drawn from it: a {@link Table}
     * (A4 landscape, fitted to the page width) whose frozen and repeated header are taken back, as
     * they would freeze or repeat rows in the middle of the sheet.
     */
    private final class Source {

        private final Sheet sheet;
        private final int headerRow;
        private final List<Column> columns;
        private final Table table;
        private final List<Object[]> rows = new ArrayList<>();
        private int totals;

        Source(Sheet sheet, int headerRow, List<Column> columns) {
            this.sheet = sheet;
            this.headerRow = headerRow;
            this.columns = columns;
            this.table = new Table(workbook, styles, sheet, headerRow, columns);
            sheet.createFreezePane(0, 0);
            sheet.setRepeatingRows(null);
        }

        Row row(Object... values) {
            rows.add(values);
            return table.row(values);
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        void total(Object... values) {
            table.total(values);
            totals++;
        }

        int lastRow() {
            return headerRow + rows.size() + totals;
        }

        /** The data rows so far in one column, as category labels. */
        Categories categories(int column) {
            return new Categories(cells(column), rows.stream()
                    .map(r -> SafeText.neutralise(Objects.toString(r[column]))).toArray(String[]::new));
        }

        /** The data rows so far in one column, as a series named by its header. */
        Series series(int column, Colour colour) {
            return new Series(columns.get(column).header(), cells(column),
                    rows.stream().map(r -> (Number) r[column]).toArray(Number[]::new), colour);
        }

        private Cells cells(int column) {
            return new Cells(sheet, headerRow, headerRow + 1, headerRow + rows.size(), column);
        }
    }
}
