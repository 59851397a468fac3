package io.rectify.report;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.GroupFigures;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.PeriodFile;
import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.UnitFigures;
import io.rectify.report.Indicators.Indicator;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.standing.Light;
import io.rectify.standing.ProblemStanding;
import io.rectify.standing.Standings;
import io.rectify.standing.UnitStanding;
import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 领导摘要, the first sheet of 汇总统计.xlsx: one printed A4 page that puts first what must be acted
 * on (overdue tasks by group, the units without an accepted return, the units furthest behind, the
 * problems not yet rectified), then the headline figures against the previous period (环比). A long
 * list shows its first rows and says which sheet has all of them.
 */
final class LeaderSummary {

    static final String SHEET = "领导摘要";
    /** The rows a list shows before pointing to the sheet that has all: every list must fit the one page. */
    static final int LIST_ROWS = 5;
    /** Units and task codes named in one cell of the overdue list before "等N个". */
    private static final int NAMED = 3;
    /** Column widths in characters; each section spans them its own way. */
    private static final int[] WIDTHS = {6, 8, 20, 12, 12, 14, 28};
    private static final float LINE_HEIGHT = 15f;
    private static final String NONE = "—";

    private final Consolidation c;
    private final Standings standings;
    private final Styles styles;
    private final Sheet sheet;
    private final CellStyle section;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle number;
    private final CellStyle carriedRate;
    private final CellStyle countChange;
    private final CellStyle pointChange;
    private int next;

    private LeaderSummary(SXSSFWorkbook workbook, Styles styles, Consolidation c, Standings standings, CellStyle carriedRate) {
        this.c = c;
        this.standings = standings;
        this.styles = styles;
        this.carriedRate = carriedRate;
        this.sheet = Workbooks.sheet(workbook, SHEET);
        Font bold = workbook.createFont();
        bold.setBold(true);
        bold.setFontHeightInPoints((short) 12);
        section = workbook.createCellStyle();
        section.setFont(bold);
        section.setVerticalAlignment(VerticalAlignment.BOTTOM);
        header = TableSheet.headerStyle(workbook);
        text = TableSheet.bodyStyle(workbook);
        number = TableSheet.copyOf(workbook, text);
        number.setAlignment(HorizontalAlignment.RIGHT);
        countChange = changeStyle(workbook, "+0;-0;\"持平\"");
        pointChange = changeStyle(workbook, "+0.0\"个百分点\";-0.0\"个百分点\";\"持平\"");
    }

    /**
     * Writes the sheet; call it first, so that it is the workbook's first sheet.
     *
     * @param carriedRate the style of a completion rate counted from statuses carried forward
     */
    static Sheet write(SXSSFWorkbook workbook, Styles styles, Consolidation c, Standings standings, String printTitle,
                       CellStyle carriedRate) {
        LeaderSummary summary = new LeaderSummary(workbook, styles, c, standings, carriedRate);
        summary.layout(printTitle);
        summary.title();
        summary.overdue();
        summary.missingReturns();
        summary.furthestBehind();
        summary.openProblems();
        summary.figures();
        return summary.sheet;
    }

