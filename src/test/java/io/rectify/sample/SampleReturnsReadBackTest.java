package io.rectify.sample;

import static io.rectify.intake.ReturnLayout.COMPLETION_DATE;
import static io.rectify.intake.ReturnLayout.EVIDENCE;
import static io.rectify.intake.ReturnLayout.PERIOD;
import static io.rectify.intake.ReturnLayout.REQUESTED;
import static io.rectify.intake.ReturnLayout.STATUS;
import static io.rectify.intake.ReturnLayout.SUBMITTED_ON;
import static io.rectify.intake.ReturnLayout.TASK_CODE;
import static io.rectify.intake.ReturnLayout.UNIT_CODE;
import static io.rectify.sample.SampleProgress.FEBRUARY;
import static io.rectify.sample.SampleProgress.MARCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodFolderScanner;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReturnReader;
import io.rectify.intake.TableRow;
import io.rectify.intake.UnitReturn;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.TaskStatus;
import io.rectify.template.UnitTemplate;
import io.rectify.workbook.ExcelDates;
import io.rectify.workbook.Texts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped sample returns, read back with intake's {@link ReturnReader} as the nightly job
 * reads them: every filled template and every retyped return is accepted by the reader and gives
 * back exactly what the generator meant the unit to say, its extension requests included.
 */
class SampleReturnsReadBackTest {

    private static final Path INPUT = Path.of("input");
    private static final Ledger LEDGER = SampleLedger.ledger();
    private static final SampleLists LISTS = SampleLists.read(LEDGER, FEBRUARY);
    private static final SampleProgress PLAN = SampleProgress.plan(LEDGER, LISTS);

    private final ReturnReader reader = new ReturnReader();

    @Test
    void everyFilledTemplateIsReadWithWhatTheUnitEntered() throws IOException {
        PeriodScan scan = new PeriodFolderScanner(SampleInputs.returns(INPUT)).scan(FEBRUARY);
        String ledgerVersion = SampleInputs.sha256(SampleInputs.masterLedger(INPUT));

        assertThat(scan.skipped()).isEmpty();
        Set<String> units = new HashSet<>();
        for (FoundFile file : scan.workbooks()) {
            UnitReturn read = read(file);
            Unit unit = unit(read.field(UNIT_CODE).orElseThrow().text());
            units.add(unit.code());
            assertThat(read.field(PERIOD).flatMap(f -> ExcelDates.period(f.cell()))).contains(FEBRUARY);
            assertThat(read.field(SUBMITTED_ON).flatMap(f -> ExcelDates.date(f.cell()))).hasValueSatisfying(day ->
                    assertThat(day).isBetween(LocalDate.of(2024, 2, 27), LocalDate.of(2024, 3, 5)));
            assertThat(read.ledgerMarker()).as(file.relative()).contains(ledgerVersion);
            List<String> expectedTasks = UnitTemplate.blank(LEDGER, ledgerVersion, FEBRUARY, unit.code()).tasks().stream()
                    .map(line -> line.task().code()).toList();
            assertThat(read.progress().rows()).extracting(row -> row.text(TASK_CODE)).containsExactlyElementsOf(expectedTasks);
            for (TableRow row : read.progress().rows()) {
                SampleProgress.Progress planned = PLAN.of(row.text(TASK_CODE), FEBRUARY);
                assertThat(row.text(STATUS)).as(file.relative() + " row " + row.row()).isEqualTo(planned.status().word());
                assertThat(row.cell(COMPLETION_DATE).filter(c -> !c.text().isBlank()).flatMap(ExcelDates::date))
                        .as(file.relative() + " row " + row.row()).isEqualTo(Optional.ofNullable(planned.completed()));
                assertThat(row.text(EVIDENCE).isEmpty()).as(file.relative() + " row " + row.row()).isEqualTo(!planned.done());
            }
            assertThat(read.extensions().map(table -> table.rows().stream()
                            .map(row -> row.text(TASK_CODE) + " " + row.cell(REQUESTED).flatMap(ExcelDates::date).orElse(null))
                            .toList()).orElse(List.of()))
                    .as(file.relative() + " 延期申请")
                    .containsExactlyElementsOf(SampleExtensions.requests(LEDGER, unit.code(), FEBRUARY).stream()
                            .map(request -> request.task() + " " + request.requested()).toList());
            assertThat(read.institutions().orElseThrow().rows()).as(file.relative())
                    .hasSize(LISTS.institutions(unit.code(), FEBRUARY).size());
            assertThat(read.accountability().orElseThrow().rows()).as(file.relative())
                    .hasSize(LISTS.accountability(unit.code(), FEBRUARY).size());
        }
        assertThat(units).hasSize(LEDGER.units().size());
    }

