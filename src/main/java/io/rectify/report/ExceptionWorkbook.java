package io.rectify.report;

import io.rectify.consolidate.Consolidation;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Periods;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** 异常清单.xlsx: sheet 全部, then one sheet per supervision group in ledger order, for the supervisors. */
final class ExceptionWorkbook {

    static final String ALL = "全部";

    private ExceptionWorkbook() {
    }

    static void write(Consolidation c, Path target) throws IOException {
        String title = c.title() + " " + Periods.text(c.period()) + "异常清单（截至" + c.asOf() + "）";
        SXSSFWorkbook workbook = Workbooks.create(title, c.asOf());
        Styles styles = new Styles(workbook);
        sheet(workbook, styles, ALL, title, c.exceptions(), SkippedNotice.of(c));
        for (String group : c.groups()) {
            sheet(workbook, styles, group, title + " " + group,
                    c.exceptions().stream().filter(e -> group.equals(e.group())).toList(), Optional.empty());
        }
        Workbooks.save(workbook, target);
    }

    /** @param notice shown above the table, on the first sheet */
    private static void sheet(SXSSFWorkbook workbook, Styles styles, String name, String title,
                              List<ExceptionEntry> exceptions, Optional<SkippedNotice> notice) {
        Sheet sheet = Workbooks.sheet(workbook, name);
        notice.ifPresent(n -> Workbooks.note(sheet, styles, 0, ExceptionTable.COLUMNS.size(), n.text()));
        ExceptionTable.write(workbook, styles, sheet, notice.isPresent() ? 1 : 0, exceptions);
        Workbooks.printTitle(sheet, title);
    }
}
