package io.rectify.report;

import io.rectify.consolidate.AcceptedRow;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ListedAccountability;
import io.rectify.consolidate.ListedInstitution;
import io.rectify.consolidate.PeriodFile;
import io.rectify.consolidate.ReceiptTask;
import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.TaskStatusRow;
import io.rectify.consolidate.UnitFigures;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.ledger.Unit;
import io.rectify.report.Table.Column;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;
import io.rectify.standing.UnitStanding;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 回执/<单位代码>-<单位名称>-<YYYY-MM>-回执.xlsx: what a unit must do and by when, on its first page, then
 * what Rectify received from it and took, the statuses that result and its exceptions; issued in the name
 * of the office on the as-of date. A sheet the unit would find empty is left out.
 */
final class ReceiptWorkbook {

    static final String SUMMARY = "回执";
    static final String TASKS = "任务情况";
    static final String INSTITUTIONS = "制度建设";
    static final String ACCOUNTABILITY = "问责情况";
    static final String TO_FIX = "需整改事项";

    /** 任务情况's columns printed: the task, its status and why a row was not adopted; the unit's own texts stay on screen. */
    private static final int TASK_COLUMNS_PRINTED = 10;
    /**
     * The exception table's columns a unit's receipt hides: those naming the unit itself on every row, and
     * the rule code, for machines (the rule's name is shown).
     */
    private static final Set<String> HIDDEN_COLUMNS = Set.of("规则代码", "督查组", "单位代码", "单位名称");

    private ReceiptWorkbook() {
    }

    /**
     * @param issuer     who issues the receipt (rectify.issuer)
     * @param markedCopy the file name of the unit's return marked with its exceptions, in the same folder; null
     *                   when there is none
     * @param notice     the period's {@link SkippedNotice}, made once for all its receipts
     */
    static void write(Consolidation c, UnitReceipt receipt, String issuer, String markedCopy,
                      Optional<SkippedNotice> notice, Path target) throws IOException {
        Unit unit = receipt.unit().unit();
        String title = unit.name() + " " + Periods.text(c.period()) + "整改进展报送回执";
        SXSSFWorkbook workbook = Workbooks.createSmall(title, issuedOn(c, receipt));
        Styles styles = new Styles(workbook);
        List<ExceptionEntry> rowsOutside = receipt.rejectedRowsOutsideTasks();
        boolean tasks = !receipt.tasks().isEmpty() || !rowsOutside.isEmpty();
        front(c, receipt, issuer, markedCopy, notice, title, tasks, workbook, styles);
        if (tasks) {
            tasks(receipt, rowsOutside, workbook, styles, sheet(workbook, TASKS, title));
        }
        if (!receipt.institutions().isEmpty()) {
            institutions(receipt, workbook, styles, sheet(workbook, INSTITUTIONS, title));
        }
        if (!receipt.accountability().isEmpty()) {
            accountability(receipt, workbook, styles, sheet(workbook, ACCOUNTABILITY, title));
        }
        if (!receipt.exceptions().isEmpty()) {
            toFix(receipt, workbook, styles, sheet(workbook, TO_FIX, title));
        }
        Workbooks.save(workbook, target);
    }

    /**
     * The day the receipt is dated: the as-of day, or the day of the unit's latest file of the period when
     * that is later, so that a receipt is never dated before the return it acknowledges. No clock is read:
     * the same consolidation dates it the same way.
     */
    private static LocalDate issuedOn(Consolidation c, UnitReceipt receipt) {
        return receipt.files().stream().map(PeriodFile::submittedOn).filter(Objects::nonNull)
                .filter(day -> day.isAfter(c.asOf())).max(Comparator.naturalOrder()).orElse(c.asOf());
    }

