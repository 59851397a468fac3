package io.rectify.report;

import io.rectify.consolidate.AcceptedRow;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ListedAccountability;
import io.rectify.consolidate.ListedInstitution;
import io.rectify.consolidate.PeriodFile;
import io.rectify.consolidate.ReceiptTask;
import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.UnitFigures;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.ledger.Unit;
import io.rectify.report.Table.Column;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Periods;
import io.rectify.rule.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 回执/<单位代码>-<单位名称>-<YYYY-MM>-回执.xlsx: what Rectify received from one unit and took from it, the statuses that
 * result, and what the unit must fix. A unit that sent nothing acceptable is told so.
 */
final class ReceiptWorkbook {

    static final String SUMMARY = "回执";
    static final String TASKS = "任务情况";
    static final String INSTITUTIONS = "制度建设";
    static final String ACCOUNTABILITY = "问责情况";
    static final String TO_FIX = "需整改事项";

    private ReceiptWorkbook() {
    }

    static void write(Consolidation c, UnitReceipt receipt, Path target) throws IOException {
        Unit unit = receipt.unit().unit();
        String title = unit.name() + " " + Periods.text(c.period()) + "整改进展报送回执";
        SXSSFWorkbook workbook = Workbooks.createSmall(title, c.asOf());
        Styles styles = new Styles(workbook);
        summary(c, receipt, title, workbook, styles);
        tasks(receipt, workbook, styles, sheet(workbook, TASKS, title));
        institutions(receipt, workbook, styles, sheet(workbook, INSTITUTIONS, title));
        accountability(receipt, workbook, styles, sheet(workbook, ACCOUNTABILITY, title));
        ExceptionTable.write(workbook, styles, sheet(workbook, TO_FIX, title), 0, receipt.exceptions());
        Workbooks.save(workbook, target);
    }

    private static void summary(Consolidation c, UnitReceipt receipt, String title, SXSSFWorkbook workbook,
                                Styles styles) {
        UnitFigures figures = receipt.unit();
        Unit unit = figures.unit();
        Sheet sheet = sheet(workbook, SUMMARY, title);
        Workbooks.title(sheet, styles, 0, 2, title);
        SkippedNotice.of(c).ifPresent(notice -> Workbooks.note(sheet, styles, 1, 2, notice.text()));
        Table table = new Table(workbook, styles, sheet, 2, List.of(Column.text("项目", 22), Column.text("内容", 80)));
        table.row("单位代码", unit.code());
        table.row("单位名称", unit.name());
        table.row("督查组", unit.group());
        table.row("报送期次", Periods.text(c.period()));
        table.row("统计截至", c.asOf().toString());
        table.row("接收情况", reception(figures));
        PeriodFile accepted = figures.accepted();
        if (accepted != null) {
            table.row("采纳文件", accepted.path());
            table.row("报送日期", accepted.submittedOn() == null ? "" : accepted.submittedOn().toString());
            table.row("逾期报送", Labels.yesNo(accepted.late()));
        }
        table.row("本期收到的文件", receipt.files().isEmpty() ? "无"
                : receipt.files().stream().map(f -> received(receipt, f)).collect(Collectors.joining("\n")));
        TaskCount tasks = figures.tasks();
        table.row("牵头任务", "共 %d 项：已完成 %d 项，推进中 %d 项，未启动 %d 项；逾期未完成 %d 项，即将到期 %d 项"
                .formatted(tasks.total(), tasks.completed(), tasks.inProgress(), tasks.notStarted(), tasks.overdue(),
                        tasks.dueSoon()));
        table.row("制度建设（计入汇总）", receipt.institutions().size() + " 项，见“" + INSTITUTIONS + "”表");
        table.row("问责情况（计入汇总）",
                receipt.accountability().stream().mapToInt(ListedAccountability::persons).sum() + " 人，见“"
                        + ACCOUNTABILITY + "”表");
        table.row("需整改事项", toFix(receipt.exceptions()));
    }

    /** A file as received: what became of it, and for a rejected file why. */
    private static String received(UnitReceipt receipt, PeriodFile file) {
        if (file.rejected()) {
            String reason = receipt.rejection(file);
            return "收到的文件“" + file.path() + "”未采纳，原因：" + (reason.isEmpty() ? "见“" + TO_FIX + "”表" : reason);
        }
        return file.path() + "（" + Labels.outcome(file.outcome())
                + (file.submittedOn() == null ? "" : "，报送日期 " + file.submittedOn()) + "）";
    }

    private static String reception(UnitFigures figures) {
        if (figures.submitted()) {
            return "已采纳本期报送表，任务状态已按报送更新。";
        }
        if (figures.expected() && !figures.rejected().isEmpty()) {
            return "收到本期报送的文件，但未采纳（原因见“本期收到的文件”），任务状态沿用此前已采纳的报送。请按要求修改后重新报送。";
        }
        if (figures.expected()) {
            return "未收到可采纳的本期报送表，任务状态沿用此前已采纳的报送。请尽快报送。";
        }
        return "本单位无牵头任务，本期无需报送。";
    }

    private static String toFix(List<ExceptionEntry> exceptions) {
        if (exceptions.isEmpty()) {
            return "无";
        }
        long errors = exceptions.stream().filter(e -> e.severity() == Severity.ERROR).count();
        long warnings = exceptions.stream().filter(e -> e.severity() == Severity.WARNING).count();
        long infos = exceptions.stream().filter(e -> e.severity() == Severity.INFO).count();
        return "错误 %d 条，警告 %d 条，提示 %d 条。请按“%s”表逐条核对，错误须在下次报送时更正。"
                .formatted(errors, warnings, infos, TO_FIX);
    }

    private static void tasks(UnitReceipt receipt, SXSSFWorkbook workbook, Styles styles, Sheet sheet) {
        Table table = new Table(workbook, styles, sheet, 0, List.of(Column.text("任务编号", 9),
                Column.text("问题编号", 9), Column.text("整改措施", 40), Column.text("完成时限", 11),
                Column.text("责任类型", 8), Column.text("本期填报状态", 12), Column.date("填报完成日期", 12),
                Column.text("进展情况", 30), Column.text("佐证材料", 20), Column.text("汇总状态", 9),
                Column.text("状态来源", 16), Column.text("提醒", 10), Column.text("未采纳原因", 40)));
        for (ReceiptTask line : receipt.tasks()) {
            AcceptedRow row = line.reported();
            table.row(line.task().code(), line.task().problemCode(), line.task().measure(),
                    line.task().deadline().text(), line.lead() ? "牵头" : "配合",
                    row != null ? row.status().word() : line.rejection() != null ? "本期报送未采纳" : "本期未填报",
                    row == null ? null : row.completionDate(),
                    row == null ? null : row.progress(), row == null ? null : row.evidence(),
                    line.lead() ? line.state().status().word() : "（由牵头单位报送）", source(line),
                    line.overdue() ? "逾期未完成" : line.dueSoon() ? "即将到期" : "", line.rejection());
        }
        for (ExceptionEntry row : receipt.rejectedRowsOutsideTasks()) {
            table.row(row.taskCode() != null ? row.taskCode() : row.value(), row.problemCode(),
                    "（报送表第" + row.row() + "行：" + row.rule().title() + "）", null, null, "本期报送未采纳", null, null,
                    null, null, null, null, row.message());
        }
        table.filter();
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
