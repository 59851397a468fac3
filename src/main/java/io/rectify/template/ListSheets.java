package io.rectify.template;

import static io.rectify.intake.ReturnLayout.DOC_NO;
import static io.rectify.intake.ReturnLayout.INSTITUTION_NAME;
import static io.rectify.intake.ReturnLayout.ISSUED_ON;
import static io.rectify.intake.ReturnLayout.KIND;
import static io.rectify.intake.ReturnLayout.NOTE;
import static io.rectify.intake.ReturnLayout.PERSONS;
import static io.rectify.intake.ReturnLayout.PROBLEM_REF;
import static io.rectify.intake.ReturnLayout.TASK_REF;

import io.rectify.intake.ReturnLayout;
import io.rectify.workbook.TableSheet;
import io.rectify.workbook.TableSheet.Entry;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 制度建设 and 问责情况 sheets of a template: the unit's cumulative lists, prefilled with its
 * latest accepted ones (a return replaces the unit's earlier lists, so a template starting empty
 * would make a unit wipe them by accident), followed by empty rows to extend them.
 */
final class ListSheets {

    /** Empty rows offered below the prefilled ones. */
    static final int BLANK_ROWS = 100;
    private static final int INSTRUCTION_ROW = 0;
    static final int HEADER_ROW = 1;
    static final List<String> INSTITUTION_HEADERS = List.of(INSTITUTION_NAME, DOC_NO, KIND, ISSUED_ON, TASK_REF);
    static final List<String> ACCOUNTABILITY_HEADERS = List.of(KIND, PERSONS, PROBLEM_REF, NOTE);
    private static final String REPLACES = "每次报送都会以本表替换此前报送的清单：请保留已有条目，新增条目在下方续填。";

    private ListSheets() {
    }

    static void institutions(XSSFWorkbook workbook, UnitTemplate template) {
        List<String> headers = INSTITUTION_HEADERS;
        TableSheet table = table(workbook, ReturnLayout.INSTITUTION_SHEET, headers, List.of(44, 28, 8, 12, 14),
                List.of(Entry.TEXT, Entry.TEXT, Entry.TEXT, Entry.DATE, Entry.TEXT),
                template.unit().name() + "制度建设累计清单。" + REPLACES
                        + "类型请从下拉列表中选择新建或修订；印发日期如 " + template.period().atDay(15)
                        + "；关联任务编号填写该制度对应的任务编号。");
        for (InstitutionLine line : template.institutions()) {
            table.append(line.name(), line.docNo(), line.kind(), line.issuedOn(), line.taskRef());
        }
        table.blankRows(BLANK_ROWS);
        InputRules rules = new InputRules((XSSFSheet) table.sheet());
        rules.choice(table.firstRow(), table.lastRow(), headers.indexOf(KIND), ReturnLayout.INSTITUTION_KINDS, KIND);
        rules.date(table.firstRow(), table.lastRow(), headers.indexOf(ISSUED_ON), InputRules.EARLIEST, ISSUED_ON,
                "请填写印发日期，如 " + template.period().atDay(15) + "，不能晚于今天。");
        rules.protect(true);
    }

    static void accountability(XSSFWorkbook workbook, UnitTemplate template) {
        List<String> headers = ACCOUNTABILITY_HEADERS;
        TableSheet table = table(workbook, ReturnLayout.ACCOUNTABILITY_SHEET, headers, List.of(16, 8, 14, 62),
                List.of(Entry.TEXT, Entry.NUMBER, Entry.TEXT, Entry.TEXT),
                template.unit().name() + "问责情况累计清单。" + REPLACES
                        + "类型请从下拉列表中选择；人数填写不小于1的整数；关联问题编号填写台账中的问题编号。");
        for (AccountabilityLine line : template.accountability()) {
            table.append(line.kind(), line.persons(), line.problemRef(), line.note());
        }
        table.blankRows(BLANK_ROWS);
        InputRules rules = new InputRules((XSSFSheet) table.sheet());
        rules.choice(table.firstRow(), table.lastRow(), headers.indexOf(KIND), ReturnLayout.ACCOUNTABILITY_KINDS, KIND);
        rules.count(table.firstRow(), table.lastRow(), headers.indexOf(PERSONS), PERSONS);
        rules.protect(true);
    }

    private static TableSheet table(XSSFWorkbook workbook, String name, List<String> headers, List<Integer> widths,
                                    List<Entry> entries, String instruction) {
        XSSFSheet sheet = workbook.createSheet(name);
        TableSheet table = new TableSheet(workbook, sheet, HEADER_ROW, headers, widths);
        for (int i = 0; i < entries.size(); i++) {
            table.input(i, entries.get(i));
        }
        Banner.write(sheet, INSTRUCTION_ROW, headers.size(), instruction, Banner.instructionStyle(workbook), 15);
        return table;
    }
}
