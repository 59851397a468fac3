package io.rectify.report;

import static io.rectify.rule.TaskStatus.COMPLETED;
import static io.rectify.rule.TaskStatus.IN_PROGRESS;
import static io.rectify.rule.TaskStatus.NOT_STARTED;
import static io.rectify.rule.SignOff.AWAITING;
import static io.rectify.rule.SignOff.SIGNED_OFF;

import io.rectify.consolidate.AccountabilityCount;
import io.rectify.consolidate.CategoryFigures;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.FeedbackPointFigures;
import io.rectify.consolidate.GroupFigures;
import io.rectify.consolidate.Institution;
import io.rectify.consolidate.ListedAccountability;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.PeriodFile;
import io.rectify.consolidate.ProblemCount;
import io.rectify.consolidate.ProblemFigures;
import io.rectify.consolidate.SubmissionCount;
import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.UnitFigures;
import io.rectify.ledger.Unit;
import io.rectify.report.Indicators.Indicator;
import io.rectify.report.Table.Column;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.scoring.Scores;
import io.rectify.standing.GroupStanding;
import io.rectify.standing.ProblemStanding;
import io.rectify.standing.Standings;
import io.rectify.standing.UnitStanding;
import io.rectify.workbook.TableSheet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/** 汇总统计.xlsx: the period's figures for the office and the leaders, one sheet per view. */
final class StatisticsWorkbook {

    static final List<String> SHEETS = List.of(LeaderSummary.SHEET, "总体情况", "按方面", "按反馈问题", "按问题", "按单位", "按督查组",
            "报送情况", "制度建设", "问责情况", "趋势", ScoreSheet.SHEET);

    /** Problems rectified as reported, and signed off: every problem table shows both. */
    private static final List<Column> PROBLEM_COLUMNS = List.of(
            Column.number("问题数", 7), Column.number("已完成整改", 8), Column.number(SIGNED_OFF.word(), 7),
            Column.percent("问题整改率", 8));
    /** 已完成 as reported, then of those 待销号 and 已销号: every task table shows both. */
    private static final List<Column> TASK_COLUMNS = List.of(
            Column.number("整改措施", 8), Column.number(COMPLETED.word(), 7), Column.number(AWAITING.word(), 7),
            Column.number(SIGNED_OFF.word(), 7), Column.number(IN_PROGRESS.word(), 7),
            Column.number(NOT_STARTED.word(), 7), Column.number(Rule.OVERDUE.title(), 8), Column.number(Rule.DUE_SOON.title(), 8),
            Column.percent("完成率", 8));

    /** The columns every ranked table starts with; 红绿灯 is coloured by {@link Lights}. */
    private static final List<Column> RANK_COLUMNS = List.of(Column.number("排名", 5), Column.text("红绿灯", 6));
    private static final int LIGHT_COLUMN = 1;
    /** The last column of a ranked table: why its light is not green. */
    private static final Column REASONS = Column.text("原因", 18);
    /** The heading rows that group 按反馈问题 and 按问题. */
    private static final String CATEGORY = "方面：";
    private static final String FEEDBACK_POINT = "反馈问题：";
    /** A completion rate counted from statuses carried forward: never shown as if the unit had reported. */
    static final String CARRIED_FORMAT = "0.0%\"（沿用）\"";

    /** The periods of 趋势 one landscape page holds beside 指标 at 9 pt or more. */
    private static final int TREND_PERIODS_PER_PAGE = 12;

    private final Consolidation c;
    private final Standings standings;
    private final SXSSFWorkbook workbook;
    private final Styles styles;
    private final CellStyle carriedRate;
    private final CellStyle groupHeading;
    private final String title;

    private StatisticsWorkbook(Consolidation c, Standings standings) {
        this.c = c;
        this.standings = standings;
        this.title = c.title() + " " + Periods.text(c.period()) + "汇总统计（截至" + Periods.date(c.asOf()) + "）";
        this.workbook = Workbooks.create(title, c.asOf());
        this.styles = new Styles(workbook);
        this.carriedRate = TableSheet.copyOf(workbook, styles.percent());
        carriedRate.setDataFormat(workbook.createDataFormat().getFormat(CARRIED_FORMAT));
        this.groupHeading = TableSheet.copyOf(workbook, styles.boldText());
        ((XSSFCellStyle) groupHeading).setFillForegroundColor(Styles.rgb("F2F2F2"));
        groupHeading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        groupHeading.setVerticalAlignment(VerticalAlignment.CENTER);
    }

