package io.rectify.report;

import io.rectify.consolidate.Completion;
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
import io.rectify.rule.SignOff;
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
 * list shows its first rows and says which sheet has all of them; the lists are cut shorter when
 * their rows would not fit the page at 9 pt.
 */
final class LeaderSummary {

    static final String SHEET = "领导摘要";
    /** The most rows a list shows before pointing to the sheet that has all. */
    static final int LIST_ROWS = 5;
    /** Units and task codes named in one cell of the overdue list before "等N个". */
    private static final int NAMED = 3;
    /** Column widths in characters; each section spans them its own way. */
    private static final int[] WIDTHS = {5, 7, 16, 10, 12, 13, 27};
    private static final int ALL_COLUMNS = WIDTHS.length;
    private static final float LINE_HEIGHT = 15f;
    private static final float TITLE_HEIGHT = 24f;
    private static final float SECTION_HEIGHT = 26f;
    private static final double TOP_MARGIN = 0.5;
    private static final double BOTTOM_MARGIN = 0.4;
    /** The height of the rows that print on one portrait A4 page at 9 pt: 11 pt text scaled to 9/11 at most. */
    private static final float PAGE_HEIGHT = (float) ((841.9 - 72 * (TOP_MARGIN + BOTTOM_MARGIN)) * 11 / 9) - 20;
    private static final String NONE = "—";

    /** A cell with a style of its own (a rate, a change) instead of the text or number style. */
    private record Styled(Object value, CellStyle style) {
    }

