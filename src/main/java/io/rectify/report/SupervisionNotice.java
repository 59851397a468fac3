package io.rectify.report;

import static java.util.Comparator.comparingLong;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ReceiptTask;
import io.rectify.consolidate.TaskStatusRow;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.TaskStatus;
import io.rectify.standing.UnitStanding;
import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 督办单/<单位代码>-<单位名称>-<YYYY-MM>-督办单.xlsx: the notice a supervision group signs and sends
 * to a unit whose light is red. It says why the unit is red, lists each of its overdue, regressed and
 * sent-back (销号退回, 回头看 不属实) tasks, what to do about each and by when (the next return's due date), and leaves lines for the
 * group to sign and date it and for the unit to acknowledge it. One A4 page, portrait, at 100 %.
 */
final class SupervisionNotice {

    static final String SHEET = "督办单";
    static final List<String> HEADERS = List.of("序号", "督办事项", "任务编号", "问题编号", "整改措施", "完成时限",
            "当前状态", "逾期天数");
    /** Column widths in characters: about 500 points, the width of an A4 page in portrait inside its margins. */
    private static final List<Integer> WIDTHS = List.of(5, 11, 9, 9, 28, 13, 14, 7);
    private static final int COLUMNS = HEADERS.size();
    private static final int TITLE_POINTS = 18;
    private static final int TEXT_POINTS = 12;
    /** The supervisors sent the task back: it is 推进中 again and must be reported 已完成 anew. */
    private static final Set<Rule> RETURNED = EnumSet.of(Rule.SIGNOFF_RETURNED, Rule.RECHECK_FAILED);

    /**
     * One line of the notice's table: a task of the unit that is overdue, regressed, or sent back by its
     * supervision group (销号退回 or 回头看 不属实: {@code returned} is that rule), or several of these.
     */
    private record Item(ReceiptTask task, boolean overdue, boolean regressed, Rule returned, long daysOverdue) {
    }

    private SupervisionNotice() {
    }

    static void write(Consolidation c, UnitStanding standing, UnitReceipt receipt, Path target) throws IOException {
        Unit unit = standing.unit().unit();
        String title = c.title() + "督办单";
        SXSSFWorkbook workbook = Workbooks.createSmall(unit.name() + " " + Periods.text(c.period()) + title, c.asOf());
        Sheet sheet = Workbooks.sheet(workbook, SHEET);
        CellStyle heading = style(workbook, TITLE_POINTS, true, HorizontalAlignment.CENTER);
        CellStyle bold = style(workbook, TEXT_POINTS, true, HorizontalAlignment.LEFT);
        CellStyle text = style(workbook, TEXT_POINTS, false, HorizontalAlignment.LEFT);
        CellStyle signature = style(workbook, TEXT_POINTS, false, HorizontalAlignment.LEFT);
        signature.setVerticalAlignment(VerticalAlignment.BOTTOM);
        for (int i = 0; i < COLUMNS; i++) {
            sheet.setColumnWidth(i, WIDTHS.get(i) * 256);
        }
        List<Item> items = items(c, receipt);

        int row = 0;
        line(sheet, row++, heading, title).setHeightInPoints(36);
        pair(sheet, row++, text, "督查组：" + unit.group(), "编号：" + unit.code() + "-" + c.period());
        line(sheet, row++, bold, unit.name() + "：");
        line(sheet, row++, text, "\u3000\u3000根据" + Periods.text(c.period()) + "整改进展汇总（统计截至"
                + Periods.date(c.asOf()) + "），你单位整改进展为红灯：" + String.join("；", standing.redReasons())
                + "。现予督办，请对照以下要求逐项落实。");
        List<String> asks = asks(c, standing, receipt, items);
        for (int i = 0; i < asks.size(); i++) {
            line(sheet, row++, text, "\u3000\u3000" + (i + 1) + ". " + asks.get(i));
        }
        LocalDate due = receipt.nextReturnDue();
        line(sheet, row++, bold, "\u3000\u3000请于" + Periods.by(due, c.asOf()) + "将整改落实情况随"
                + Periods.text(YearMonth.from(due).minusMonths(1)) + "整改进展报送表一并报送，"
                + "并抄报" + unit.group() + "。");
        if (!items.isEmpty()) {
            row = table(c, items, workbook, sheet, row + 1) + 1;
        }
        row++;
        line(sheet, row++, text, "责任单位：" + unit.name() + "（" + unit.code() + "）　联系人：" + orDash(unit.contact())
                + "　联系电话：" + orDash(unit.phone()));
        row++;
        pair(sheet, row++, signature, unit.group() + "签发：", "日期：　　　　年　　月　　日");
        row++;
        pair(sheet, row++, signature, "责任单位签收：", "日期：　　　　年　　月　　日");
        page(sheet, row - 1);
        Workbooks.save(workbook, target);
    }

    /** The table of the unit's overdue and regressed tasks from {@code headerRow} on; the last row it took. */
    private static int table(Consolidation c, List<Item> items, SXSSFWorkbook workbook, Sheet sheet, int headerRow) {
        TableSheet table = new TableSheet(workbook, sheet, headerRow, HEADERS, WIDTHS);
        CellStyle centred = TableSheet.copyOf(workbook, table.textStyle());
        centred.setAlignment(HorizontalAlignment.CENTER);
        int number = 0;
        for (Item item : items) {
            Task task = item.task().task();
            Row line = table.append(++number, what(item), task.code(), task.problemCode(), task.measure(),
                    task.deadline().text(), status(c, item.task().state()), item.overdue() ? item.daysOverdue() + "天" : "—");
            line.getCell(0).setCellStyle(centred);
            line.getCell(COLUMNS - 1).setCellStyle(centred);
        }
        return table.lastRow();
    }

    /** The unit's overdue, regressed and sent-back lead tasks, the longest overdue first, then ledger order. */
    private static List<Item> items(Consolidation c, UnitReceipt receipt) {
        Set<String> regressed = receipt.exceptions().stream().filter(e -> e.rule() == Rule.REGRESSION)
                .map(ExceptionEntry::taskCode).collect(Collectors.toSet());
        Map<String, Rule> returned = receipt.exceptions().stream().filter(e -> RETURNED.contains(e.rule()))
                .collect(Collectors.toMap(ExceptionEntry::taskCode, ExceptionEntry::rule, (a, b) -> a));
        List<Item> items = new ArrayList<>();
        for (ReceiptTask task : receipt.tasks()) {
            boolean isRegressed = regressed.contains(task.task().code());
            Rule sentBack = returned.get(task.task().code());
            if (task.lead() && (task.overdue() || isRegressed || sentBack != null)) {
                long days = task.overdue() ? ChronoUnit.DAYS.between(task.task().deadline().date(), c.asOf()) : 0;
                items.add(new Item(task, task.overdue(), isRegressed, sentBack, days));
            }
        }
        items.sort(comparingLong((Item item) -> item.daysOverdue()).reversed());
        return items;
    }

    /**
     * What the unit must do, one numbered line per kind of item. A unit without an accepted return
     * re-sends it (its errors are why its files were not taken); another corrects its errors in its next return.
     */
    private static List<String> asks(Consolidation c, UnitStanding standing, UnitReceipt receipt, List<Item> items) {
        List<String> asks = new ArrayList<>();
        String receiptFile = ReportWriter.receiptFile(receipt.unit().unit(), c.period());
        int rejected = receipt.unit().rejected().size();
        if (standing.carriedForward() && rejected > 0) {
            asks.add("本期收到你单位报送的文件" + rejected + "份，均未采纳（原因见回执“" + receiptFile
                    + "”），任务" + UnitStanding.CARRIED_FORWARD + "。请按回执修改后重新报送。");
        } else if (standing.carriedForward()) {
            asks.add("本期（" + Periods.text(c.period()) + "）未收到你单位整改进展报送表，任务" + UnitStanding.CARRIED_FORWARD + "。请尽快补报。");
        }
        long overdue = items.stream().filter(Item::overdue).count();
        if (overdue > 0) {
            asks.add("下表" + overdue + "条逾期未完成的整改措施，请逐条说明未完成原因，明确完成时间，加快推进，完成后及时报送。");
        }
        long regressed = items.stream().filter(Item::regressed).count();
        if (regressed > 0) {
            asks.add("下表" + regressed + "条整改措施此前已报已完成、本期报为未完成（整改反弹），请逐条核实：如确已完成请更正状态，"
                    + "如确属反弹请说明原因和整改计划。");
        }
        long sentBack = items.stream().filter(item -> item.returned() != null).count();
        if (sentBack > 0) {
            asks.add("下表" + sentBack + "条整改措施经" + receipt.unit().unit().group() + "审核退回或回头看复核不属实（意见见回执“"
                    + receiptFile + "”），已按" + TaskStatus.IN_PROGRESS.word() + "统计。请按意见逐条整改到位，在下次报送时重新报为"
                    + TaskStatus.COMPLETED.word() + "并补充佐证材料。");
        }
        if (standing.errors() > 0 && !standing.carriedForward()) {
            asks.add("报送中有" + standing.errors() + "条错误待更正，见回执“" + receiptFile + "”，请在下次报送时更正。");
        }
        return asks;
    }

    private static String what(Item item) {
        List<String> what = new ArrayList<>();
        if (item.returned() != null) {
            what.add(item.returned().title());
        }
        if (item.overdue()) {
            what.add(Rule.OVERDUE.title());
        }
        if (item.regressed()) {
            what.add(Rule.REGRESSION.title());
        }
        return String.join("、", what);
    }

    /** The status counted, and where it comes from when not from this period's return. */
    private static String status(Consolidation c, TaskStatusRow state) {
        String word = state.status().word();
        if (state.sourcePeriod() == null) {
            return word + "（从未报送）";
        }
        return state.sourcePeriod().equals(c.period()) ? word : word + "（沿用" + Periods.text(state.sourcePeriod()) + "报送）";
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /** A line of text across the page, as tall as its wrapped text. */
    private static Row line(Sheet sheet, int index, CellStyle style, String value) {
        Row row = sheet.createRow(index);
        Cell cell = row.createCell(0);
        cell.setCellValue(SafeText.neutralise(value));
        cell.setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(index, index, 0, COLUMNS - 1));
        int width = WIDTHS.stream().mapToInt(Integer::intValue).sum();
        // 12-point text: a line takes 12/11 of an 11-point one's width and height
        int lines = TableSheet.lines(value, width * 11 / TEXT_POINTS);
        row.setHeightInPoints(lines * 18f + 4);
        return row;
    }

    /** Two texts on one line: the left one over the first five columns, the right one over the rest. */
    private static void pair(Sheet sheet, int index, CellStyle style, String left, String right) {
        Row row = sheet.createRow(index);
        row.setHeightInPoints(28);
        Cell first = row.createCell(0);
        first.setCellValue(SafeText.neutralise(left));
        first.setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(index, index, 0, 4));
        Cell second = row.createCell(5);
        second.setCellValue(SafeText.neutralise(right));
        second.setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(index, index, 5, COLUMNS - 1));
    }

    /**
     * A4 portrait at full size across the page's width, page numbers in the footer whether or not it has
     * a table; a long list goes on to a second page.
     */
    private static void page(Sheet sheet, int lastRow) {
        sheet.createFreezePane(0, 0);
        TableSheet.printOnA4(sheet, false);
        sheet.setMargin(PageMargin.LEFT, 0.5);
        sheet.setMargin(PageMargin.RIGHT, 0.5);
        sheet.setMargin(PageMargin.TOP, 0.6);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.setHorizontallyCenter(true);
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, COLUMNS - 1, 0, lastRow);
    }

    private static CellStyle style(SXSSFWorkbook workbook, int points, boolean bold, HorizontalAlignment alignment) {
        Font font = workbook.createFont();
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setWrapText(true);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }
}
