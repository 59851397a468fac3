package io.rectify.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.PrintedSize;
import io.rectify.intake.ReturnLayout;
import io.rectify.intake.TemplateMarker;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.Unit;
import io.rectify.rule.TaskStatus;
import io.rectify.workbook.Column;
import io.rectify.workbook.HeaderFinder;
import io.rectify.workbook.PoiWorkbookReader;
import io.rectify.workbook.SheetRow;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template written for unit U01 of {@link SmallLedger}, opened again with POI. */
class TemplateWriterTest {

    private static final YearMonth PERIOD = YearMonth.of(2024, 4);
    private static final String PROGRESS = ReturnLayout.PROGRESS_SHEET;
    private static final String INSTITUTIONS = ReturnLayout.INSTITUTION_SHEET;
    private static final String ACCOUNTABILITY = ReturnLayout.ACCOUNTABILITY_SHEET;
    private static final int FIRST_TASK_ROW = ProgressSheet.HEADER_ROW + 1;
    private static final int FIRST_LIST_ROW = ListSheets.HEADER_ROW + 1;

    @TempDir
    Path folder;
    private Path file;

    @BeforeEach
    void writeTemplate() throws IOException {
        Ledger ledger = SmallLedger.ledger();
        Map<String, KnownStatus> statuses = Map.of(
                "T001", new KnownStatus(TaskStatus.IN_PROGRESS, null, "行动方案征求意见稿"),
                "T003", new KnownStatus(TaskStatus.COMPLETED, LocalDate.of(2024, 3, 20), "牵头单位的验收报告"),
                "T004", new KnownStatus(TaskStatus.COMPLETED, LocalDate.of(2024, 3, 1)));
        UnitTemplate template = UnitTemplate.of(ledger, SmallLedger.HASH, PERIOD, SmallLedger.unit("U01"), statuses, Map.of(),
                List.of(new InstitutionLine("产业结构调整三年行动方案", "闵府办发〔2024〕3号", "新建", LocalDate.of(2024, 2, 1), "T001"),
                        new InstitutionLine("=重大项目推进工作规则", null, "修订", null, null)),
                List.of(new AccountabilityLine("诫勉谈话", 2, "P01", "对相关责任人进行诫勉谈话")));
        file = folder.resolve(TemplateWriter.fileName(template.unit(), PERIOD));
        TemplateWriter.write(template, file);
    }

