package io.rectify.report;

import static java.util.Comparator.comparingInt;

import io.rectify.report.ExceptionWorkbook.ListSheet;
import io.rectify.report.Table.Column;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Severity;
import io.rectify.workbook.TableSheet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Sheet 汇总 of 异常清单.xlsx: the exceptions counted by supervision group, unit and severity, a row
 * per unit with exceptions, the units with the most errors first within their group, a subtotal per
 * group. A unit's name and each of its counts link to its rows on its group's sheet (the count of a
 * severity to its first row of that severity); exceptions no unit could be told for link to 全部.
 */
final class ExceptionOverview {

    static final List<Column> COLUMNS = List.of(
            Column.text("督查组", 12),
            Column.text("单位代码", 9),
            Column.text("单位名称", 28),
            Column.number(Severity.ERROR.label(), 7),
            Column.number(Severity.WARNING.label(), 7),
            Column.number(Severity.INFO.label(), 7),
            Column.number("合计", 7));
    static final String NO_UNIT = "（未能确定单位的文件）";

    private static final int FIRST_COUNT = 3;
    private static final Comparator<Counted> MOST_ERRORS_FIRST = comparingInt((Counted u) -> -u.count(Severity.ERROR))
            .thenComparingInt(u -> -u.count(Severity.WARNING))
            .thenComparingInt(u -> -u.count(Severity.INFO));

    private final SXSSFWorkbook workbook;
    private final Map<CellStyle, CellStyle> linkStyles = new HashMap<>();
    private Font linkFont;