    /**
     * A section: its title, then its table (header and rows) or the one line saying there is nothing.
     *
     * @param more  what the pointer to the full list counts ("个单位", "个"), and the sheet it names; null for a
     *              section that is never cut
     * @param light whether its second column is a 红绿灯 column
     */
    private record Section(String title, int[] spans, List<String> header, List<List<Object>> rows, String empty,
                           List<String> more, boolean light) {

        int shown(int limit) {
            return more == null ? rows.size() : Math.min(limit, rows.size());
        }
    }

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
        List<String> titles = summary.titles();
        List<Section> sections = List.of(summary.overdue(), summary.missingReturns(), summary.furthestBehind(),
                summary.openProblems(), summary.figures());
        int limit = LIST_ROWS;
        while (limit > 1 && height(titles, sections, limit) > PAGE_HEIGHT) {
            limit--;
        }
        summary.write(titles, sections, limit);
        return summary.sheet;
    }

    private void layout(String printTitle) {
        for (int i = 0; i < ALL_COLUMNS; i++) {
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
        sheet.setMargin(PageMargin.TOP, TOP_MARGIN);
        sheet.setMargin(PageMargin.BOTTOM, BOTTOM_MARGIN);
        sheet.setHorizontallyCenter(true);
        Workbooks.printTitle(sheet, printTitle);
    }

    /** The title, the period line, and the incomplete-period notice when there is one. */
    private List<String> titles() {
        List<String> titles = new ArrayList<>(List.of(c.title() + " 领导摘要", "统计期次：" + Periods.text(c.period())
                + "　截至：" + Periods.date(c.asOf()) + previous().map(p -> "　环比上期：" + Periods.text(p.period())).orElse("")));
        SkippedNotice.of(c).ifPresent(notice -> titles.add(notice.text()));
        return titles;
    }

    private Section overdue() {
        List<GroupFigures> groups = c.byGroup().stream().filter(g -> g.tasks().overdue() > 0).toList();
        Map<String, Map<String, List<String>>> tasks = new LinkedHashMap<>();
        for (ExceptionEntry e : c.exceptions()) {
            if (e.rule() == Rule.OVERDUE && e.group() != null) {
                tasks.computeIfAbsent(e.group(), g -> new LinkedHashMap<>())
                        .computeIfAbsent(e.unitName() == null ? e.unitCode() : e.unitName(), u -> new ArrayList<>())
                        .add(e.taskCode());
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (GroupFigures group : groups) {
            List<String> units = tasks.getOrDefault(group.name(), Map.of()).entrySet().stream()
                    .map(unit -> unit.getKey() + "（" + named(unit.getValue(), "、", "条") + "）").toList();
            rows.add(List.of(group.name(), group.tasks().overdue(), named(units, "；", "个单位")));
        }
        return new Section("一、逾期未完成的整改措施" + (groups.isEmpty() ? "" : c.headline().tasks().overdue() + "条，按督查组"),
                new int[] {3, 1, 3}, List.of("督查组", Rule.OVERDUE.title() + "（条）", "涉及单位（措施编号）"), rows, "本期没有逾期未完成的整改措施。",
                List.of("个督查组", "个", "按督查组"), false);
    }

    private Section missingReturns() {
        List<UnitStanding> missing = standings.units().stream().filter(UnitStanding::carriedForward).toList();
        List<List<Object>> rows = missing.stream().map(UnitStanding::unit).<List<Object>>map(unit -> List.of(
                unit.unit().code() + " " + unit.unit().name(), unit.unit().group(), situation(unit))).toList();
        return new Section("二、未报送或报送未采纳的单位" + missing.size() + "个", new int[] {3, 1, 3},
                List.of("单位", "督查组", "情况"), rows,
                "应报送的" + c.headline().submissions().expected() + "个单位均已报送并采纳。",
                List.of("个单位", "个", "报送情况"), false);
    }

    /** 未报送, or the rules that rejected the unit's files, and that its statuses are carried forward. */
    private String situation(UnitFigures unit) {
        if (unit.rejected().isEmpty()) {
            return "未报送，" + UnitStanding.CARRIED_FORWARD;
        }
        Set<String> files = unit.rejected().stream().map(PeriodFile::path).collect(Collectors.toSet());
        String why = c.exceptions().stream().filter(e -> e.rule().rejectsFile() && files.contains(e.file()))
                .map(e -> e.rule().title()).distinct().collect(Collectors.joining("、"));
        return "报送未采纳" + (why.isEmpty() ? "" : "（" + why + "）") + "，" + UnitStanding.CARRIED_FORWARD;
    }

    private Section furthestBehind() {
        List<UnitStanding> behind = standings.units().stream()
                .filter(s -> s.unit().expected() && s.light() != Light.GREEN).limit(LIST_ROWS).toList();
        List<List<Object>> rows = behind.stream().<List<Object>>map(s -> List.of(s.rank(), s.light().word(),
                s.unit().unit().name(), s.unit().unit().group(),
                new Styled(s.unit().tasks().rate(), s.carriedForward() ? carriedRate : styles.percent()),
                Lights.reasons(s.reasons()))).toList();
        return new Section("三、进度最滞后的" + (behind.isEmpty() ? "" : behind.size() + "个") + "单位（全部排名见“按单位”）",
                new int[] {1, 1, 1, 1, 1, 2}, List.of("排名", "红绿灯", "单位", "督查组", "完成率", "原因"), rows,
                "应报送的单位均为绿灯。", null, true);
    }

    private Section openProblems() {
        Completion completion = c.completion();
        List<ProblemStanding> open = standings.problems().stream().filter(s -> !s.problem().done(completion)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (ProblemStanding s : open) {
            TaskCount tasks = s.problem().tasks();
            List<String> progress = new ArrayList<>(List.of("措施完成" + tasks.completed() + "/" + tasks.total() + "条"
                    + (tasks.signedOff() > 0 || completion.signedOff() ? "，" + SignOff.SIGNED_OFF.word() + tasks.signedOff() + "条" : "")));
            progress.addAll(s.reasons());
            rows.add(List.of(s.problem().code(), s.problem().description(), Lights.reasons(progress)));
        }
        return new Section("四、" + completion.notDoneWord() + "的问题" + open.size() + "项", new int[] {2, 4, 1},
                List.of("问题编号", "问题", "整改进度"), rows,
                "全部" + c.headline().problems().total() + "项问题均" + completion.problemWord() + "。",
                List.of("项问题", "项", "按问题"), false);
    }

    private Section figures() {
        Optional<PeriodFigures> previous = previous();
        List<List<Object>> rows = new ArrayList<>();
        for (Indicator indicator : Indicators.summary(c.completion())) {
            Number now = indicator.value().apply(c.headline());
            Object before = previous.<Object>map(p -> indicator.value().apply(p)).orElse(NONE);
            Object change = previous.<Object>map(p -> new Styled(change(indicator, now, indicator.value().apply(p)),
                    indicator.percent() ? pointChange : countChange)).orElse(NONE);
            rows.add(List.of(indicator.label(), rate(indicator, now), rate(indicator, before), change, indicator.note()));
        }
        return new Section("五、主要指标（共" + c.headline().problems().total() + "项问题、" + c.headline().tasks().total()
                + "条整改措施）", new int[] {3, 1, 1, 1, 1}, List.of("指标", "本期", "上期", "环比", "说明"), rows, "", null,
                false);
    }

    private Object rate(Indicator indicator, Object value) {
        return indicator.percent() && value instanceof Number ? new Styled(value, styles.percent()) : value;
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

    /** The first {@value #NAMED} names joined by {@code separator}, then how many there are in all. */
    private static String named(List<String> names, String separator, String counter) {
        String first = String.join(separator, names.subList(0, Math.min(NAMED, names.size())));
        return names.size() <= NAMED ? first : first + "等" + names.size() + counter;
    }

    /** The pointer under a list cut to {@code shown} rows, or null when it is whole. */
    private static String more(Section section, int shown) {
        if (section.more() == null || shown >= section.rows().size()) {
            return null;
        }
        return "共" + section.rows().size() + section.more().get(0) + "，此处列出前" + shown + section.more().get(1)
                + "，全部见“" + section.more().get(2) + "”工作表。";
    }

    /** The printed height of the sheet with each cut list showing at most {@code limit} rows. */
    private static float height(List<String> titles, List<Section> sections, int limit) {
        float height = 2 * TITLE_HEIGHT;
        for (String notice : titles.subList(2, titles.size())) {
            height += noteHeight(notice);
        }
        for (Section s : sections) {
            height += SECTION_HEIGHT;
            if (s.rows().isEmpty()) {
                height += noteHeight(s.empty());
                continue;
            }
            height += rowHeight(s.spans(), new ArrayList<>(s.header()));
            int shown = s.shown(limit);
            for (List<Object> row : s.rows().subList(0, shown)) {
                height += rowHeight(s.spans(), row);
            }
            String more = more(s, shown);
            height += more == null ? 0 : noteHeight(more);
        }
        return height;
    }

    private void write(List<String> titles, List<Section> sections, int limit) {
        Workbooks.title(sheet, styles, next++, ALL_COLUMNS, titles.get(0));
        Workbooks.title(sheet, styles, next, ALL_COLUMNS, titles.get(1));
        sheet.getRow(next++).getCell(0).setCellStyle(styles.note());
        titles.subList(2, titles.size()).forEach(this::note);
        for (Section s : sections) {
            sectionTitle(s.title());
            if (s.rows().isEmpty()) {
                note(s.empty());
                continue;
            }
            row(s.spans(), new ArrayList<>(s.header())).forEach(cell -> cell.setCellStyle(header));
            int first = next;
            int shown = s.shown(limit);
            s.rows().subList(0, shown).forEach(row -> row(s.spans(), row));
            if (s.light()) {
                Lights.colour(sheet, 1, first, next - 1);
            }
            String more = more(s, shown);
            if (more != null) {
                note(more);
            }
        }
    }

    private void sectionTitle(String title) {
        Row row = sheet.createRow(next++);
        row.setHeightInPoints(SECTION_HEIGHT);
        Cell cell = row.createCell(0);
        cell.setCellValue(SafeText.neutralise(title));
        cell.setCellStyle(section);
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, ALL_COLUMNS - 1));
    }

    private void note(String note) {
        Workbooks.note(sheet, styles, next++, ALL_COLUMNS, note);
    }

    private static float noteHeight(String note) {
        int width = 0;
        for (int w : WIDTHS) {
            width += w;
        }
        return TableSheet.lines(note, width) * LINE_HEIGHT + 3;
    }

    private static float rowHeight(int[] spans, List<Object> values) {
        int column = 0;
        int lines = 1;
        for (int i = 0; i < values.size(); i++) {
            int width = 0;
            for (int j = column; j < column + spans[i]; j++) {
                width += WIDTHS[j];
            }
            if (values.get(i) instanceof String value) {
                lines = Math.max(lines, TableSheet.lines(value, width));
            }
            column += spans[i];
        }
        return lines * LINE_HEIGHT + 4;
    }

    /** One row of a section's table: value i spans {@code spans[i]} columns, merged; the row as tall as its text. */
    private Row row(int[] spans, List<Object> values) {
        Row row = sheet.createRow(next++);
        int column = 0;
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i) instanceof Styled styled ? styled.value() : values.get(i);
            CellStyle style = values.get(i) instanceof Styled styled ? styled.style() : value instanceof Number ? number : text;
            for (int j = column; j < column + spans[i]; j++) {
                row.createCell(j).setCellStyle(style);
            }
            Cell cell = row.getCell(column);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value != null) {
                cell.setCellValue(SafeText.neutralise(value.toString()));
            }
            if (spans[i] > 1) {
                sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), column, column + spans[i] - 1));
            }
            column += spans[i];
        }
        row.setHeightInPoints(rowHeight(spans, values));
        return row;
    }

    private CellStyle changeStyle(SXSSFWorkbook workbook, String format) {
        CellStyle style = TableSheet.copyOf(workbook, number);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
