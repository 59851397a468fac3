package io.rectify.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.PrintedSize;
import io.rectify.intake.FoundFile;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReturnLayout;
import io.rectify.intake.ReturnReader;
import io.rectify.intake.SheetTable;
import io.rectify.intake.UnitReturn;
import io.rectify.ledger.Deadline;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.Task;
import io.rectify.workbook.Column;
import io.rectify.workbook.HeaderFinder;
import io.rectify.workbook.SheetRow;
import io.rectify.workbook.StreamingXlsxReader;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 延期申请 sheet of templates written for units of {@link SmallLedger} in 2024-03 (returns due
 * 2024-04-05): U01 leads T001 (2024-06-30), T002 (长期坚持) and T007 (2024年4月底前) and cooperates on T003.
 */
class ExtensionSheetTest {

    private static final YearMonth MARCH = YearMonth.of(2024, 3);
    private static final String SHEET = ReturnLayout.EXTENSION_SHEET;
    private static final int FIRST_ROW = ExtensionSheet.HEADER_ROW + 1;
    private static final int CODE = ExtensionSheet.HEADERS.indexOf(ReturnLayout.TASK_CODE);
    private static final int MEASURE = ExtensionSheet.HEADERS.indexOf(ReturnLayout.MEASURE);
    private static final int DEADLINE = ExtensionSheet.HEADERS.indexOf(ReturnLayout.CURRENT_DEADLINE);
    private static final int REQUESTED = ExtensionSheet.HEADERS.indexOf(ReturnLayout.REQUESTED);
    private static final int REASON = ExtensionSheet.HEADERS.indexOf(ReturnLayout.REASON);

    @TempDir
    Path folder;