    /** The first page: who it is for, what to do by when, then what was received and taken, and who issued it. */
    private static void front(Consolidation c, UnitReceipt receipt, String issuer, String markedCopy,
                              Optional<SkippedNotice> notice, String title, boolean tasks, SXSSFWorkbook workbook,
                              Styles styles) {
        UnitFigures figures = receipt.unit();
        Unit unit = figures.unit();
        // the title is the page's first line: no page header repeating it
        FrontPage page = new FrontPage(workbook, styles, Workbooks.sheet(workbook, SUMMARY), 16, 52, 16, 16);
        page.title(title);
        notice.ifPresent(n -> page.line(n.text()));
        page.line("单位：" + unit.code() + " " + unit.name() + "（" + unit.group() + "）　报送期次："
                + Periods.text(c.period()) + "　统计截至：" + Periods.date(c.asOf()));
        page.heading("一、需要办理的事项");
        List<ReceiptItems.Item> items = ReceiptItems.of(receipt, c.asOf());
        if (items.isEmpty()) {
            page.line("本期无需办理的事项。" + (figures.expected() ? "本期报送表已采纳，未发现需要更正之处。"
                    : "本单位无牵头任务，本期无需报送。"));
        } else {
            page.header("事项", "具体情况", "办理要求", "办理期限");
            int n = 0;
            for (ReceiptItems.Item item : items) {
                page.row(styles.severity(item.severity(), false), ++n + ". " + item.kind(), item.what(), item.action(),
                        item.deadline());
            }
        }
        List<ReceiptItems.Item> toCheck = ReceiptItems.toCheck(receipt, c.asOf());
        if (!toCheck.isEmpty()) {
            page.line("请知悉、核实（" + Severity.INFO.label() + "，不设办理期限）：");
            int n = 0;
            for (ReceiptItems.Item item : toCheck) {
                page.line(++n + ". " + item.kind() + "：" + item.what() + (item.what().endsWith("。") ? "" : "。") + "请"
                        + item.action() + "。");
            }
        }
        if (markedCopy != null) {
            // a copy marked only with notices and the office's extension decisions has nothing to correct
            page.line(receipt.exceptions().stream().anyMatch(e -> e.severity() != Severity.INFO && e.rule() != Rule.EXTENSION_REFUSED)
                    ? "已在“" + markedCopy + "”中逐格标注需要更正之处，请在该文件上修改后报送。"
                    : "已在“" + markedCopy + "”中逐格标注本期的提示，请知悉。");
        }
        long notices = ReceiptItems.notices(receipt);
        if (notices > 0) {
            page.line("另有提示 " + notices + " 条，请知悉，见“" + TO_FIX + "”表。");
        }
        page.heading("二、本期报送和采纳情况");
        page.labelsHeader("项目", "内容");
        page.labelled("接收情况", reception(figures));
        PeriodFile accepted = figures.accepted();
        if (accepted != null) {
            page.labelled("采纳文件", accepted.path());
            page.labelled("报送日期", accepted.submittedOn() == null ? "" : Periods.date(accepted.submittedOn()));
            page.labelled("逾期报送", Labels.yesNo(accepted.late()));
        }
        page.labelled("本期收到的文件", receipt.files().isEmpty() ? "无"
                : receipt.files().stream().map(f -> received(receipt, f)).collect(Collectors.joining("\n")));
        page.labelled("牵头任务", leadTasks(figures));
        page.labelled("制度建设", receipt.institutions().isEmpty() ? "无计入汇总的制度"
                : "计入汇总 " + receipt.institutions().size() + " 项，见“" + INSTITUTIONS + "”表");
        page.labelled("问责情况", receipt.accountability().isEmpty() ? "无计入汇总的问责情况"
                : "计入汇总 " + receipt.accountability().stream().mapToInt(ListedAccountability::persons).sum()
                        + " 人，见“" + ACCOUNTABILITY + "”表");
        page.labelled("任务明细", tasks ? "见“" + TASKS + "”表（本期报送的每一行和各项任务的汇总状态）" : "本单位本期无任务");
        page.gap();
        page.signature(issuer);
        page.signature(Periods.date(issuedOn(c, receipt)));
    }

