package io.rectify.report;

import io.rectify.consolidate.Consolidation;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Periods;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 异常清单.xlsx for the supervisors: sheet 汇总 (the counts by group, unit and severity, linked to
 * the rows), sheet 全部, then one sheet per supervision group in ledger order.
 */
final class ExceptionWorkbook {

    static final String OVERVIEW = "汇总";
    static final String ALL = "全部";

    private ExceptionWorkbook() {
    }

    static void write(Consolidation c, Path target) throws IOException {
        String title = c.title() + " " + Periods.text(c.period()) + "异常清单（截至" + Periods.date(c.asOf()) + "）";
        SXSSFWorkbook workbook = Workbooks.create(title, c.asOf());
        Styles styles = new Styles(workbook);
        Optional<SkippedNotice> notice = SkippedNotice.of(c);
        Sheet overview = Workbooks.sheet(workbook, OVERVIEW);
        List<ExceptionEntry> exceptions = byUnit(c);
        ListSheet all = new ListSheet(Workbooks.sheet(workbook, ALL), null, notice.isPresent() ? 1 : 0,
                ExceptionTable.ordered(exceptions));
        List<ListSheet> groups = new ArrayList<>();
        for (String group : c.groups()) {
            groups.add(new ListSheet(Workbooks.sheet(workbook, group), group, 0, ExceptionTable.ordered(
                    exceptions.stream().filter(e -> group.equals(e.group())).toList())));
        }
        ExceptionOverview.write(workbook, styles, overview, title, notice, exceptions, all, groups);
        notice.ifPresent(n -> {
            // the widths the table will have, so that the notice is as tall as its text in them
            for (int i = 0; i < ExceptionTable.PRINTED; i++) {
                all.sheet().setColumnWidth(i, ExceptionTable.COLUMNS.get(i).width() * 256);
            }
            Workbooks.note(all.sheet(), styles, 0, ExceptionTable.PRINTED, n.text());
        });
        list(workbook, styles, all, title + " " + ALL);
        for (ListSheet group : groups) {
            list(workbook, styles, group, title + " " + group.group());
        }
        Workbooks.save(workbook, target);
    }

    /**
     * The period's exceptions by supervision group and unit, both in ledger order (exceptions without
     * a known unit last), each unit's in list order.
     */
    private static List<ExceptionEntry> byUnit(Consolidation c) {
        Map<String, Integer> groups = new HashMap<>();
        c.groups().forEach(g -> groups.putIfAbsent(g, groups.size()));
        Map<String, Integer> units = new HashMap<>();
        c.byUnit().forEach(u -> units.putIfAbsent(u.unit().code(), units.size()));
        return c.exceptions().stream()
                .sorted(Comparator.comparingInt((ExceptionEntry e) -> groups.getOrDefault(e.group(), Integer.MAX_VALUE))
                        .thenComparingInt(e -> units.getOrDefault(e.unitCode(), Integer.MAX_VALUE)))
                .toList();
    }

    private static void list(SXSSFWorkbook workbook, Styles styles, ListSheet list, String title) {
        ExceptionTable.write(workbook, styles, list.sheet(), list.headerRow(), list.rows());
        if (list.rows().isEmpty()) {
            Workbooks.note(list.sheet(), styles, list.headerRow() + 1, ExceptionTable.PRINTED,
                    list.group() == null ? "本期无异常。" : "本组本期无异常。");
            ExceptionTable.printArea(workbook, list.sheet());
        }
        Workbooks.printTitle(list.sheet(), title);
    }

    /**
     * A sheet listing exceptions, and where each of its rows will be.
     *
     * @param group the supervision group, null for 全部
     * @param rows  in the order written ({@link ExceptionTable#ordered})
     */
    record ListSheet(Sheet sheet, String group, int headerRow, List<ExceptionEntry> rows) {

        /** The 0-based sheet row of {@code rows.get(index)}. */
        int rowOf(int index) {
            return headerRow + 1 + index;
        }
    }
}
