package io.rectify.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.PrintedSize;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ConsolidatedMarch;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.workbook.TableSheet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 异常清单.xlsx written from the reconciled fixture, with one more exception: an error of U02, the
 * second unit of 第一督查组, so that the unit with the most errors is not the first in ledger order.
 */
class ExceptionWorkbookTest extends ConsolidatedMarch {

    private static final DataFormatter FORMAT = new DataFormatter();
    private static final int SEVERITY = 1;
    private static final int RULE_NAME = 2;
    private static final int GROUP = 3;
    private static final int UNIT_CODE = 4;
    private static final int MESSAGE = 8;
    private static final int CODE = 14;

    Consolidation march;
    Path file;

    /** Written once for the class: the tests that write other exceptions write other files. */
    @BeforeEach
    void writeMarch() throws IOException {
        march = march();
        file = root.resolve("异常清单.xlsx");
        if (Files.notExists(file)) {
            ExceptionWorkbook.write(march, file);
        }
    }

    @Override
    protected void addToFixture() {
        jdbc.update("""
                INSERT INTO rule_exception (period, seq, rule, severity, group_name, unit_code, unit_name, problem_code,
                    task_code, file, sheet, excel_row, col, cell_value, message)
                VALUES ('2024-03', 100, 'invalid-date', 'error', '第一督查组', 'U02', '区财政局', 'P01', 'T02',
                    'U02/财政局-v2.xlsx', '整改进展', 5, 'C', '2024-04-20',
                    '第5行任务“T02”的完成日期2024-04-20晚于报送日期2024-04-08，请核实并更正完成日期，在下次报送时更正。')""");
    }