    private static String leadTasks(UnitFigures figures) {
        TaskCount tasks = figures.tasks();
        if (tasks.total() == 0) {
            return "无";
        }
        return "共 %d 条：%s %d 条（其中%s %d 条，%s %d 条），%s %d 条，%s %d 条；%s %d 条，%s %d 条%s".formatted(tasks.total(),
                TaskStatus.COMPLETED.word(), tasks.completed(), SignOff.SIGNED_OFF.word(), tasks.signedOff(),
                SignOff.AWAITING.word(), tasks.awaitingSignOff(), TaskStatus.IN_PROGRESS.word(), tasks.inProgress(),
                TaskStatus.NOT_STARTED.word(), tasks.notStarted(), Rule.OVERDUE.title(), tasks.overdue(),
                Rule.DUE_SOON.title(), tasks.dueSoon(),
                figures.expected() && !figures.submitted() ? "（本期无可采纳的报送表，" + UnitStanding.CARRIED_FORWARD + "）" : "");
    }

    /** A file as received: what became of it, and for a rejected file why. */
    private static String received(UnitReceipt receipt, PeriodFile file) {
        if (file.rejected()) {
            String reason = receipt.rejection(file);
            return "收到的文件“" + file.path() + "”未采纳，原因：" + (reason.isEmpty() ? "见“" + TO_FIX + "”表" : reason);
        }
        return file.path() + "（" + Labels.outcome(file.outcome())
                + (file.submittedOn() == null ? "" : "，报送日期 " + Periods.date(file.submittedOn())) + "）";
    }

    private static String reception(UnitFigures figures) {
        if (figures.submitted()) {
            return "已采纳本期报送表，任务状态已按报送更新。";
        }
        if (figures.expected() && !figures.rejected().isEmpty()) {
            return "收到本期报送的文件，但未采纳（原因见“本期收到的文件”），任务" + UnitStanding.CARRIED_FORWARD + "。";
        }
        if (figures.expected()) {
            return "未收到可采纳的本期报送表，任务" + UnitStanding.CARRIED_FORWARD + "。";
        }
        return "本单位无牵头任务，本期无需报送。";
    }