    /** @param standings {@code Standings.of(c)}, computed once per run by the caller */
    static void write(Consolidation c, Standings standings, Scores scores, Path target) throws IOException {
        StatisticsWorkbook statistics = new StatisticsWorkbook(c, standings);
        LeaderSummary.write(statistics.workbook, statistics.styles, c, statistics.standings,
                statistics.title + " " + LeaderSummary.SHEET, statistics.carriedRate);
        StatisticsCharts.write(statistics.workbook, statistics.styles, c, standings, statistics.title,
                statistics.carriedRate);
        statistics.overview();
        statistics.categories();
        statistics.feedbackPoints();
        statistics.problems();
        statistics.units();
        statistics.groups();
        ScoreSheet.write(statistics.workbook, statistics.styles, scores, statistics.title);
        statistics.submissions();
        statistics.institutions();
        statistics.accountability();
        statistics.trend();
        Workbooks.save(statistics.workbook, target);
    }

    private void overview() {
        Sheet sheet = sheet(SHEETS.get(1));
        Workbooks.title(sheet, styles, 0, 3, c.title() + "汇总统计");
        Workbooks.title(sheet, styles, 1, 3, "统计期次：" + Periods.text(c.period()) + "　截至：" + Periods.date(c.asOf()));
        sheet.getRow(1).getCell(0).setCellStyle(styles.note());
        SkippedNotice.of(c).ifPresent(notice -> Workbooks.note(sheet, styles, 2, 3, notice.text()));
        Table table = new Table(workbook, styles, sheet, 3,
                List.of(Column.text("指标", 24), Column.number("数值", 12), Column.text("说明", 46)));
        for (Indicator indicator : Indicators.ALL) {
            percentWhere(table.row(indicator.label(), indicator.value().apply(c.headline()), indicator.note()),
                    indicator.percent());
        }
        int row = table.sheet().getLastRowNum() + 2;
        Workbooks.title(sheet, styles, row, 3, "通报");
        Workbooks.note(sheet, styles, row + 1, 3, Bulletin.text(c.headline(), c.completion()));
        Workbooks.note(sheet, styles, row + 2, 3, Bulletin.signOff(c.headline()));
        // one portrait page: the figures and the bulletin belong together
        sheet.getPrintSetup().setLandscape(false);
        sheet.getPrintSetup().setFitHeight((short) 1);
    }

    private void categories() {
        Table table = table(SHEETS.get(2), columns(List.of(Column.number("序号", 5), Column.text("方面", 40)),
                PROBLEM_COLUMNS, TASK_COLUMNS));
        for (CategoryFigures category : c.byCategory()) {
            table.row(cells(List.of(category.seq(), category.name()), problemCells(category.problems()),
                    taskCells(category.tasks())));
        }
        table.filter();
        table.total(headlineTotal(2));
    }

    /** Grouped under a heading row per 方面, as 按问题. */
    private void feedbackPoints() {
        Table table = table(SHEETS.get(3), columns(List.of(Column.number("序号", 5), Column.text("反馈问题", 44)),
                PROBLEM_COLUMNS, TASK_COLUMNS));
        String category = null;
        for (FeedbackPointFigures point : c.byFeedbackPoint()) {
            if (!point.category().equals(category)) {
                category = point.category();
                table.heading(CATEGORY + category, groupHeading);
            }
            table.row(cells(Arrays.asList(point.seq() == 0 ? null : point.seq(),
                            point.name().isEmpty() ? "（未列反馈问题）" : point.name()),
                    problemCells(point.problems()), taskCells(point.tasks())));
        }
        table.filter();
        table.total(headlineTotal(2));
    }

    /** Grouped under a heading row per 方面 and per 反馈问题 instead of repeating their long titles on every row. */
    private void problems() {
        Table table = table(SHEETS.get(4), columns(RANK_COLUMNS, List.of(Column.text("问题编号", 7),
                Column.text("问题描述", 30)), TASK_COLUMNS, List.of(Column.text("整改情况", 12), Column.text("原因", 16))));
        Map<String, ProblemStanding> ranked = standings.problems().stream()
                .collect(Collectors.toMap(s -> s.problem().code(), Function.identity()));
        String category = null;
        String point = null;
        int first = table.sheet().getLastRowNum() + 1;
        for (ProblemFigures problem : c.byProblem()) {
            if (!problem.category().equals(category)) {
                category = problem.category();
                point = null;
                table.heading(CATEGORY + category, groupHeading);
            }
            if (!problem.feedbackPoint().equals(point)) {
                point = problem.feedbackPoint();
                if (!point.isEmpty()) {
                    table.heading(FEEDBACK_POINT + point, groupHeading);
                }
            }
            ProblemStanding standing = ranked.get(problem.code());
            table.row(cells(List.of(standing.rank(), standing.light().word(), problem.code(), problem.description()),
                    taskCells(problem.tasks()), List.of(progress(problem), Lights.reasons(standing.reasons()))));
        }
        int last = table.sheet().getLastRowNum();
        table.filter();
        Lights.colour(table.sheet(), LIGHT_COLUMN, first, last);
        ProblemCount problems = c.headline().problems();
        table.total(cells(List.of("合计", "", "", ""), taskCells(c.headline().tasks()),
                List.of("已完成整改 " + problems.completed() + "/" + problems.total() + "\n" + SIGNED_OFF.word() + " "
                        + problems.signedOff() + "/" + problems.total())));
    }