    private ExceptionOverview(SXSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    /**
     * @param exceptions by group, then unit in ledger order, exceptions without a known unit last
     * @param groups     the groups' sheets in ledger order
     */
    static void write(SXSSFWorkbook workbook, Styles styles, Sheet sheet, String title, Optional<SkippedNotice> notice,
                      List<ExceptionEntry> exceptions, ListSheet all, List<ListSheet> groups) {
        new ExceptionOverview(workbook).write(styles, sheet, title, notice, exceptions, all, groups);
    }

    private void write(Styles styles, Sheet sheet, String title, Optional<SkippedNotice> notice,
                       List<ExceptionEntry> exceptions, ListSheet all, List<ListSheet> groups) {
        Map<String, List<Counted>> byGroup = new LinkedHashMap<>();
        groups.forEach(g -> byGroup.put(g.group(), new ArrayList<>()));
        Counted noUnit = new Counted(null, null, NO_UNIT, all);
        Counted total = new Counted(null, null, "总计", all);
        // where each exception is listed: its group's sheet, or 全部 when it is counted in the no-unit row
        Map<ExceptionEntry, Integer> inGroup = new IdentityHashMap<>();
        groups.forEach(g -> indexes(g.rows(), inGroup));
        Map<ExceptionEntry, Integer> inAll = indexes(all.rows(), new IdentityHashMap<>());
        Map<List<String>, Counted> units = new HashMap<>();
        for (ExceptionEntry e : exceptions) {
            total.add(e);
            List<Counted> members = e.unitCode() == null ? null : byGroup.get(e.group());
            if (members == null) {
                noUnit.add(e);
                noUnit.seen(e, inAll.get(e));
                continue;
            }
            Counted unit = units.computeIfAbsent(List.of(e.group(), e.unitCode()), key -> {
                Counted counted = new Counted(e.group(), e.unitCode(), e.unitName(), sheetOf(groups, e.group()));
                members.add(counted);
                return counted;
            });
            unit.add(e);
            unit.seen(e, inGroup.get(e));
        }

        // the table first, so that the notes above it are as tall as their text in its columns' widths
        Table table = new Table(workbook, styles, sheet, notice.isPresent() ? 3 : 2, COLUMNS);
        Workbooks.title(sheet, styles, 0, COLUMNS.size(), title);
        Workbooks.note(sheet, styles, 1, COLUMNS.size(), "共 %d 条异常：错误 %d 条，警告 %d 条，提示 %d 条。"
                .formatted(total.total(), total.count(Severity.ERROR), total.count(Severity.WARNING),
                        total.count(Severity.INFO))
                + "下表按督查组列出有异常的单位，组内错误多的单位在前；点击单位名称或条数，可转到该单位在本组工作表中的相应行。");
        notice.ifPresent(n -> Workbooks.note(sheet, styles, 2, COLUMNS.size(), n.text()));
        for (Map.Entry<String, List<Counted>> group : byGroup.entrySet()) {
            Counted subtotal = new Counted(group.getKey(), null, "小计（" + group.getValue().size() + "个单位）", null);
            for (Counted unit : group.getValue().stream().sorted(MOST_ERRORS_FIRST).toList()) {
                unit.row(this, table, styles);
                subtotal.add(unit);
            }
            subtotal.total(table);
        }
        if (noUnit.total() > 0) {
            noUnit.row(this, table, styles);
        }
        total.total(table);
        sheet.getPrintSetup().setLandscape(false);
        Workbooks.printTitle(sheet, title + " " + sheet.getSheetName());
    }

    /** Puts each of {@code rows} into {@code index} by its identity, with its position in {@code rows}. */
    private static Map<ExceptionEntry, Integer> indexes(List<ExceptionEntry> rows, Map<ExceptionEntry, Integer> index) {
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i), i);
        }
        return index;
    }

    private static ListSheet sheetOf(List<ListSheet> groups, String group) {
        return groups.stream().filter(g -> g.group().equals(group)).findFirst().orElseThrow();
    }

    /** Makes {@code cell} a link to a row of a list sheet, in its style with a link's blue underlined font. */
    private void link(Cell cell, ListSheet target, int index) {
        Hyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress("'" + target.sheet().getSheetName().replace("'", "''") + "'!"
                + new CellReference(target.rowOf(index), 0).formatAsString(false));
        cell.setHyperlink(link);
        cell.setCellStyle(linkStyles.computeIfAbsent(cell.getCellStyle(), style -> {
            if (linkFont == null) {
                linkFont = workbook.createFont();
                linkFont.setUnderline(Font.U_SINGLE);
                linkFont.setColor(IndexedColors.BLUE.getIndex());
            }
            CellStyle linked = TableSheet.copyOf(workbook, style);
            linked.setFont(linkFont);
            return linked;
        }));
    }

    /**
     * The exceptions of one unit (or of a group, or of all) counted by severity, and where the first of
     * each severity is on {@code sheet}.
     *
     * @param sheet the sheet the counts link to; null for a subtotal
     */
    private static final class Counted {

        private final String group;
        private final String code;
        private final String name;
        private final ListSheet sheet;
        private final int[] counts = new int[Severity.values().length];
        /** By severity, the index in {@code sheet}'s rows of the first exception counted here; -1 while none. */
        private final int[] firsts = new int[Severity.values().length];

        Counted(String group, String code, String name, ListSheet sheet) {
            this.group = group;
            this.code = code;
            this.name = name;
            this.sheet = sheet;
            Arrays.fill(firsts, -1);
        }

        void add(ExceptionEntry e) {
            counts[e.severity().ordinal()]++;
        }

        /** Notes that {@code e}, counted here, is at {@code index} of {@code sheet}'s rows. */
        void seen(ExceptionEntry e, int index) {
            int severity = e.severity().ordinal();
            firsts[severity] = firsts[severity] < 0 ? index : Math.min(firsts[severity], index);
        }

        void add(Counted other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
        }

        int count(Severity severity) {
            return counts[severity.ordinal()];
        }

        int total() {
            int total = 0;
            for (int count : counts) {
                total += count;
            }
            return total;
        }

        /** A unit's row: its counts filled by severity where not zero, its name and counts linked. */
        void row(ExceptionOverview overview, Table table, Styles styles) {
            Row row = table.row(group, code, name, count(Severity.ERROR), count(Severity.WARNING), count(Severity.INFO),
                    total());
            int first = -1;
            for (Severity severity : Severity.values()) {
                int index = firsts[severity.ordinal()];
                if (index < 0) {
                    continue;
                }
                first = first < 0 ? index : Math.min(first, index);
                Cell cell = row.getCell(FIRST_COUNT + severity.ordinal());
                cell.setCellStyle(styles.severity(severity, true));
                overview.link(cell, sheet, index);
            }
            overview.link(row.getCell(2), sheet, first);
            overview.link(row.getCell(FIRST_COUNT + counts.length), sheet, first);
        }

        void total(Table table) {
            table.total(group == null ? name : group, null, group == null ? null : name, count(Severity.ERROR),
                    count(Severity.WARNING), count(Severity.INFO), total());
        }
    }
}