    @Test
    void followsTheProgressSheetWithTheHeadersIntakeLooksForUnderItsInstruction() throws IOException {
        Path file = write(SmallLedger.ledger(), "U01", MARCH);
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            assertThat(t.workbook().getSheetName(1)).isEqualTo(SHEET);
            assertThat(t.workbook().isSheetHidden(1)).isFalse();
            assertThat(t.text(SHEET, ExtensionSheet.INSTRUCTION_ROW, 0))
                    .contains("只能为本单位牵头的任务申请", "现完成时限到期前", "延期理由（必填）", "延期审批表", "回执");
            assertThat(t.text(ReturnLayout.PROGRESS_SHEET, ProgressSheet.INSTRUCTION_ROW, 0)).contains("于“延期申请”表中申请");
        }
        try (WorkbookReader reader = StreamingXlsxReader.open(file)) {
            HeaderFinder finder = new HeaderFinder(ReturnLayout.EXTENSION_COLUMNS);
            reader.rows(SHEET, row -> !finder.offer(row));
            HeaderFinder.Header header = finder.header().orElseThrow();
            assertThat(header.rowNumber()).isEqualTo(ExtensionSheet.HEADER_ROW + 1);
            assertThat(header.columns().keySet())
                    .containsExactlyInAnyOrderElementsOf(ReturnLayout.EXTENSION_COLUMNS.stream().map(Column::name).toList());
        }
    }

    @Test
    void dropDownOffersTheLeadTasksNotLongTermNorAlreadyDueFromAVeryHiddenList() throws IOException {
        // U02 leads T003 (due 2024-03-31, before the return is due), T004 (2024-05-31) and T005 (长期坚持)
        try (OpenedTemplate t = OpenedTemplate.open(write(SmallLedger.ledger(), "U02", MARCH))) {
            assertThat(listedCodes(t)).containsExactly("T004");
        }
        try (OpenedTemplate t = OpenedTemplate.open(write(SmallLedger.ledger(), "U01", MARCH))) {
            assertThat(listedCodes(t)).containsExactly("T001", "T007");
            int list = t.workbook().getSheetIndex(ExtensionSheet.LIST_SHEET);
            assertThat(t.workbook().getSheetVisibility(list)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            // one input row per task that can be extended
            assertThat(t.sheet(SHEET).getLastRowNum()).isEqualTo(FIRST_ROW + 1);
            DataValidation codes = t.validation(SHEET, FIRST_ROW, FIRST_ROW + 1, CODE).orElseThrow();
            assertThat(codes.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            assertThat(codes.getValidationConstraint().getFormula1()).isEqualTo(ExtensionSheet.CODES);
            assertThat(codes.getShowErrorBox()).isTrue();
        }
    }

    @Test
    void aLongListOfTasksStaysAReferenceAndTheSheetOffersTwentyRows() throws IOException {
        Ledger small = SmallLedger.ledger();
        List<Task> tasks = new ArrayList<>(small.tasks());
        IntStream.rangeClosed(1, 60).forEach(i -> tasks.add(new Task("P01-01-%02d".formatted(i), "P01", "第" + i + "项措施", "U03",
                Deadline.on(LocalDate.of(2024, 12, 31)), List.of())));
        Ledger large = new Ledger(small.info(), small.groups(), small.units(), small.categories(), small.feedbackPoints(),
                small.problems(), tasks);
        try (OpenedTemplate t = OpenedTemplate.open(write(large, "U03", MARCH))) {
            assertThat(listedCodes(t)).hasSize(61).startsWith("T006", "P01-01-01").endsWith("P01-01-60");
            assertThat(t.sheet(SHEET).getLastRowNum()).isEqualTo(FIRST_ROW + ExtensionSheet.MAX_ROWS - 1);
            assertThat(t.validation(SHEET, FIRST_ROW, FIRST_ROW + ExtensionSheet.MAX_ROWS - 1, CODE)).isPresent();
        }
    }

    @Test
    void requestedDayMustBeAfterTodayAndTheReasonIsFreeText() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(write(SmallLedger.ledger(), "U01", MARCH))) {
            DataValidation requested = t.validation(SHEET, FIRST_ROW, FIRST_ROW + 1, REQUESTED).orElseThrow();
            assertThat(requested.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE);
            assertThat(requested.getValidationConstraint().getOperator()).isEqualTo(OperatorType.GREATER_THAN);
            assertThat(requested.getValidationConstraint().getFormula1()).isEqualTo("TODAY()");
            assertThat(requested.getErrorBoxText()).contains("晚于现完成时限");
            assertThat(t.validationsAt(SHEET, FIRST_ROW, REASON)).isEmpty();
            assertThat(t.validationsAt(SHEET, FIRST_ROW, MEASURE)).isEmpty();
        }
    }

    @Test
    void choosingATaskShowsItsMeasureAndItsDeadlineInForce() throws IOException {
        Ledger extended = SmallLedger.ledger().extended(Map.of("T001", LocalDate.of(2024, 9, 30)));
        try (OpenedTemplate t = OpenedTemplate.open(write(extended, "U01", MARCH))) {
            Cell measure = t.cell(SHEET, FIRST_ROW, MEASURE);
            assertThat(measure.getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(measure.getCellFormula()).isEqualTo("IFERROR(VLOOKUP($A3,延期任务,2,FALSE),\"\")");
            assertThat(t.cell(SHEET, FIRST_ROW + 1, DEADLINE).getCellFormula())
                    .isEqualTo("IFERROR(VLOOKUP($A4,延期任务,3,FALSE),\"\")");

            FormulaEvaluator evaluator = t.workbook().getCreationHelper().createFormulaEvaluator();
            t.cell(SHEET, FIRST_ROW, CODE).setCellValue("T007");
            t.cell(SHEET, FIRST_ROW + 1, CODE).setCellValue("T001");
            evaluator.evaluateAll();
            // the ledger's text is looked up as written, neutralised like everywhere else, never evaluated
            assertThat(t.cell(SHEET, FIRST_ROW, MEASURE).getStringCellValue()).isEqualTo("'+建立企业诉求快速响应机制");
            assertThat(t.cell(SHEET, FIRST_ROW, DEADLINE).getStringCellValue()).isEqualTo("2024年4月底前");
            assertThat(t.cell(SHEET, FIRST_ROW + 1, MEASURE).getStringCellValue()).startsWith("制定产业结构调整三年行动方案");
            assertThat(t.cell(SHEET, FIRST_ROW + 1, DEADLINE).getStringCellValue()).isEqualTo("2024-06-30（延期至2024年9月30日）");

            t.cell(SHEET, FIRST_ROW, CODE).setCellValue("T999");
            evaluator.clearAllCachedResultValues();
            evaluator.evaluateAll();
            assertThat(t.cell(SHEET, FIRST_ROW, MEASURE).getStringCellValue()).isEmpty();
        }
    }

    @Test
    void unfilledRowsReadBlankWithoutEvaluatingTheirFormulas() throws IOException {
        Path file = write(SmallLedger.ledger(), "U01", MARCH);
        try (WorkbookReader reader = StreamingXlsxReader.open(file)) {
            List<SheetRow> rows = reader.allRows(SHEET);
            assertThat(rows.stream().filter(r -> r.number() > ExtensionSheet.HEADER_ROW + 1)).allMatch(SheetRow::blank);
        }
    }

    @Test
    void aFilledRequestIsReadBackByIntakeAndTheUnfilledRowsAreNot() throws IOException {
        Path file = write(SmallLedger.ledger(), "U01", MARCH);
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            t.cell(SHEET, FIRST_ROW + 1, CODE).setCellValue("T007");
            t.cell(SHEET, FIRST_ROW + 1, REQUESTED).setCellValue(LocalDate.of(2024, 6, 30));
            t.cell(SHEET, FIRST_ROW + 1, REASON).setCellValue("需市级部门联合验收");
            // as Excel does on each change: the look-ups of the filled row now hold the task's measure and deadline
            t.workbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (var out = Files.newOutputStream(file)) {
                t.workbook().write(out);
            }
        }

        ReadOutcome outcome = new ReturnReader().read(new FoundFile(file, file.getFileName().toString(), Files.size(file),
                "0".repeat(64), Files.getLastModifiedTime(file).toInstant()));

        UnitReturn read = ((ReadOutcome.Read) outcome).unitReturn();
        SheetTable requests = read.extensions().orElseThrow();
        assertThat(requests.rows()).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo(FIRST_ROW + 2);
            assertThat(row.text(ReturnLayout.TASK_CODE)).isEqualTo("T007");
            assertThat(row.cell(ReturnLayout.REQUESTED).orElseThrow().kind()).isEqualTo(io.rectify.workbook.Cell.Kind.DATE);
            assertThat(row.text(ReturnLayout.REASON)).isEqualTo("需市级部门联合验收");
            assertThat(row.text(ReturnLayout.CURRENT_DEADLINE)).isEqualTo("2024年4月底前");
        });
    }

    @Test
    void lookedUpColumnsAreLockedAndTheUnitsColumnsAreNot() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(write(SmallLedger.ledger(), "U01", MARCH))) {
            XSSFSheet sheet = t.sheet(SHEET);
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.isInsertRowsLocked()).isTrue();
            for (int row = FIRST_ROW; row <= sheet.getLastRowNum(); row++) {
                for (int column = 0; column < ExtensionSheet.HEADERS.size(); column++) {
                    assertThat(t.cell(SHEET, row, column).getCellStyle().getLocked()).as("row %d column %d", row + 1, column)
                            .isEqualTo(column == MEASURE || column == DEADLINE);
                }
            }
            assertThat(t.cell(SHEET, ExtensionSheet.HEADER_ROW, CODE).getCellStyle().getLocked()).isTrue();
        }
    }

    @Test
    void printsOnA4WithTheHeaderOnEveryPageAtNinePointsOrMore() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(write(SmallLedger.ledger(), "U01", MARCH))) {
            XSSFSheet sheet = t.sheet(SHEET);
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(ExtensionSheet.HEADER_ROW);
            assertThat(PrintedSize.smallestFontPoints(sheet)).isGreaterThanOrEqualTo(9);
            // the row is made tall enough for the longest measure the look-up may show
            assertThat(sheet.getRow(FIRST_ROW).getHeightInPoints()).isGreaterThan(2 * sheet.getDefaultRowHeightInPoints());
        }
    }

    @Test
    void aUnitWithNoTaskToExtendGetsNoSheetAndIsToldWhy() throws IOException {
        // in May (due 2024-06-05), U02's T003 and T004 (2024-05-31) are due before its return and T005 is 长期坚持
        try (OpenedTemplate t = OpenedTemplate.open(write(SmallLedger.ledger(), "U02", YearMonth.of(2024, 5)))) {
            assertThat(t.workbook().getSheet(SHEET)).isNull();
            assertThat(t.workbook().getSheet(ExtensionSheet.LIST_SHEET)).isNull();
            assertThat(t.workbook().getName(ExtensionSheet.CODES)).isNull();
            assertThat(t.text(ReturnLayout.PROGRESS_SHEET, ProgressSheet.INSTRUCTION_ROW, 0)).contains("本单位没有可申请延期的牵头任务", "不含“延期申请”表");
        }
    }

    private Path write(Ledger ledger, String unit, YearMonth period) throws IOException {
        Path file = folder.resolve(unit + "-" + period + ".xlsx");
        TemplateWriter.write(UnitTemplate.blank(ledger, SmallLedger.HASH, period, unit), file);
        return file;
    }

    /** The codes the drop-down's defined name covers, as the list sheet holds them. */
    private static List<String> listedCodes(OpenedTemplate t) {
        String reference = t.workbook().getName(ExtensionSheet.CODES).getRefersToFormula();
        assertThat(reference).startsWith("'" + ExtensionSheet.LIST_SHEET + "'!$A$1:$A$");
        int last = Integer.parseInt(reference.substring(reference.lastIndexOf('$') + 1));
        assertThat(t.text(ExtensionSheet.LIST_SHEET, last, 0)).isEmpty();
        return IntStream.range(0, last).mapToObj(r -> t.text(ExtensionSheet.LIST_SHEET, r, 0)).toList();
    }
}