    /**
     * Every task line and every rejected row; the first {@value #TASK_COLUMNS_PRINTED} columns are printed
     * (what the task is, what was reported and taken, why a row was not), the unit's own texts after them
     * stay on screen.
     */
    private static void tasks(UnitReceipt receipt, List<ExceptionEntry> rowsOutside, SXSSFWorkbook workbook,
                              Styles styles, Sheet sheet) {
        Table table = new Table(workbook, styles, sheet, 0, List.of(Column.text("任务编号", 9),
                Column.text("整改措施", 36), Column.text("完成时限", 12), Column.text("责任类型", 8),
                Column.text("本期填报状态", 12), Column.text("汇总状态", 10), Column.text("销号", 11), Column.text("状态来源", 12),
                Column.text("提醒", 10), Column.text("未采纳原因", 36), Column.text("问题编号", 9),
                Column.date("填报完成日期", 12), Column.text("进展情况", 50), Column.text("佐证材料", 30)));
        // a task sent back this period reads 已完成 as reported and 推进中 as counted: 提醒 says why
        Map<String, Rule> sentBack = receipt.exceptions().stream()
                .filter(e -> e.taskCode() != null && (e.rule() == Rule.SIGNOFF_RETURNED || e.rule() == Rule.RECHECK_FAILED))
                .collect(Collectors.toMap(ExceptionEntry::taskCode, ExceptionEntry::rule, (a, b) -> a));
        for (ReceiptTask line : receipt.tasks()) {
            AcceptedRow row = line.reported();
            Rule reminder = sentBack.containsKey(line.task().code()) ? sentBack.get(line.task().code())
                    : line.overdue() ? Rule.OVERDUE : line.dueSoon() ? Rule.DUE_SOON : null;
            table.row(line.task().code(), line.task().measure(), line.task().deadline().text(),
                    line.lead() ? "牵头" : "配合",
                    row != null ? row.status().word() : line.rejection() != null ? "本期报送未采纳" : "本期未填报",
                    line.lead() ? line.state().status().word() : "（由牵头单位报送）", line.lead() ? signOff(line.state()) : "",
                    source(line),
                    reminder == null ? "" : reminder.title(),
                    line.rejection(), line.task().problemCode(), row == null ? null : row.completionDate(),
                    row == null ? null : row.progress(), row == null ? null : row.evidence());
        }
        for (ExceptionEntry row : rowsOutside) {
            table.row(row.taskCode() != null ? row.taskCode() : row.value(),
                    "（报送表第" + row.row() + "行：" + row.rule().title() + "）", null, null, "本期报送未采纳", null, null,
                    null, null, row.message(), row.problemCode());
        }
        table.filter();
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, TASK_COLUMNS_PRINTED - 1, 0, sheet.getLastRowNum());
    }

    /**
     * The unit's exceptions, errors first; the rule code and the columns that name the unit itself are
     * hidden.
     */
    private static void toFix(UnitReceipt receipt, SXSSFWorkbook workbook, Styles styles, Sheet sheet) {
        ExceptionTable.write(workbook, styles, sheet, 0, receipt.exceptions().stream()
                .sorted(Comparator.comparing(ExceptionEntry::severity)).toList());
        for (int i = 0; i < ExceptionTable.COLUMNS.size(); i++) {
            if (HIDDEN_COLUMNS.contains(ExceptionTable.COLUMNS.get(i).header())) {
                sheet.setColumnHidden(i, true);
            }
        }
    }

    /** 待销号, 已销号（2024年2月） with the period whose review signed it off, or blank. */
    static String signOff(TaskStatusRow state) {
        if (state.signOff() == null) {
            return "";
        }
        return state.signedOff() && state.signedOffIn() != null
                ? state.signOff().word() + "（" + Periods.text(state.signedOffIn()) + "）" : state.signOff().word();
    }

    private static String source(ReceiptTask line) {
        if (!line.lead()) {
            return "";
        }
        if (line.state().sourcePeriod() == null) {
            return "从未报送";
        }
        return Periods.text(line.state().sourcePeriod()) + "报送";
    }

    private static void institutions(UnitReceipt receipt, SXSSFWorkbook workbook, Styles styles, Sheet sheet) {
        Table table = new Table(workbook, styles, sheet, 0, List.of(Column.text("制度名称", 44),
                Column.text("文号", 20), Column.text("类型", 6), Column.date("印发日期", 11),
                Column.text("关联任务编号", 12), Column.text("报送期次", 10), Column.number("报送表行号", 10)));
        for (ListedInstitution row : receipt.institutions()) {
            table.row(row.name(), row.docNo(), row.kind(), row.issuedOn(), row.taskRef(), Periods.text(row.period()),
                    row.excelRow());
        }
        table.filter();
    }

    private static void accountability(UnitReceipt receipt, SXSSFWorkbook workbook, Styles styles, Sheet sheet) {
        Table table = new Table(workbook, styles, sheet, 0, List.of(Column.text("类型", 14),
                Column.number("人数", 6), Column.text("关联问题编号", 12), Column.text("说明", 40),
                Column.text("报送期次", 10), Column.number("报送表行号", 10)));
        for (ListedAccountability row : receipt.accountability()) {
            table.row(row.kind(), row.persons(), row.problemRef(), row.note(), Periods.text(row.period()),
                    row.excelRow());
        }
        table.filter();
    }

    private static Sheet sheet(SXSSFWorkbook workbook, String name, String title) {
        Sheet sheet = Workbooks.sheet(workbook, name);
        Workbooks.printTitle(sheet, title + " " + name);
        return sheet;
    }
}