    /** 已销号 when every task is, 已完成整改 when every task is reported 已完成, else 整改中. */
    private static String progress(ProblemFigures problem) {
        return problem.signedOff() ? SIGNED_OFF.word() : problem.rectified() ? "已完成整改" : "整改中";
    }

    /** Worst first; a unit whose statuses were carried forward shows its rate marked （沿用）. */
    private void units() {
        List<Column> tasks = new ArrayList<>(TASK_COLUMNS);
        Column rate = Column.percent(tasks.get(tasks.size() - 1).header(), 13);
        tasks.set(tasks.size() - 1, rate);
        List<Column> columns = columns(RANK_COLUMNS, List.of(Column.text("单位代码", 6),
                Column.text("单位名称", 16), Column.text("督查组", 12), Column.text("本期报送", 10)), tasks, List.of(REASONS));
        Table table = table(SHEETS.get(5), columns);
        for (UnitStanding standing : standings.units()) {
            UnitFigures unit = standing.unit();
            Row row = table.row(cells(List.of(standing.rank(), standing.light().word(), unit.unit().code(),
                    unit.unit().name(), unit.unit().group(), Labels.submission(unit.expected(), unit.submitted())),
                    taskCells(unit.tasks()), List.of(Lights.reasons(standing.reasons()))));
            if (standing.carriedForward()) {
                row.getCell(columns.indexOf(rate)).setCellStyle(carriedRate);
            }
        }
        table.filter();
        Lights.colour(table.sheet(), LIGHT_COLUMN, 1, standings.units().size());
        table.total(cells(List.of("合计", "", "", "", "", "已报送 " + c.headline().submissions().accepted() + "/"
                + c.headline().submissions().expected()), taskCells(c.headline().tasks())));
    }

    /** Worst first, as 按单位. */
    private void groups() {
        Table table = table(SHEETS.get(6), columns(RANK_COLUMNS, List.of(Column.text("督查组", 14),
                Column.number("单位数", 6), Column.number("应报送", 6), Column.number("已报送", 6)), TASK_COLUMNS,
                List.of(REASONS)));
        for (GroupStanding standing : standings.groups()) {
            GroupFigures group = standing.group();
            table.row(cells(List.of(standing.rank(), standing.light().word(), group.name(), group.units(),
                    group.expected(), group.submitted()), taskCells(group.tasks()),
                    List.of(Lights.reasons(standing.reasons()))));
        }
        table.filter();
        Lights.colour(table.sheet(), LIGHT_COLUMN, 1, c.byGroup().size());
        table.total(cells(List.of("合计", "", "", c.byUnit().size(), c.headline().submissions().expected(),
                c.headline().submissions().accepted()), taskCells(c.headline().tasks())));
    }

    private void submissions() {
        Table table = table(SHEETS.get(7), List.of(Column.text("督查组", 12), Column.text("单位代码", 6),
                Column.text("单位名称", 18), Column.text("应报送", 6), Column.text("本期报送", 14),
                Column.text("采纳文件", 30), Column.date("报送日期", 11), Column.text("逾期报送", 8),
                Column.text("未采纳文件", 24)));
        for (UnitFigures unit : c.byUnit()) {
            PeriodFile accepted = unit.accepted();
            table.row(unit.unit().group(), unit.unit().code(), unit.unit().name(), Labels.yesNo(unit.expected()),
                    Labels.submission(unit.expected(), unit.submitted()),
                    accepted == null ? null : accepted.path(), accepted == null ? null : accepted.submittedOn(),
                    accepted == null ? null : Labels.yesNo(accepted.late()),
                    unit.rejected().stream().map(PeriodFile::path).collect(Collectors.joining("\n")));
        }
        table.filter();
        SubmissionCount s = c.headline().submissions();
        table.total("合计", "", "", "应报送 " + s.expected(), "已报送 " + s.accepted() + "，未报送 " + s.missing(),
                "", "", "逾期报送 " + s.late(), "未采纳文件 " + s.rejectedFiles());
    }

