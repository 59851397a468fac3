package io.rectify.template;

import static io.rectify.intake.ReturnLayout.CURRENT_DEADLINE;
import static io.rectify.intake.ReturnLayout.MEASURE;
import static io.rectify.intake.ReturnLayout.REASON;
import static io.rectify.intake.ReturnLayout.REQUESTED;
import static io.rectify.intake.ReturnLayout.TASK_CODE;

import io.rectify.intake.ReturnLayout;
import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import io.rectify.workbook.TableSheet.Entry;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 延期申请 sheet of a template: an instruction, then input rows where the unit picks one of
 * the lead tasks it may ask to extend ({@link UnitTemplate#extendable}) from a drop-down, sees the
 * task's measure and deadline in force looked up beside it, and writes the day it asks for and why.
 *
 * <p>The tasks are listed on a very hidden sheet {@link #LIST_SHEET} (code, measure, deadline in
 * force), named {@link #TASKS} (the table) and {@link #CODES} (its first column): a list of codes
 * can be longer than an inline drop-down holds (255 characters), and the look-up needs the table
 * anyway. The two looked-up columns are the only formulas Rectify writes: {@link #lookup} builds
 * them from cell references and the defined name alone, never from data, and their results are
 * cached so that a reader that does not evaluate formulas sees a blank row as blank. To intake they
 * are optional columns ({@link ReturnLayout#EXTENSION_COLUMNS}): a request is what the unit typed,
 * never what was looked up.
 *
 * <p>A unit with no task to extend gets no sheet: the instruction of 整改进展 says so. A sheet with
 * only that sentence would be a page to print with nothing to fill, and an optional sheet with
 * content but no header is refused by intake as template-mismatch.
 */
final class ExtensionSheet {

    static final List<String> HEADERS = List.of(TASK_CODE, MEASURE, CURRENT_DEADLINE, REQUESTED, REASON);
    private static final List<Integer> WIDTHS = List.of(12, 40, 20, 13, 40);
    static final int INSTRUCTION_ROW = 0;
    static final int HEADER_ROW = 1;
    /** Input rows at most: a month's requests of one unit fit in far fewer. */
    static final int MAX_ROWS = 20;
    static final String LIST_SHEET = "_延期任务";
    static final String TASKS = "延期任务";
    static final String CODES = "延期任务编号";
    /** The tallest an input row is made for a long measure; the unit may make it taller. */
    private static final int MAX_LINES = 5;

    private ExtensionSheet() {
    }

    static void write(XSSFWorkbook workbook, UnitTemplate template) {
        List<TaskLine> tasks = template.extendable();
        if (tasks.isEmpty()) {
            return;
        }
        XSSFSheet sheet = workbook.createSheet(ReturnLayout.EXTENSION_SHEET);
        TableSheet table = new TableSheet(workbook, sheet, HEADER_ROW, HEADERS, WIDTHS);
        int code = HEADERS.indexOf(TASK_CODE);
        int requested = HEADERS.indexOf(REQUESTED);
        table.input(code, Entry.TEXT).input(requested, Entry.DATE).input(HEADERS.indexOf(REASON), Entry.TEXT);
        Banner.write(sheet, INSTRUCTION_ROW, HEADERS.size(), instruction(), Banner.instructionStyle(workbook), 15);
        list(workbook, tasks);

        int lines = 2;
        for (TaskLine line : tasks) {
            lines = Math.max(lines, Math.max(TableSheet.lines(line.task().measure(), WIDTHS.get(HEADERS.indexOf(MEASURE))),
                    TableSheet.lines(line.task().deadline().text(), WIDTHS.get(HEADERS.indexOf(CURRENT_DEADLINE)))));
        }
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        for (int i = 0; i < Math.min(tasks.size(), MAX_ROWS); i++) {
            Row row = table.append();
            TableSheet.fitHeight(row, Math.min(lines, MAX_LINES) * TableSheet.LINE_HEIGHT + 3);
            for (String copied : List.of(MEASURE, CURRENT_DEADLINE)) {
                Cell cell = row.getCell(HEADERS.indexOf(copied));
                cell.setCellFormula(lookup(row.getRowNum(), code, copied));
                evaluator.evaluateFormulaCell(cell);
            }
        }

        InputRules rules = new InputRules(sheet);
        rules.choiceFrom(table.firstRow(), table.lastRow(), code, CODES, TASK_CODE,
                "请从下拉列表中选择本单位可申请延期的牵头任务编号。");
        rules.dateAfterToday(table.firstRow(), table.lastRow(), requested, REQUESTED,
                "请填写申请延期至的日期，如 " + template.period().plusMonths(3).atEndOfMonth() + "；须晚于今天，并晚于现完成时限。");
        rules.protect(false);
    }

    /**
     * The formula showing, in {@code row}, the column {@code copied} of the task whose code is in
     * column {@code code}: blank while no known task is chosen.
     */
    static String lookup(int row, int code, String copied) {
        String key = new CellReference(row, code, false, true).formatAsString();
        return "IFERROR(VLOOKUP(" + key + "," + TASKS + "," + (HEADERS.indexOf(copied) + 1) + ",FALSE),\"\")";
    }

    /** The very hidden list of the tasks, in the order of the first three {@link #HEADERS}, and its names. */
    private static void list(XSSFWorkbook workbook, List<TaskLine> tasks) {
        XSSFSheet sheet = workbook.createSheet(LIST_SHEET);
        for (int i = 0; i < tasks.size(); i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(SafeText.neutralise(tasks.get(i).task().code()));
            row.createCell(1).setCellValue(SafeText.neutralise(tasks.get(i).task().measure()));
            row.createCell(2).setCellValue(SafeText.neutralise(tasks.get(i).task().deadline().text()));
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
        String sheetName = "'" + LIST_SHEET + "'!";
        name(workbook, TASKS, sheetName + "$A$1:$C$" + tasks.size());
        name(workbook, CODES, sheetName + "$A$1:$A$" + tasks.size());
    }

    private static void name(XSSFWorkbook workbook, String name, String reference) {
        Name defined = workbook.createName();
        defined.setNameName(name);
        defined.setRefersToFormula(reference);
    }

    private static String instruction() {
        return "延期申请（不申请延期的，本表留空即可）：1. 只能为本单位牵头的任务申请，长期坚持的任务无需申请；"
                + "须在现完成时限到期前报送，现完成时限早于报送日期的申请不予受理；"
                + "本期报送截止前即到期的任务不在下拉列表中，应在此前的报送中申请。\n"
                + "2. 请从下拉列表中选择任务编号，整改措施和现完成时限随之显示；填写申请延期至（须晚于现完成时限）"
                + "和延期理由（必填），每项任务只填一行。\n"
                + "3. 整改办在延期审批表中逐项审批，审批结果在本单位的回执中告知；"
                + "批准后完成时限显示为“原时限（延期至…）”，未批准的仍按现完成时限。";
    }
}