    @Test
    void rowsGoErrorsThenWarningsThenInfoThenByUnitInLedgerOrder() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            Sheet all = workbook.getSheet("全部");
            assertThat(column(all, CODE)).containsExactly(
                    "invalid-date", "period-mismatch", "missing-return", "overdue", "unknown-unit",
                    "task-not-reported", "due-soon", "ledger-field-changed", "ledger-field-changed",
                    "ledger-field-changed", "ledger-field-changed", "ledger-field-changed", "ledger-field-changed",
                    "ledger-field-changed", "late-submission", "missing-evidence",
                    "superseded", "skipped-file");
            assertThat(column(all, SEVERITY)).containsExactly("错误", "错误", "错误", "错误", "错误",
                    "警告", "警告", "警告", "警告", "警告", "警告", "警告", "警告", "警告", "警告", "警告", "提示", "提示");
            assertThat(column(all, 0)).startsWith("1", "2", "3").endsWith("18");
            Sheet first = workbook.getSheet("第一督查组");
            assertThat(column(first, UNIT_CODE)).containsExactly("U02", "U01", "U01", "U01", "U01", "U01", "U01", "U01",
                    "U01", "U01", "U02", "U02", "U02");
            assertThat(column(first, CODE)).startsWith("invalid-date", "task-not-reported", "due-soon")
                    .endsWith("late-submission", "missing-evidence", "superseded");
            assertThat(column(workbook.getSheet("第二督查组"), CODE))
                    .containsExactly("period-mismatch", "missing-return", "overdue");
        }
    }

    @Test
    void overviewComesFirstAndCountsEachGroupsUnitsMostErrorsFirst() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("汇总");
            assertThat(names(workbook)).containsExactly("汇总", "全部", "第一督查组", "第二督查组");
            Sheet overview = workbook.getSheet("汇总");
            assertThat(text(overview, 0, 0)).contains("2024年3月异常清单");
            assertThat(text(overview, 1, 0)).startsWith("共 18 条异常：错误 5 条，警告 11 条，提示 2 条。");
            assertThat(texts(overview.getRow(2))).containsExactly("督查组", "单位代码", "单位名称", "错误", "警告", "提示", "合计");
            assertThat(texts(overview.getRow(3))).containsExactly("第一督查组", "U02", "区财政局", "1", "2", "1", "4");
            assertThat(texts(overview.getRow(4))).containsExactly("第一督查组", "U01", "区发改委", "0", "9", "0", "9");
            assertThat(texts(overview.getRow(5))).containsExactly("第一督查组", "", "小计（2个单位）", "1", "11", "1", "13");
            assertThat(texts(overview.getRow(6))).containsExactly("第二督查组", "U03", "区教育局", "3", "0", "0", "3");
            assertThat(texts(overview.getRow(7))).containsExactly("第二督查组", "", "小计（1个单位）", "3", "0", "0", "3");
            assertThat(texts(overview.getRow(8))).containsExactly("", "", "（未能确定单位的文件）", "1", "0", "1", "2");
            assertThat(texts(overview.getRow(9))).containsExactly("总计", "", "", "5", "11", "2", "18");
            assertThat(overview.getLastRowNum()).isEqualTo(9);
            assertThat(fill(overview.getRow(3).getCell(3))).isEqualTo("FFC7CE");
            assertThat(fill(overview.getRow(4).getCell(4))).isEqualTo("FFEB9C");
            assertThat(fill(overview.getRow(4).getCell(3))).as("no fill on a zero count").isNull();
        }
    }

    @Test
    void overviewLinksLeadToTheUnitsFirstRowOfEachSeverityOnItsGroupsSheet() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            XSSFSheet overview = workbook.getSheet("汇总");
            assertThat(overview.getHyperlink(6, 2).getAddress()).isEqualTo("'第二督查组'!A2");
            assertThat(overview.getHyperlink(4, 4).getAddress()).isEqualTo("'第一督查组'!A3");
            assertThat(overview.getHyperlink(8, 3).getAddress()).isEqualTo("'全部'!A6");
            int links = 0;
            for (int r : List.of(3, 4, 6, 8)) {
                List<String> line = texts(overview.getRow(r));
                for (int c = 2; c <= 6; c++) {
                    XSSFHyperlink link = overview.getHyperlink(r, c);
                    boolean zero = c >= 3 && line.get(c).equals("0");
                    assertThat(link == null).as("row %d column %d linked unless zero", r, c).isEqualTo(zero);
                    if (link == null) {
                        continue;
                    }
                    links++;
                    String sheet = link.getAddress().substring(1, link.getAddress().indexOf("'!"));
                    assertThat(sheet).isEqualTo(line.get(0).isEmpty() ? "全部" : line.get(0));
                    String severity = c >= 3 && c <= 5 ? texts(overview.getRow(2)).get(c) : null;
                    int target = new CellReference(link.getAddress().substring(sheet.length() + 3)).getRow();
                    assertThat(target).isEqualTo(firstRow(workbook.getSheet(sheet), line.get(1), severity));
                }
            }
            assertThat(links).isEqualTo(15);
            assertThat(workbook.getFontAt(overview.getRow(3).getCell(2).getCellStyle().getFontIndex()).getUnderline())
                    .as("a link looks like one").isEqualTo(Font.U_SINGLE);
        }
    }

    @Test
    void anExceptionOfALedgerUnitUnderNoLedgerGroupIsLinkedFromTheNoUnitRow() throws IOException {
        List<ExceptionEntry> exceptions = new ArrayList<>(march.exceptions().stream().filter(e -> e.unitCode() != null).toList());
        // U01 and U02 also have exceptions under 第一督查组; these two are under no group of the ledger
        exceptions.add(new ExceptionEntry(Rule.LEDGER_FIELD_CHANGED, null, "U01", "区发改委", "P02", "T03",
                "U01/区发改委.xlsx", "整改进展", 6, "D", "x", "x 与台账不一致，以台账为准。"));
        exceptions.add(new ExceptionEntry(Rule.OVERDUE, "已撤销的督查组", "U02", "区财政局", "P01", "T02", null, null, null,
                null, "2024-03-15", "完成时限2024-03-15已过仍未完成，请加快整改。"));
        Path file = root.resolve("异常清单-组外单位.xlsx");
        ExceptionWorkbook.write(withExceptions(exceptions), file);

        try (XSSFWorkbook workbook = open(file)) {
            Sheet overview = workbook.getSheet("汇总");
            assertThat(texts(overview.getRow(overview.getLastRowNum() - 1)))
                    .containsExactly("", "", "（未能确定单位的文件）", "1", "1", "0", "2");
            assertEveryCountIsLinkedToAnExceptionItCounts(workbook, march.groups());
        }
    }

    @Test
    void overviewLinksFindTheirSheetWhateverTheGroupsAreCalled() throws IOException {
        // a leading =, apostrophes, longer than a sheet name may be, and the same first 31 characters
        String first = "=第一督查组'联合'（区发改委、区财政局、区教育局、区民政局等单位牵头）";
        Map<String, String> hostile = Map.of("第一督查组", first, "第二督查组", first + "二");
        Consolidation renamed = new Consolidation(march.period(), march.asOf(), march.title(),
                march.groups().stream().map(hostile::get).toList(), march.headline(), march.byCategory(),
                march.byFeedbackPoint(), march.byProblem(), march.byUnit(), march.byGroup(), march.institutions(),
                march.accountability(), march.trend(), march.exceptions().stream().map(e -> new ExceptionEntry(e.rule(),
                        e.group() == null ? null : hostile.get(e.group()), e.unitCode(), e.unitName(), e.problemCode(),
                        e.taskCode(), e.file(), e.sheet(), e.row(), e.column(), e.value(), e.message())).toList(),
                march.receipts(), march.reviews(), march.completion());
        Path file = root.resolve("异常清单-怪组名.xlsx");
        ExceptionWorkbook.write(renamed, file);

        try (XSSFWorkbook workbook = open(file)) {
            assertThat(names(workbook)).hasSize(4).doesNotHaveDuplicates();
            assertThat(workbook.getSheet("汇总").getHyperlinkList()).hasSize(15);
            assertEveryCountIsLinkedToAnExceptionItCounts(workbook, renamed.groups());
            for (Sheet sheet : workbook) {
                assertThat(sheet.getHeader().getCenter()).as(sheet.getSheetName()).endsWith(switch (sheet.getSheetName()) {
                    case "汇总", "全部" -> sheet.getSheetName();
                    default -> text(sheet, 1, GROUP).replaceFirst("^'", "");
                });
            }
        }
    }

    @Test
    void listsShowChineseRuleNamesAndKeepTheCodeInTheLastColumnOffPaper() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            for (String name : List.of("全部", "第一督查组", "第二督查组")) {
                Sheet list = workbook.getSheet(name);
                assertThat(texts(list.getRow(0))).as(name).containsExactly("序号", "严重程度", "规则名称", "督查组", "单位代码",
                        "单位名称", "问题编号", "任务编号", "说明/整改要求", "文件", "工作表", "行", "列", "原值", "规则代码");
                assertThat(PrintedSize.printArea(list)).as(name)
                        .isEqualTo(new CellRangeAddress(0, list.getLastRowNum(), 0, MESSAGE));
            }
            Sheet second = workbook.getSheet("第二督查组");
            assertThat(texts(second.getRow(1))).containsExactly("1", "错误", "报送期次不符", "第二督查组", "U03", "区教育局",
                    "", "", "报送期次应为2024-03，请改正后重新报送。", "U03/教育局.xlsx", "整改进展", "4", "C", "2024-02",
                    "period-mismatch");
            assertThat(column(second, RULE_NAME)).containsExactly("报送期次不符", "未报送", "逾期未完成");
        }
    }

    @Test
    void everySheetPrintsOnA4AtNinePointsOrMoreWithItsHeaderRepeatedAndRowsTallEnough() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            for (Sheet sheet : workbook) {
                String name = sheet.getSheetName();
                assertThat(sheet.getPrintSetup().getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getRepeatingRows()).as(name).isNotNull();
                assertThat(PrintedSize.smallestFontPoints(sheet)).as(name).isGreaterThanOrEqualTo(9);
                assertThat(sheet.getHeader().getCenter()).as(name).contains("异常清单").endsWith(" " + name);
            }
            Sheet all = workbook.getSheet("全部");
            int width = all.getColumnWidth(MESSAGE) / 256;
            for (int r = 1; r <= all.getLastRowNum(); r++) {
                String message = text(all, r, MESSAGE);
                assertThat(all.getRow(r).getHeightInPoints()).as(message)
                        .isGreaterThanOrEqualTo(15f * TableSheet.lines(message, width));
            }
            assertThat(all.getRow(1).getHeightInPoints()).as("the long message wraps").isGreaterThanOrEqualTo(30f);
        }
    }

    @Test
    void listsKeepSeverityFillsFiltersAndAFrozenHeader() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            XSSFSheet all = workbook.getSheet("全部");
            assertThat(fill(all.getRow(1).getCell(MESSAGE))).isEqualTo("FFC7CE");
            assertThat(fill(all.getRow(6).getCell(0))).isEqualTo("FFEB9C");
            assertThat(fill(all.getRow(18).getCell(CODE))).isEqualTo("DDEBF7");
            assertThat(all.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:O19");
            assertThat(all.getPaneInformation().isFreezePane()).isTrue();
            assertThat(all.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        }
    }

    @Test
    void aGroupWithoutExceptionsGetsItsSheetSayingSoAndAZeroSubtotal() throws IOException {
        Path file = root.resolve("异常清单-第二组无异常.xlsx");
        ExceptionWorkbook.write(withExceptions(march.exceptions().stream().filter(e -> !"第二督查组".equals(e.group())).toList()),
                file);

        try (XSSFWorkbook workbook = open(file)) {
            Sheet second = workbook.getSheet("第二督查组");
            assertThat(text(second, 1, 0)).isEqualTo("本组本期无异常。");
            assertThat(PrintedSize.printArea(second)).isEqualTo(new CellRangeAddress(0, 1, 0, MESSAGE));
            assertThat(texts(workbook.getSheet("汇总").getRow(6))).containsExactly("第二督查组", "", "小计（0个单位）", "0", "0",
                    "0", "0");
        }
    }

    @Test
    void aPeriodWithoutExceptionsSaysSoOnEverySheet() throws IOException {
        Path file = root.resolve("异常清单-无异常.xlsx");
        ExceptionWorkbook.write(withExceptions(List.of()), file);

        try (XSSFWorkbook workbook = open(file)) {
            assertThat(text(workbook.getSheet("全部"), 1, 0)).isEqualTo("本期无异常。");
            assertThat(text(workbook.getSheet("第一督查组"), 1, 0)).isEqualTo("本组本期无异常。");
            Sheet overview = workbook.getSheet("汇总");
            assertThat(text(overview, 1, 0)).startsWith("共 0 条异常");
            assertThat(texts(overview.getRow(overview.getLastRowNum()))).containsExactly("总计", "", "", "0", "0", "0", "0");
        }
    }

    /**
     * Each unit row of 汇总 links its name and every count but a zero to a row of an existing sheet
     * holding an exception the row counts (of the count's severity): of the row's group and unit; from
     * the no-unit row, one without a unit or without a group of the ledger.
     */
    private static void assertEveryCountIsLinkedToAnExceptionItCounts(XSSFWorkbook workbook, List<String> groups) {
        XSSFSheet overview = workbook.getSheet("汇总");
        List<String> header = texts(overview.getRow(2));
        for (int r = 3; r < overview.getLastRowNum(); r++) {
            List<String> line = texts(overview.getRow(r));
            if (line.get(2).startsWith("小计")) {
                continue;
            }
            for (int c = 2; c <= 6; c++) {
                XSSFHyperlink link = overview.getHyperlink(r, c);
                String where = "row %d column %d".formatted(r, c);
                assertThat(link == null).as(where + " linked unless zero").isEqualTo(c > 2 && line.get(c).equals("0"));
                if (link == null) {
                    continue;
                }
                CellReference target = new CellReference(link.getAddress());
                Sheet list = workbook.getSheet(target.getSheetName());
                assertThat(list).as(where + " " + link.getAddress()).isNotNull();
                String severity = text(list, target.getRow(), SEVERITY);
                assertThat(severity).as(where + " a row of an exception").isIn("错误", "警告", "提示");
                if (c >= 3 && c <= 5) {
                    assertThat(severity).as(where).isEqualTo(header.get(c));
                }
                String group = text(list, target.getRow(), GROUP).replaceFirst("^'", "");
                String unit = text(list, target.getRow(), UNIT_CODE);
                if (line.get(2).equals(ExceptionOverview.NO_UNIT)) {
                    assertThat(unit.isEmpty() || !groups.contains(group)).as(where + " " + group + " " + unit).isTrue();
                } else {
                    assertThat(List.of(group, unit)).as(where).containsExactly(line.get(0).replaceFirst("^'", ""), line.get(1));
                }
            }
        }
    }

    /** March with other exceptions. */
    private Consolidation withExceptions(List<ExceptionEntry> exceptions) {
        return new Consolidation(march.period(), march.asOf(), march.title(), march.groups(),
                march.headline(), march.byCategory(), march.byFeedbackPoint(), march.byProblem(), march.byUnit(), march.byGroup(),
                march.institutions(), march.accountability(), march.trend(), exceptions, march.receipts(), march.reviews(), march.completion());
    }

    /** The 0-based row of the first exception of {@code unit} (blank: of no unit) and severity (null: any). */
    private static int firstRow(Sheet list, String unit, String severity) {
        for (int r = 1; r <= list.getLastRowNum(); r++) {
            if (text(list, r, UNIT_CODE).equals(unit) && (severity == null || text(list, r, SEVERITY).equals(severity))) {
                return r;
            }
        }
        throw new AssertionError("no row of " + unit + " " + severity + " on " + list.getSheetName());
    }

    private XSSFWorkbook open() throws IOException {
        return open(file);
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        return MarchReports.read(file);
    }

    private static List<String> names(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        return cell == null ? "" : FORMAT.formatCellValue(cell);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            texts.add(text(row.getSheet(), row.getRowNum(), i));
        }
        return texts;
    }

    /** The data rows' texts in one column, below the header row. */
    private static List<String> column(Sheet sheet, int column) {
        List<String> values = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            values.add(text(sheet, r, column));
        }
        return values;
    }

    private static String fill(Cell cell) {
        var color = ((org.apache.poi.xssf.usermodel.XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor();
        return color == null ? null : color.getARGBHex().substring(2);
    }
}
