package io.rectify.template;

import static io.rectify.intake.ReturnLayout.COMPLETION_DATE;
import static io.rectify.intake.ReturnLayout.DEADLINE;
import static io.rectify.intake.ReturnLayout.EVIDENCE;
import static io.rectify.intake.ReturnLayout.MEASURE;
import static io.rectify.intake.ReturnLayout.PROBLEM_CODE;
import static io.rectify.intake.ReturnLayout.PROGRESS;
import static io.rectify.intake.ReturnLayout.REMARK;
import static io.rectify.intake.ReturnLayout.ROLE;
import static io.rectify.intake.ReturnLayout.STATUS;
import static io.rectify.intake.ReturnLayout.TASK_CODE;

import io.rectify.intake.ReturnLayout;
import io.rectify.rule.Periods;
import io.rectify.rule.TaskStatus;
import io.rectify.workbook.TableSheet;
import io.rectify.workbook.TableSheet.Entry;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 整改进展 sheet of a template: a title, the metadata block (label, then its value in the
 * next cell to the right, one label per row on each side so that an empty value is never
 * followed by another label), a short instruction, and the table of the unit's tasks whose
 * ledger columns are locked and whose progress columns are left to the unit.
 */
final class ProgressSheet {

    static final List<String> HEADERS = List.of(TASK_CODE, PROBLEM_CODE, MEASURE, DEADLINE, ROLE, STATUS,
            COMPLETION_DATE, PROGRESS, EVIDENCE, REMARK);
    private static final List<Integer> WIDTHS = List.of(12, 10, 40, 14, 9, 10, 12, 26, 18, 20);
    private static final int TITLE_ROW = 0;
    private static final int FIRST_FIELD_ROW = 1;
    static final int INSTRUCTION_ROW = 4;
    static final int HEADER_ROW = 5;
    /** Left-hand labels and values (the prefilled ones) and right-hand ones (the unit's). */
    private static final int LEFT_LABEL = 0;
    private static final int LEFT_VALUE_FIRST = 1;
    private static final int LEFT_VALUE_LAST = 2;
    private static final int RIGHT_LABEL = 3;
    private static final int RIGHT_VALUE_FIRST = 4;
    private static final int RIGHT_VALUE_LAST = 6;

    private final XSSFWorkbook workbook;
    private final XSSFSheet sheet;
    private final UnitTemplate template;

    private ProgressSheet(XSSFWorkbook workbook, UnitTemplate template) {
        this.workbook = workbook;
        this.sheet = workbook.createSheet(ReturnLayout.PROGRESS_SHEET);
        this.template = template;
    }

    static void write(XSSFWorkbook workbook, UnitTemplate template) {
        new ProgressSheet(workbook, template).write();
    }

    private void write() {
        TableSheet table = new TableSheet(workbook, sheet, HEADER_ROW, HEADERS, WIDTHS);
        int status = HEADERS.indexOf(STATUS);
        int completion = HEADERS.indexOf(COMPLETION_DATE);
        table.input(status, Entry.TEXT).input(completion, Entry.DATE)
                .input(HEADERS.indexOf(PROGRESS), Entry.TEXT)
                .input(HEADERS.indexOf(EVIDENCE), Entry.TEXT)
                .input(HEADERS.indexOf(REMARK), Entry.TEXT);
        for (TaskLine line : template.tasks()) {
            table.append(line.task().code(), line.task().problemCode(), line.task().measure(),
                    line.task().deadline().text(), line.role(), line.statusWord(), line.completionDate(), null,
                    line.evidence(), line.note());
        }
        Banner.write(sheet, TITLE_ROW, HEADERS.size(), template.title(), Banner.titleStyle(workbook), 24);
        metadata();
        Banner.write(sheet, INSTRUCTION_ROW, HEADERS.size(), instruction(), Banner.instructionStyle(workbook), 15);

        InputRules rules = new InputRules(sheet);
        rules.choice(table.firstRow(), table.lastRow(), status, TaskStatus.words(), STATUS);
        LocalDate feedback = template.ledger().feedbackDate();
        rules.date(table.firstRow(), table.lastRow(), completion, feedback == null ? InputRules.EARLIEST : feedback,
                COMPLETION_DATE, "请填写完成日期，如 " + example() + "；"
                        + (feedback == null ? "" : "不能早于巡视反馈日期 " + feedback + "，")
                        + "不能晚于今天。");
        int submittedRow = FIRST_FIELD_ROW + 2;
        rules.date(submittedRow, submittedRow, RIGHT_VALUE_FIRST, template.period().atDay(1), ReturnLayout.SUBMITTED_ON,
                "请填写报送日期，如 " + template.dueDate() + "，不能晚于今天。");
        rules.protect(false);
    }

    private void metadata() {
        CellStyle label = TableSheet.headerStyle(workbook);
        CellStyle fixed = TableSheet.readOnlyStyle(workbook);
        fixed.setDataFormat(workbook.createDataFormat().getFormat("@"));
        CellStyle text = TableSheet.inputStyle(workbook);
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        CellStyle date = TableSheet.inputStyle(workbook);
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        String[][] left = {
                {ReturnLayout.UNIT_CODE, template.unit().code()},
                {ReturnLayout.UNIT_NAME, template.unit().name()},
                {ReturnLayout.PERIOD, template.period().toString()}};
        // the ledger's contact person and phone are the usual reporter: offered, but the unit's to change
        String[][] right = {
                {ReturnLayout.REPORTER, template.unit().contact()},
                {ReturnLayout.PHONE, template.unit().phone()},
                {ReturnLayout.SUBMITTED_ON, null}};
        for (int i = 0; i < left.length; i++) {
            Row row = sheet.createRow(FIRST_FIELD_ROW + i);
            Banner.span(sheet, row, LEFT_LABEL, LEFT_LABEL, left[i][0], label);
            Banner.span(sheet, row, LEFT_VALUE_FIRST, LEFT_VALUE_LAST, left[i][1], fixed);
            Banner.span(sheet, row, RIGHT_LABEL, RIGHT_LABEL, right[i][0], label);
            Banner.span(sheet, row, RIGHT_VALUE_FIRST, RIGHT_VALUE_LAST, right[i][1],
                    right[i][0].equals(ReturnLayout.SUBMITTED_ON) ? date : text);
        }
    }

    private String instruction() {
        LocalDate due = template.dueDate();
        return "填报说明：1. 灰色单元格由整改台账生成，已锁定，请勿修改；请在白色单元格中填写。\n"
                + "2. 整改状态请从下拉列表中选择（" + String.join("/", TaskStatus.words()) + "）；"
                + "已完成的任务须填写完成日期（如 " + example() + "）和佐证材料。\n"
                + "3. “制度建设”“问责情况”两张表是本单位的累计清单，每次报送都会替换此前报送的清单，请保留已有条目并在下方续填。\n"
                + (template.extendable().isEmpty()
                        ? "4. 本单位没有可申请延期的牵头任务（长期坚持，或本期报送截止前即到期），本模板不含“延期申请”表。"
                        : "4. 牵头任务确需延期的，请在现完成时限到期前于“延期申请”表中申请。")
                + "\n请于" + Periods.date(due) + "前报送本表。";
    }

    private String example() {
        return template.period().atDay(15).toString();
    }
}