    private void layout(String printTitle) {
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(false);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 1);
        sheet.setMargin(PageMargin.LEFT, 0.5);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.5);
        sheet.setMargin(PageMargin.BOTTOM, 0.4);
        sheet.setHorizontallyCenter(true);
        Workbooks.printTitle(sheet, printTitle);
    }

    private void title() {
        Workbooks.title(sheet, styles, next++, WIDTHS.length, c.title() + " 领导摘要");
        Workbooks.title(sheet, styles, next, WIDTHS.length, "统计期次：" + Periods.text(c.period()) + "　截至："
                + c.asOf() + previous().map(p -> "　环比上期：" + Periods.text(p.period())).orElse(""));
        sheet.getRow(next++).getCell(0).setCellStyle(styles.note());
        SkippedNotice.of(c).ifPresent(notice -> Workbooks.note(sheet, styles, next++, WIDTHS.length, notice.text()));
    }

    private void overdue() {
        List<GroupFigures> groups = c.byGroup().stream().filter(g -> g.tasks().overdue() > 0).toList();
        if (groups.isEmpty()) {
            section("一、逾期未完成的整改措施");
            note("本期没有逾期未完成的整改措施。");
            return;
        }
        section("一、逾期未完成的整改措施" + c.headline().tasks().overdue() + "条，按督查组");
        int[] spans = {3, 1, 3};
        header(spans, "督查组", "逾期（条）", "涉及单位（措施编号）");
        Map<String, Map<String, List<String>>> tasks = new LinkedHashMap<>();
        for (ExceptionEntry e : c.exceptions()) {
            if (e.rule() == Rule.OVERDUE && e.group() != null) {
                tasks.computeIfAbsent(e.group(), g -> new LinkedHashMap<>())
                        .computeIfAbsent(e.unitName() == null ? e.unitCode() : e.unitName(), u -> new ArrayList<>())
                        .add(e.taskCode());
            }
        }
        for (GroupFigures group : groups.subList(0, Math.min(LIST_ROWS, groups.size()))) {
            List<String> units = tasks.getOrDefault(group.name(), Map.of()).entrySet().stream()
                    .map(unit -> unit.getKey() + "（" + named(unit.getValue(), "条") + "）").toList();
            row(spans, group.name(), group.tasks().overdue(), named(units, "个单位").replace("）、", "）；"));
        }
        more(groups.size(), "个督查组", "个", "按督查组");
    }

    private void missingReturns() {
        List<UnitStanding> missing = standings.units().stream().filter(UnitStanding::carriedForward).toList();
        section("二、未报送或报送未采纳的单位" + missing.size() + "个");
        if (missing.isEmpty()) {
            note("应报送的" + c.headline().submissions().expected() + "个单位均已报送并采纳。");
            return;
        }
        int[] spans = {3, 1, 3};
        header(spans, "单位", "督查组", "情况");
        for (UnitStanding s : missing.subList(0, Math.min(LIST_ROWS, missing.size()))) {
            UnitFigures unit = s.unit();
            row(spans, unit.unit().code() + " " + unit.unit().name(), unit.unit().group(), situation(unit));
        }
        more(missing.size(), "个单位", "个", "报送情况");
    }

    /** 未报送, or the rules that rejected the unit's files, and that its statuses are carried forward. */
    private String situation(UnitFigures unit) {
        if (unit.rejected().isEmpty()) {
            return "未报送，状态沿用此前报送";
        }
        Set<String> files = unit.rejected().stream().map(PeriodFile::path).collect(Collectors.toSet());
        String why = c.exceptions().stream().filter(e -> e.rule().rejectsFile() && files.contains(e.file()))
                .map(e -> e.rule().title()).distinct().collect(Collectors.joining("、"));
        return "报送未采纳" + (why.isEmpty() ? "" : "（" + why + "）") + "，状态沿用此前报送";
    }

    private void furthestBehind() {
        List<UnitStanding> behind = standings.units().stream()
                .filter(s -> s.unit().expected() && s.light() != Light.GREEN).limit(LIST_ROWS).toList();
        section("三、进度最滞后的" + (behind.isEmpty() ? "" : behind.size() + "个") + "单位（全部排名见“按单位”）");
        if (behind.isEmpty()) {
            note("应报送的单位均为绿灯。");
            return;
        }
        int[] spans = {1, 1, 1, 1, 1, 2};
        header(spans, "排名", "红绿灯", "单位", "督查组", "完成率", "原因");
        int first = next;
        for (UnitStanding s : behind) {
            Row row = row(spans, s.rank(), s.light().word(), s.unit().unit().name(), s.unit().unit().group(),
                    s.unit().tasks().rate(), Lights.reasons(s.reasons()));
            row.getCell(4).setCellStyle(s.carriedForward() ? carriedRate : styles.percent());
        }
        Lights.colour(sheet, 1, first, next - 1);
    }

    private void openProblems() {
        List<ProblemStanding> open = standings.problems().stream().filter(s -> !s.problem().rectified()).toList();
        section("四、尚未完成整改的问题" + open.size() + "项");
        if (open.isEmpty()) {
            note("全部" + c.headline().problems().total() + "项问题均已完成整改。");
            return;
        }
        int[] spans = {2, 4, 1};
        header(spans, "问题编号", "问题", "整改进度");
        for (ProblemStanding s : open.subList(0, Math.min(LIST_ROWS, open.size()))) {
            TaskCount tasks = s.problem().tasks();
            List<String> progress = new ArrayList<>(List.of("措施完成" + tasks.completed() + "/" + tasks.total() + "条"));
            progress.addAll(s.reasons());
            row(spans, s.problem().code(), s.problem().description(), Lights.reasons(progress));
        }
        more(open.size(), "项问题", "项", "按问题");
    }

    private void figures() {
        Optional<PeriodFigures> previous = previous();
        section("五、主要指标（共" + c.headline().problems().total() + "项问题、" + c.headline().tasks().total()
                + "条整改措施）");
        int[] spans = {3, 1, 1, 1, 1};
        header(spans, "指标", "本期", "上期", "环比", "说明");
        for (Indicator indicator : Indicators.SUMMARY) {
            Number now = indicator.value().apply(c.headline());
            Object before = previous.<Object>map(p -> indicator.value().apply(p)).orElse(NONE);
            Object change = previous.<Object>map(p -> change(indicator, now, indicator.value().apply(p))).orElse(NONE);
            Row row = row(spans, indicator.label(), now, before, change, indicator.note());
            if (indicator.percent()) {
                row.getCell(3).setCellStyle(styles.percent());
                if (before instanceof Number) {
                    row.getCell(4).setCellStyle(styles.percent());
                }
            }
            if (change instanceof Number) {
                row.getCell(5).setCellStyle(indicator.percent() ? pointChange : countChange);
            }
        }
    }

    /** The change since the previous period: a count's difference, or a rate's in percentage points. */
    private static Number change(Indicator indicator, Number now, Number before) {
        double difference = now.doubleValue() - before.doubleValue();
        return indicator.percent() ? Math.round(difference * 1000) / 10.0 : difference;
    }

    /** The last period before this one with figures. */
    private Optional<PeriodFigures> previous() {
        return c.trend().stream().filter(p -> p.period().isBefore(c.period())).reduce((a, b) -> b);
    }

    /** The first {@value #NAMED} names, then how many there are in all. */
    private static String named(List<String> names, String counter) {
        String first = String.join("、", names.subList(0, Math.min(NAMED, names.size())));
        return names.size() <= NAMED ? first : first + "等" + names.size() + counter;
    }

    private void more(int total, String counted, String counter, String sheetName) {
        if (total > LIST_ROWS) {
            note("共" + total + counted + "，此处列出前" + LIST_ROWS + counter + "，全部见“" + sheetName + "”工作表。");
        }
    }

    private void section(String title) {
        Row row = sheet.createRow(next++);
        row.setHeightInPoints(26);
        Cell cell = row.createCell(0);
        cell.setCellValue(SafeText.neutralise(title));
        cell.setCellStyle(section);
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, WIDTHS.length - 1));
    }

    private void note(String note) {
        Workbooks.note(sheet, styles, next++, WIDTHS.length, note);
    }

    private void header(int[] spans, String... headers) {
        row(spans, (Object[]) headers).forEach(cell -> cell.setCellStyle(header));
    }

    /** One row of a section's table: value i spans {@code spans[i]} columns, merged; the row as tall as its text. */
    private Row row(int[] spans, Object... values) {
        Row row = sheet.createRow(next++);
        int column = 0;
        int lines = 1;
        for (int i = 0; i < values.length; i++) {
            int width = 0;
            for (int j = column; j < column + spans[i]; j++) {
                Cell cell = row.createCell(j);
                cell.setCellStyle(values[i] instanceof Number ? number : text);
                width += WIDTHS[j];
            }
            Cell cell = row.getCell(column);
            if (values[i] instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (values[i] != null) {
                String value = values[i].toString();
                cell.setCellValue(SafeText.neutralise(value));
                lines = Math.max(lines, TableSheet.lines(value, width));
            }
            if (spans[i] > 1) {
                sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), column, column + spans[i] - 1));
            }
            column += spans[i];
        }
        row.setHeightInPoints(lines * LINE_HEIGHT + 4);
        return row;
    }

    private CellStyle changeStyle(SXSSFWorkbook workbook, String format) {
        CellStyle style = TableSheet.copyOf(workbook, number);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