    private void institutions() {
        Table table = table(SHEETS.get(8), List.of(Column.number("序号", 6), Column.text("制度名称", 44),
                Column.text("文号", 20), Column.text("类型", 6), Column.date("印发日期", 11),
                Column.text("关联任务编号", 12), Column.text("报送单位", 30)));
        int seq = 0;
        for (Institution institution : c.institutions()) {
            table.row(++seq, institution.name(), institution.docNo(), institution.kind(), institution.issuedOn(),
                    institution.taskRef(),
                    institution.reportedBy().stream().map(Unit::name).collect(Collectors.joining("、")));
        }
        table.filter();
        table.total("合计", "新建制度 " + c.headline().institutions().created() + " 项，修订完善 "
                + c.headline().institutions().revised() + " 项");
    }

    private void accountability() {
        Table table = table(SHEETS.get(9), List.of(Column.text("单位代码", 10), Column.text("单位名称", 22),
                Column.text("督查组", 12), Column.number(AccountabilityCount.CASE_FILED, 13),
                Column.number(AccountabilityCount.DISCIPLINED, 13), Column.number(AccountabilityCount.ADMONISHED, 10),
                Column.number(AccountabilityCount.ORGANIZATIONAL, 10), Column.number("合计（人）", 10),
                Column.text("报送期次", 12)));
        Map<String, Unit> units = c.byUnit().stream().map(UnitFigures::unit)
                .collect(Collectors.toMap(Unit::code, Function.identity()));
        Map<String, List<ListedAccountability>> byUnit = c.accountability().stream()
                .collect(Collectors.groupingBy(ListedAccountability::unitCode, LinkedHashMap::new, Collectors.toList()));
        byUnit.forEach((code, rows) -> {
            Unit unit = units.getOrDefault(code, new Unit(code, code, "", null, null));
            int[] persons = new int[4];
            for (ListedAccountability row : rows) {
                int kind = List.of(AccountabilityCount.CASE_FILED, AccountabilityCount.DISCIPLINED,
                        AccountabilityCount.ADMONISHED, AccountabilityCount.ORGANIZATIONAL).indexOf(row.kind());
                if (kind >= 0) {
                    persons[kind] += row.persons();
                }
            }
            table.row(unit.code(), unit.name(), unit.group(), persons[0], persons[1], persons[2], persons[3],
                    Arrays.stream(persons).sum(), Periods.text(rows.get(0).period()));
        });
        table.filter();
        AccountabilityCount total = c.headline().accountability();
        table.total("全区合计", "", "", total.caseFiled(), total.disciplined(), total.admonished(),
                total.organizational(), total.total(), "");
    }

    private void trend() {
        List<Column> columns = new ArrayList<>(List.of(Column.text("指标", 24)));
        for (PeriodFigures period : c.trend()) {
            columns.add(Column.number(Periods.text(period.period()), 11));
        }
        Table table = table(SHEETS.get(10), columns);
        table.sheet().createFreezePane(1, 1);
        for (Indicator indicator : Indicators.ALL) {
            List<Object> values = new ArrayList<>(List.of(indicator.label()));
            c.trend().forEach(period -> values.add(indicator.value().apply(period)));
            percentWhere(table.row(values.toArray()), indicator.percent());
        }
        // a long programme's periods go on as many pages wide as keep 9 pt, 指标 repeated on each
        int pages = (c.trend().size() + TREND_PERIODS_PER_PAGE - 1) / TREND_PERIODS_PER_PAGE;
        if (pages > 1) {
            table.sheet().getPrintSetup().setFitWidth((short) pages);
            table.sheet().setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
        }
    }

    private Sheet sheet(String name) {
        Sheet sheet = Workbooks.sheet(workbook, name);
        Workbooks.printTitle(sheet, title + " " + name);
        return sheet;
    }

    private Table table(String name, List<Column> columns) {
        return new Table(workbook, styles, sheet(name), 0, columns);
    }

    private void percentWhere(Row row, boolean percent) {
        if (percent) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.NUMERIC) {
                    cell.setCellStyle(styles.percent());
                }
            }
        }
    }

    /** The 合计 row of a roll-up of the whole ledger: {@code leading} label columns, then the headline figures. */
    private Object[] headlineTotal(int leading) {
        List<Object> labels = new ArrayList<>(List.of("合计"));
        while (labels.size() < leading) {
            labels.add("");
        }
        return cells(labels, problemCells(c.headline().problems()), taskCells(c.headline().tasks()));
    }

    private static List<Object> problemCells(ProblemCount p) {
        return List.of(p.total(), p.completed(), p.signedOff(), p.rate());
    }

    private static List<Object> taskCells(TaskCount t) {
        return List.of(t.total(), t.completed(), t.awaitingSignOff(), t.signedOff(), t.inProgress(), t.notStarted(),
                t.overdue(), t.dueSoon(), t.rate());
    }

    private static Object[] cells(List<?>... parts) {
        return Stream.of(parts).flatMap(List::stream).toArray();
    }

    @SafeVarargs
    private static List<Column> columns(List<Column>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