    @Test
    void retypedXlsWithReorderedColumnsAndSynonymsIsRead() throws IOException {
        UnitReturn read = readMarch(SampleReturns.RETYPED_XLS + "2024年3月巡视整改进展.xls");

        assertThat(read.progress().letter(TASK_CODE)).as("措施编号 in the second column").isEqualTo("B");
        assertThat(read.progress().letter(STATUS)).as("状态 in the fourth column").isEqualTo("D");
        assertThat(read.field(UNIT_CODE).orElseThrow().text()).as("typed as 单位代码：U37").isEqualTo(code(SampleReturns.RETYPED_XLS));
        assertThat(read.field(PERIOD).flatMap(f -> ExcelDates.period(f.cell()))).contains(MARCH);
        assertReportsItsLeadTasks(read, SampleReturns.RETYPED_XLS, List.of());
        assertThat(read.institutions()).as("no list sheets: the 2024-02 lists stay in force").isEmpty();
        assertThat(read.accountability()).isEmpty();
    }

    @Test
    void fullWidthCodesAndStatusWordsAreRead() throws IOException {
        UnitReturn read = readMarch(SampleReturns.GROUP_FOLDER_OF + "/" + SampleReturns.FULL_WIDTH + "-3月份整改进展情况.xlsx");

        assertThat(read.progress().rows()).allSatisfy(row -> assertThat(row.text(TASK_CODE)).startsWith("Ｐ"));
        assertThat(read.progress().rows()).extracting(row -> row.text(STATUS)).contains("完成").doesNotContain("已完成");
        assertReportsItsLeadTasks(read, SampleReturns.FULL_WIDTH, List.of(SampleReturns.UNKNOWN_TASK));
    }

    @Test
    void datesTypedAsChineseTextAreRead() throws IOException {
        UnitReturn read = readMarch(SampleReturns.GROUP_FOLDER_OF + "/" + SampleReturns.TEXT_DATES + "/"
                + SampleReturns.TEXT_DATES + "巡视整改进展（2024年3月）.xlsx");

        assertThat(read.field(SUBMITTED_ON).orElseThrow().text()).matches("2024年\\d+月\\d+日");
        assertThat(read.progress().rows()).filteredOn(row -> !row.text(COMPLETION_DATE).isEmpty())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.text(COMPLETION_DATE)).matches("20\\d\\d年\\d+月\\d+日"));
        assertReportsItsLeadTasks(read, SampleReturns.TEXT_DATES, List.of());
    }

    /** The return holds the unit's lead tasks as planned for 2024-03, then the extra codes, whatever their spelling. */
    private static void assertReportsItsLeadTasks(UnitReturn read, String unitName, List<String> extraCodes) {
        String unit = code(unitName);
        List<String> expected = new ArrayList<>(LEDGER.tasks().stream().filter(t -> t.leadUnit().equals(unit))
                .map(Task::code).toList());
        expected.addAll(extraCodes);
        assertThat(read.progress().rows()).extracting(row -> Texts.code(row.text(TASK_CODE)))
                .containsExactlyInAnyOrderElementsOf(expected);
        for (TableRow row : read.progress().rows()) {
            String code = Texts.code(row.text(TASK_CODE));
            if (extraCodes.contains(code)) {
                continue;
            }
            SampleProgress.Progress planned = PLAN.of(code, MARCH);
            assertThat(TaskStatus.parse(row.text(STATUS))).as(code).contains(planned.status());
            assertThat(row.cell(COMPLETION_DATE).flatMap(ExcelDates::date)).as(code)
                    .isEqualTo(Optional.ofNullable(planned.completed()));
        }
    }

    private UnitReturn readMarch(String relative) throws IOException {
        PeriodScan scan = new PeriodFolderScanner(SampleInputs.returns(INPUT)).scan(MARCH);
        FoundFile file = scan.workbooks().stream().filter(f -> f.relative().equals(relative)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + relative + " in " + scan.workbooks()));
        return read(file);
    }

    private UnitReturn read(FoundFile file) {
        ReadOutcome outcome = reader.read(file);
        assertThat(outcome).as(file.relative()).isInstanceOf(ReadOutcome.Read.class);
        return ((ReadOutcome.Read) outcome).unitReturn();
    }

    private static Unit unit(String code) {
        return LEDGER.units().stream().filter(u -> u.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + code));
    }

    private static String code(String unitName) {
        return LEDGER.units().stream().filter(u -> u.name().equals(unitName)).findFirst().orElseThrow().code();
    }
}