    @Test
    void tableHoldsTheUnitsLeadTasksThenItsCooperatingTasksWithTheirRoles() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            assertThat(t.column(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.TASK_CODE)))
                    .containsExactly("T001", "T002", "T007", "T003");
            assertThat(t.column(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.ROLE))).containsExactly("牵头", "牵头", "牵头", "配合");
            assertThat(t.column(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.PROBLEM_CODE))).containsExactly("P01", "P01", "P02", "P02");
            assertThat(t.column(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.DEADLINE)))
                    .containsExactly("2024-06-30", "长期坚持", "2024年4月底前", "2024-03-31");
            assertThat(t.text(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.MEASURE))).startsWith("制定产业结构调整三年行动方案");
        }
    }

    @Test
    void deadlineInWordsIsShownAsTheLedgerWritesIt() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            assertThat(t.text(PROGRESS, FIRST_TASK_ROW + 2, col(ReturnLayout.TASK_CODE))).isEqualTo("T007");
            assertThat(t.text(PROGRESS, FIRST_TASK_ROW + 2, col(ReturnLayout.DEADLINE))).isEqualTo("2024年4月底前");
        }
    }

    @Test
    void nothingOfAnotherUnitIsInTheTemplate() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            List<String> texts = t.allTexts();
            assertThat(texts).doesNotContain("T004", "T005", "T006", "区财政局", "区住房保障和房屋管理局", "U02", "U03");
            assertThat(String.join("|", texts)).doesNotContain("修订区级财政资金管理办法", "老旧小区改造");
        }
    }

    @Test
    void lastKnownStatusAndCompletionDateArePrefilled() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            assertThat(t.column(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.STATUS))).containsExactly("推进中", "", "", "已完成");
            var date = t.cell(PROGRESS, FIRST_TASK_ROW + 3, col(ReturnLayout.COMPLETION_DATE));
            assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 20));
            assertThat(t.text(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.COMPLETION_DATE))).isEmpty();
        }
    }

    @Test
    void evidenceLastReportedByTheLeadUnitIsPrefilledInItsOwnRowsOnly() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            // T003 is a cooperating task of U01: its lead unit's evidence is not U01's to re-send
            assertThat(t.column(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.EVIDENCE))).containsExactly("行动方案征求意见稿", "", "", "");
            assertThat(t.column(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.PROGRESS))).containsOnly("");
        }
    }

    @Test
    void metadataLabelsAreFollowedByTheirValuesAndTheHeaderIsFoundByTheReadersRules() throws IOException {
        try (WorkbookReader reader = PoiWorkbookReader.open(file)) {
            List<SheetRow> rows = reader.allRows(PROGRESS);
            HeaderFinder finder = new HeaderFinder(ReturnLayout.PROGRESS_COLUMNS);
            List<SheetRow> above = new ArrayList<>();
            for (SheetRow row : rows) {
                if (finder.offer(row)) {
                    break;
                }
                above.add(row);
            }
            HeaderFinder.Header header = finder.header().orElseThrow();
            assertThat(header.rowNumber()).isEqualTo(ProgressSheet.HEADER_ROW + 1);
            assertThat(header.columns().keySet())
                    .containsExactlyInAnyOrderElementsOf(ReturnLayout.PROGRESS_COLUMNS.stream().map(Column::name).toList());

            Map<String, String> fields = new LinkedHashMap<>();
            for (SheetRow row : above) {
                for (int i = 0; i < row.cells().size(); i++) {
                    String label = row.cells().get(i).text();
                    if (ReturnLayout.METADATA_LABELS.contains(label)) {
                        fields.put(label, i + 1 < row.cells().size() ? row.cells().get(i + 1).text() : null);
                    }
                }
            }
            assertThat(fields).containsEntry(ReturnLayout.UNIT_CODE, "U01")
                    .containsEntry(ReturnLayout.UNIT_NAME, "区发展和改革委员会")
                    .containsEntry(ReturnLayout.PERIOD, "2024-04");
            // the ledger's contact is offered as reporter; the submission date is left to the unit
            assertThat(fields).containsEntry(ReturnLayout.REPORTER, "张三")
                    .containsEntry(ReturnLayout.PHONE, "021-64000001")
                    .containsEntry(ReturnLayout.SUBMITTED_ON, null);
            assertThat(rows.get(0).cells().get(0).text()).isEqualTo("十二届市委第二轮巡视整改进展报送表（2024年4月）");
        }
    }

    @Test
    void emptyValuesTheUnitFillsInAreNeverFollowedByAnotherLabel() throws IOException {
        Path other = folder.resolve("u02.xlsx");
        TemplateWriter.write(UnitTemplate.blank(SmallLedger.ledger(), SmallLedger.HASH, PERIOD, "U02"), other);
        try (WorkbookReader reader = PoiWorkbookReader.open(other)) {
            for (SheetRow row : reader.allRows(PROGRESS).subList(1, 4)) {
                for (int i = 0; i < row.cells().size(); i++) {
                    String label = row.cells().get(i).text();
                    if (List.of(ReturnLayout.SUBMITTED_ON, ReturnLayout.REPORTER, ReturnLayout.PHONE).contains(label)) {
                        assertThat(row.cells().subList(i + 1, row.cells().size())).as(label).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void statusColumnOffersTheThreeStatusesAndDatesAreValidated() throws IOException {
        int last = FIRST_TASK_ROW + 3;
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            DataValidation status = t.validation(PROGRESS, FIRST_TASK_ROW, last, col(ReturnLayout.STATUS)).orElseThrow();
            assertThat(status.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            assertThat(status.getValidationConstraint().getExplicitListValues()).containsExactly("未启动", "推进中", "已完成");
            assertThat(status.getShowErrorBox()).isTrue();

            DataValidation completion = t.validation(PROGRESS, FIRST_TASK_ROW, last, col(ReturnLayout.COMPLETION_DATE))
                    .orElseThrow();
            assertThat(completion.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE);
            assertThat(completion.getValidationConstraint().getOperator()).isEqualTo(OperatorType.BETWEEN);
            assertThat(completion.getValidationConstraint().getFormula1()).isEqualTo("DATE(2023,8,29)");
            assertThat(completion.getValidationConstraint().getFormula2()).isEqualTo("TODAY()");

            int submittedOnRow = labelRow(t, ReturnLayout.SUBMITTED_ON);
            assertThat(t.validationsAt(PROGRESS, submittedOnRow, 4))
                    .singleElement()
                    .satisfies(v -> assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE));
            // nothing is validated outside the input cells
            assertThat(t.validationsAt(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.MEASURE))).isEmpty();
        }
    }

    @Test
    void listSheetsOfferTheirKindsAndValidateDatesAndHeadcounts() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            int lastInstitution = FIRST_LIST_ROW + 2 + ListSheets.BLANK_ROWS - 1;
            DataValidation kind = t.validation(INSTITUTIONS, FIRST_LIST_ROW, lastInstitution,
                    ListSheets.INSTITUTION_HEADERS.indexOf(ReturnLayout.KIND)).orElseThrow();
            assertThat(kind.getValidationConstraint().getExplicitListValues()).containsExactly("新建", "修订");
            DataValidation issued = t.validation(INSTITUTIONS, FIRST_LIST_ROW, lastInstitution,
                    ListSheets.INSTITUTION_HEADERS.indexOf(ReturnLayout.ISSUED_ON)).orElseThrow();
            assertThat(issued.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE);

            int lastAccountability = FIRST_LIST_ROW + 1 + ListSheets.BLANK_ROWS - 1;
            DataValidation accountabilityKind = t.validation(ACCOUNTABILITY, FIRST_LIST_ROW, lastAccountability,
                    ListSheets.ACCOUNTABILITY_HEADERS.indexOf(ReturnLayout.KIND)).orElseThrow();
            assertThat(accountabilityKind.getValidationConstraint().getExplicitListValues())
                    .containsExactly("党纪政务立案", "党纪政务处分", "诫勉谈话", "组织处理");
            DataValidation persons = t.validation(ACCOUNTABILITY, FIRST_LIST_ROW, lastAccountability,
                    ListSheets.ACCOUNTABILITY_HEADERS.indexOf(ReturnLayout.PERSONS)).orElseThrow();
            assertThat(persons.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.INTEGER);
            assertThat(persons.getValidationConstraint().getOperator()).isEqualTo(OperatorType.GREATER_OR_EQUAL);
            assertThat(persons.getValidationConstraint().getFormula1()).isEqualTo("1");
            assertThat(t.sheet(ACCOUNTABILITY).getLastRowNum()).isEqualTo(lastAccountability);
        }
    }

    @Test
    void sheetsAreProtectedWithLedgerCellsLockedAndInputCellsUnlocked() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            for (String sheet : List.of(PROGRESS, INSTITUTIONS, ACCOUNTABILITY)) {
                assertThat(t.sheet(sheet).getProtect()).as(sheet).isTrue();
            }
            List<String> inputs = List.of(ReturnLayout.STATUS, ReturnLayout.COMPLETION_DATE, ReturnLayout.PROGRESS,
                    ReturnLayout.EVIDENCE, ReturnLayout.REMARK);
            for (int row = FIRST_TASK_ROW; row < FIRST_TASK_ROW + 4; row++) {
                for (String header : ProgressSheet.HEADERS) {
                    assertThat(t.cell(PROGRESS, row, col(header)).getCellStyle().getLocked())
                            .as("%s row %d", header, row + 1)
                            .isEqualTo(!inputs.contains(header));
                }
            }
            for (int column = 0; column < ProgressSheet.HEADERS.size(); column++) {
                assertThat(t.cell(PROGRESS, ProgressSheet.HEADER_ROW, column).getCellStyle().getLocked()).isTrue();
            }
            int codeRow = labelRow(t, ReturnLayout.UNIT_CODE);
            assertThat(t.cell(PROGRESS, codeRow, 1).getCellStyle().getLocked()).as("单位代码 value").isTrue();
            assertThat(t.cell(PROGRESS, labelRow(t, ReturnLayout.PERIOD), 1).getCellStyle().getLocked()).isTrue();
            for (String label : List.of(ReturnLayout.SUBMITTED_ON, ReturnLayout.REPORTER, ReturnLayout.PHONE)) {
                assertThat(t.cell(PROGRESS, labelRow(t, label), 4).getCellStyle().getLocked()).as(label).isFalse();
            }
            XSSFSheet accountability = t.sheet(ACCOUNTABILITY);
            for (int row = FIRST_LIST_ROW; row <= accountability.getLastRowNum(); row++) {
                for (int column = 0; column < ListSheets.ACCOUNTABILITY_HEADERS.size(); column++) {
                    assertThat(accountability.getRow(row).getCell(column).getCellStyle().getLocked()).isFalse();
                }
            }
            assertThat(accountability.getRow(ListSheets.HEADER_ROW).getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(t.sheet(INSTITUTIONS).isDeleteRowsLocked()).isFalse();
            assertThat(t.sheet(PROGRESS).isDeleteRowsLocked()).isTrue();
        }
    }

    @Test
    void veryHiddenMarkerNamesTheLedgerVersionPeriodAndUnit() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            int index = t.workbook().getSheetIndex(TemplateMarker.SHEET);
            assertThat(t.workbook().getSheetVisibility(index)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(List.of(t.text(TemplateMarker.SHEET, 0, 0), t.text(TemplateMarker.SHEET, 0, 1)))
                    .containsExactly(TemplateMarker.LEDGER_VERSION, SmallLedger.HASH);
            assertThat(List.of(t.text(TemplateMarker.SHEET, 1, 0), t.text(TemplateMarker.SHEET, 1, 1)))
                    .containsExactly(TemplateMarker.PERIOD, "2024-04");
            assertThat(List.of(t.text(TemplateMarker.SHEET, 2, 0), t.text(TemplateMarker.SHEET, 2, 1)))
                    .containsExactly(TemplateMarker.UNIT, "U01");
            assertThat(t.workbook().getActiveSheetIndex()).isZero();
        }
    }

    @Test
    void formulaLookingTextIsNeutralisedAndTheOnlyFormulasAreTheExtensionLookUps() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            assertThat(t.formulas()).isNotEmpty().allSatisfy(formula -> assertThat(formula)
                    .matches("延期申请![BC]\\d+: IFERROR\\(VLOOKUP\\(\\$A\\d+,延期任务,[23],FALSE\\),\"\"\\)"));
            assertThat(t.text(PROGRESS, FIRST_TASK_ROW + 1, col(ReturnLayout.MEASURE)))
                    .isEqualTo("'=HYPERLINK(\"http://evil\",\"点击\")");
            assertThat(t.text(PROGRESS, FIRST_TASK_ROW + 2, col(ReturnLayout.MEASURE))).isEqualTo("'+建立企业诉求快速响应机制");
            assertThat(t.text(INSTITUTIONS, FIRST_LIST_ROW + 1, 0)).isEqualTo("'=重大项目推进工作规则");
        }
    }

    @Test
    void previousListsArePrefilledAboveTheEmptyRows() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            assertThat(IntStream.range(0, 5).mapToObj(c -> t.text(INSTITUTIONS, FIRST_LIST_ROW, c)).toList())
                    .containsExactly("产业结构调整三年行动方案", "闵府办发〔2024〕3号", "新建", "2024-02-01", "T001");
            assertThat(t.text(INSTITUTIONS, FIRST_LIST_ROW + 2, 0)).isEmpty();
            assertThat(t.cell(ACCOUNTABILITY, FIRST_LIST_ROW, 1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(t.text(ACCOUNTABILITY, FIRST_LIST_ROW, 0)).isEqualTo("诫勉谈话");
            assertThat(t.text(ACCOUNTABILITY, FIRST_LIST_ROW + 1, 0)).isEmpty();
        }
    }

    @Test
    void printsOnA4LandscapeFittedToWidthWithTheHeaderOnEveryPage() throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(file)) {
            XSSFSheet progress = t.sheet(PROGRESS);
            assertThat(progress.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(progress.getPrintSetup().getLandscape()).isTrue();
            assertThat(progress.getFitToPage()).isTrue();
            assertThat(progress.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(progress.getPrintSetup().getFitHeight()).isZero();
            assertThat(PrintedSize.smallestFontPoints(progress)).isGreaterThanOrEqualTo(9);
            assertThat(progress.getRepeatingRows().getFirstRow()).isEqualTo(ProgressSheet.HEADER_ROW);
            assertThat(progress.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) FIRST_TASK_ROW);
            assertThat(progress.getColumnWidth(col(ReturnLayout.MEASURE)) / 256).isGreaterThanOrEqualTo(30);
            assertThat(t.cell(PROGRESS, FIRST_TASK_ROW, col(ReturnLayout.MEASURE)).getCellStyle().getWrapText()).isTrue();
            // the 40-character measure wraps: its row is made higher than one line
            assertThat(progress.getRow(FIRST_TASK_ROW).getHeightInPoints()).isGreaterThan(progress.getDefaultRowHeightInPoints() * 1.5f);
        }
    }

    @Test
    void fileNameIsCodeNameAndPeriodWithIllegalCharactersReplaced() {
        assertThat(TemplateWriter.fileName(SmallLedger.unit("U02"), PERIOD)).isEqualTo("U02-区财政局-2024-04.xlsx");
        assertThat(TemplateWriter.fileName(new Unit("A/1", "区政府办公室:信息*中心?\"<>|", "第一督查组", null, null), PERIOD))
                .isEqualTo("A_1-区政府办公室_信息_中心_____-2024-04.xlsx");
        assertThat(file.getFileName().toString()).isEqualTo("U01-区发展和改革委员会-2024-04.xlsx");
    }

    private static int col(String header) {
        return ProgressSheet.HEADERS.indexOf(header);
    }

    private static int labelRow(OpenedTemplate t, String label) {
        for (int row = 0; row < ProgressSheet.HEADER_ROW; row++) {
            for (int column = 0; column < ProgressSheet.HEADERS.size(); column++) {
                if (label.equals(t.text(PROGRESS, row, column))) {
                    return row;
                }
            }
        }
        throw new AssertionError("no label " + label);
    }
}
