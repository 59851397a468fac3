package io.rectify.template;

import io.rectify.TempFolderContext;
import io.rectify.intake.ReturnLayout;
import io.rectify.intake.TemplateMarker;
import io.rectify.ledger.LedgerRepository;
import io.rectify.reconcile.InstitutionIdentity;
import io.rectify.run.EndSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The templates job against a real H2 database holding {@link SmallLedger} and some history. */
class TemplatesJobTest extends TempFolderContext {

    private static final int FIRST_TASK_ROW = ProgressSheet.HEADER_ROW + 1;
    private static final int FIRST_LIST_ROW = ListSheets.HEADER_ROW + 1;

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    @Qualifier("templatesJob")
    Job templatesJob;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    JdbcTemplate jdbc;

    private Path output;

    @BeforeEach
    void emptyDatabase() throws IOException {
        for (String table : List.of("deadline_extension", "rule_exception", "institution", "accountability", "return_row", "return_file", "task_status",
                "task_cooperator", "task", "problem", "feedback_point", "category", "unit", "supervision_group",
                "ledger_version")) {
            jdbc.update("DELETE FROM " + table);
        }
        output = Files.createTempDirectory(root, "output");
    }

    @Test
    void writesOneTemplatePerUnitNamedByCodeNameAndPeriod() throws Exception {
        ledgers.replace(SmallLedger.ledger(), SmallLedger.HASH, "master/台账.xlsx", Instant.now(), null);

        JobExecution execution = run("2024-04");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path folder = output.resolve("templates").resolve("2024-04");
        assertThat(files(folder)).containsExactly("U01-区发展和改革委员会-2024-04.xlsx", "U02-区财政局-2024-04.xlsx",
                "U03-区住房保障和房屋管理局-2024-04.xlsx");
        assertThat(execution.getExecutionContext().getString(EndSummary.SUMMARY_KEY))
                .contains("已生成 3 份报送模板").contains(folder.toString());
        try (OpenedTemplate t = OpenedTemplate.open(folder.resolve("U02-区财政局-2024-04.xlsx"))) {
            assertThat(t.column(ReturnLayout.PROGRESS_SHEET, FIRST_TASK_ROW, 0)).containsExactly("T003", "T004", "T005", "T001");
            assertThat(t.column(ReturnLayout.PROGRESS_SHEET, FIRST_TASK_ROW, ProgressSheet.HEADERS.indexOf(ReturnLayout.ROLE)))
                    .containsExactly("牵头", "牵头", "牵头", "配合");
            assertThat(t.allTexts()).doesNotContain("T002", "T006", "T007", "U01", "U03");
            assertThat(t.text(TemplateMarker.SHEET, 0, 1)).isEqualTo(ledgers.currentVersion().orElseThrow().contentHash());
            assertThat(t.text(TemplateMarker.SHEET, 2, 1)).isEqualTo("U02");
        }
        try (OpenedTemplate t = OpenedTemplate.open(folder.resolve("U03-区住房保障和房屋管理局-2024-04.xlsx"))) {
            assertThat(t.column(ReturnLayout.PROGRESS_SHEET, FIRST_TASK_ROW, 0)).containsExactly("T006", "T003", "T005");
        }
    }

    @Test
    void prefillsTheStatusOfTheLatestPeriodBeforeTheTemplatesPeriod() throws Exception {
        ledgers.replace(SmallLedger.ledger(), SmallLedger.HASH, "master/台账.xlsx", Instant.now(), null);
        status("2024-02", "T001", "推进中", null);
        status("2024-02", "T002", "推进中", null);
        status("2024-03", "T001", "已完成", LocalDate.of(2024, 3, 10));
        status("2024-03", "T007", "未启动", null);
        status("2024-04", "T001", "推进中", null);

        run("2024-04");

        try (OpenedTemplate t = OpenedTemplate.open(template("U01-区发展和改革委员会-2024-04.xlsx"))) {
            int status = ProgressSheet.HEADERS.indexOf(ReturnLayout.STATUS);
            int date = ProgressSheet.HEADERS.indexOf(ReturnLayout.COMPLETION_DATE);
            assertThat(t.column(ReturnLayout.PROGRESS_SHEET, FIRST_TASK_ROW, 0)).containsExactly("T001", "T002", "T007", "T003");
            // 2024-03 is the latest period before 2024-04; 2024-02 and 2024-04 do not count
            assertThat(t.column(ReturnLayout.PROGRESS_SHEET, FIRST_TASK_ROW, status)).containsExactly("已完成", "", "未启动", "");
            assertThat(t.column(ReturnLayout.PROGRESS_SHEET, FIRST_TASK_ROW, date)).containsExactly("2024-03-10", "", "", "");
            // the stored ledger keeps a deadline in words as written
            assertThat(t.column(ReturnLayout.PROGRESS_SHEET, FIRST_TASK_ROW, ProgressSheet.HEADERS.indexOf(ReturnLayout.DEADLINE)))
                    .containsExactly("2024-06-30", "长期坚持", "2024年4月底前", "2024-03-31");
        }
    }

    @Test
    void notesOnATasksLineThatTheUnitsRowOfThePeriodBeforeWasNotAdoptedAndWhy() throws Exception {
        ledgers.replace(SmallLedger.ledger(), SmallLedger.HASH, "master/台账.xlsx", Instant.now(), null);
        status("2024-02", "T001", "推进中", null);
        status("2024-03", "T001", "推进中", null);
        long march = returnFile("2024-03", "U01", "accepted", "U01.xlsx");
        jdbc.update("INSERT INTO return_row (file_id, period, unit_code, task_code, lead, status, excel_row) "
                + "VALUES (?, '2024-03', 'U01', 'T002', TRUE, '推进中', 8)", march);
        String reason = "第7行任务“T001”的完成日期2024年4月20日晚于报送日期2024年4月3日，本行未采纳；请核实并更正完成日期";
        exception("2024-03", 1, "invalid-date", "U01", "T001", reason);
        // the later row of T002 was a duplicate, its first row was taken; U02's row of T003 is U02's; February is older
        exception("2024-03", 2, "duplicate-task-row", "U01", "T002", "第9行任务“T002”与第8行重复填报");
        exception("2024-03", 3, "invalid-status", "U02", "T003", "第8行任务“T003”的整改状态“好”无效");
        exception("2024-02", 1, "invalid-status", "U01", "T007", "第8行任务“T007”的整改状态“好”无效");

        run("2024-04");

        assertThat(u01April(ReturnLayout.TASK_CODE)).containsExactly("T001", "T002", "T007", "T003");
        assertThat(u01April(ReturnLayout.REMARK)).containsExactly("上期（2024年3月）报送未采纳：" + reason + "；请本期重新填报", "", "", "");
    }

    @Test
    void showsTheDeadlinesExtendedBeforeThePeriodBesideTheLedgersOwn() throws Exception {
        ledgers.replace(SmallLedger.ledger(), SmallLedger.HASH, "master/台账.xlsx", Instant.now(), null);
        status("2024-03", "T001", "推进中", null);
        extension("2024-02", "T001", true, LocalDate.of(2024, 6, 30), LocalDate.of(2024, 8, 31));
        extension("2024-03", "T001", true, LocalDate.of(2024, 8, 31), LocalDate.of(2024, 9, 30));
        extension("2024-03", "T007", false, LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 31));
        // decided in the template's own period: in force from April's reconcile on, not yet for the unit's template
        extension("2024-04", "T004", true, LocalDate.of(2024, 5, 31), LocalDate.of(2024, 7, 31));

        run("2024-04");

        try (OpenedTemplate t = OpenedTemplate.open(template("U01-区发展和改革委员会-2024-04.xlsx"))) {
            assertThat(t.column(ReturnLayout.PROGRESS_SHEET, FIRST_TASK_ROW, ProgressSheet.HEADERS.indexOf(ReturnLayout.DEADLINE)))
                    .containsExactly("2024-06-30（延期至2024年9月30日）", "长期坚持", "2024年4月底前", "2024-03-31");
            assertThat(List.of(t.text(ExtensionSheet.LIST_SHEET, 0, 0), t.text(ExtensionSheet.LIST_SHEET, 0, 2)))
                    .containsExactly("T001", "2024-06-30（延期至2024年9月30日）");
        }
        try (OpenedTemplate t = OpenedTemplate.open(template("U02-区财政局-2024-04.xlsx"))) {
            assertThat(t.text(ReturnLayout.PROGRESS_SHEET, FIRST_TASK_ROW + 1, ProgressSheet.HEADERS.indexOf(ReturnLayout.DEADLINE)))
                    .isEqualTo("2024-05-31");
        }
    }

    @Test
    void notesOnATasksLineThatItWasReturnedFoundUntrueOrRefusedAnExtensionAndWhy() throws Exception {
        ledgers.replace(SmallLedger.ledger(), SmallLedger.HASH, "master/台账.xlsx", Instant.now(), null);
        // reconcile set the returned task back to 推进中 and cleared its completion date
        status("2024-03", "T001", "推进中", null);
        status("2024-03", "T007", "推进中", null);
        exception("2024-03", 1, "signoff-returned", "U01", "T001", "第一督查组审核意见：验收报告未盖章");
        exception("2024-03", 2, "extension-refused", "U01", "T001", "整改办审批意见：理由不充分");
        exception("2024-03", 3, "recheck-failed", "U01", "T007", "第一督查组复核意见：机制未实际运行");
        // a rejected 延期申请 row is told on the receipt, not in the task's 备注; older periods and other units do not count
        exception("2024-03", 4, "extension-not-lead", "U01", "T003", "第3行任务“T003”不是本单位牵头的任务，不能申请延期");
        exception("2024-02", 1, "signoff-returned", "U01", "T002", "第一督查组审核意见：二月的旧意见");
        exception("2024-03", 5, "signoff-returned", "U02", "T003", "第一督查组审核意见：另一单位的任务");

        run("2024-04");

        assertThat(u01April(ReturnLayout.TASK_CODE)).containsExactly("T001", "T002", "T007", "T003");
        assertThat(u01April(ReturnLayout.STATUS)).containsExactly("推进中", "", "推进中", "");
        assertThat(u01April(ReturnLayout.REMARK)).containsExactly(
                "上期（2024年3月）销号退回：第一督查组审核意见：验收报告未盖章；请整改到位后重新报送已完成并附佐证材料\n"
                        + "上期（2024年3月）延期未批准：整改办审批意见：理由不充分；请按现完成时限完成整改",
                "",
                "上期（2024年3月）回头看复核不属实：第一督查组复核意见：机制未实际运行；请整改到位后重新报送已完成并附佐证材料",
                "");
    }

    @Test
    void prefillsEachUnitsListsFromItsLatestAcceptedReturnOnly() throws Exception {
        ledgers.replace(SmallLedger.ledger(), SmallLedger.HASH, "master/台账.xlsx", Instant.now(), null);
        long february = returnFile("2024-02", "U01", "accepted", "a.xlsx");
        long march = returnFile("2024-03", "U01", "accepted", "b.xlsx");
        long rejected = returnFile("2024-03", "U01", "rejected", "c.xlsx");
        long april = returnFile("2024-04", "U01", "accepted", "d.xlsx");
        long otherUnit = returnFile("2024-03", "U02", "accepted", "e.xlsx");
        institution(february, "U01", "二月的旧清单");
        institution(march, "U01", "产业结构调整三年行动方案");
        institution(march, "U01", "重大项目推进工作规则");
        institution(rejected, "U01", "被拒收文件中的制度");
        institution(april, "U01", "本期之后的制度");
        jdbc.update("INSERT INTO accountability (file_id, period, unit_code, kind, persons, problem_ref, note, excel_row) "
                + "VALUES (?, '2024-03', 'U02', '党纪政务处分', 3, 'P03', '财务违规', 3)", otherUnit);

        run("2024-04");

        try (OpenedTemplate t = OpenedTemplate.open(template("U01-区发展和改革委员会-2024-04.xlsx"))) {
            assertThat(t.column(ReturnLayout.INSTITUTION_SHEET, FIRST_LIST_ROW, 0).stream().filter(s -> !s.isEmpty()))
                    .containsExactly("产业结构调整三年行动方案", "重大项目推进工作规则");
            assertThat(t.column(ReturnLayout.ACCOUNTABILITY_SHEET, FIRST_LIST_ROW, 0).stream().filter(s -> !s.isEmpty())).isEmpty();
        }
        try (OpenedTemplate t = OpenedTemplate.open(template("U02-区财政局-2024-04.xlsx"))) {
            assertThat(t.column(ReturnLayout.INSTITUTION_SHEET, FIRST_LIST_ROW, 0).stream().filter(s -> !s.isEmpty())).isEmpty();
            assertThat(List.of(t.text(ReturnLayout.ACCOUNTABILITY_SHEET, FIRST_LIST_ROW, 0),
                    t.text(ReturnLayout.ACCOUNTABILITY_SHEET, FIRST_LIST_ROW, 1),
                    t.text(ReturnLayout.ACCOUNTABILITY_SHEET, FIRST_LIST_ROW, 2)))
                    .containsExactly("党纪政务处分", "3", "P03");
        }
    }

    @Test
    void failsWithAClearMessageWhenNoLedgerWasImportedNorFound() throws Exception {
        JobExecution execution = run("2024-04");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("整改台账").contains("未导入");
        assertThat(execution.getExecutionContext().getString(EndSummary.SUMMARY_KEY)).contains("未找到整改台账");
        assertThat(output.resolve("templates")).doesNotExist();
    }

    @Test
    void removesTemplatesOfThePeriodForUnitsNoLongerInTheLedger() throws Exception {
        ledgers.replace(SmallLedger.ledger(), SmallLedger.HASH, "master/台账.xlsx", Instant.now(), null);
        Path folder = Files.createDirectories(output.resolve("templates").resolve("2024-04"));
        Files.writeString(folder.resolve("U99-已撤销单位-2024-04.xlsx"), "old");
        Files.writeString(folder.resolve("U01-区发改委-2024-04.xlsx"), "renamed since");
        Files.writeString(folder.resolve("说明.txt"), "kept");
        Files.writeString(folder.resolve("U01-区发展和改革委员会-2024-03.xlsx"), "another period");

        JobExecution execution = run("2024-04");

        assertThat(files(folder)).containsExactly("U01-区发展和改革委员会-2024-03.xlsx", "U01-区发展和改革委员会-2024-04.xlsx",
                "U02-区财政局-2024-04.xlsx", "U03-区住房保障和房屋管理局-2024-04.xlsx", "说明.txt");
        assertThat(execution.getExecutionContext().getString(EndSummary.SUMMARY_KEY)).contains("已删除 2 份");
    }

    @Test
    void refusesAPeriodThatIsNotYearAndMonth() {
        JobOperatorTestUtils utils = new JobOperatorTestUtils(jobOperator, jobRepository);
        utils.setJob(templatesJob);
        assertThatThrownBy(() -> utils.startJob(utils.getUniqueJobParametersBuilder()
                .addString("period", "2024-4").addString("output", output.toString()).toJobParameters()))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("YYYY-MM");
    }

    private JobExecution run(String period) throws Exception {
        JobOperatorTestUtils utils = new JobOperatorTestUtils(jobOperator, jobRepository);
        utils.setJob(templatesJob);
        return utils.startJob(utils.getUniqueJobParametersBuilder()
                .addString("period", period)
                .addString("output", output.toString())
                .toJobParameters());
    }

    /** A column of 整改进展 in U01's template for 2024-04. */
    private List<String> u01April(String header) throws IOException {
        try (OpenedTemplate t = OpenedTemplate.open(template("U01-区发展和改革委员会-2024-04.xlsx"))) {
            return t.column(ReturnLayout.PROGRESS_SHEET, FIRST_TASK_ROW, ProgressSheet.HEADERS.indexOf(header));
        }
    }

    private Path template(String name) {
        return output.resolve("templates").resolve("2024-04").resolve(name);
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private void status(String period, String task, String status, LocalDate completed) {
        jdbc.update("INSERT INTO task_status (period, task_code, status, completion_date, source_period) VALUES (?, ?, ?, ?, ?)",
                period, task, status, completed == null ? null : Date.valueOf(completed), period);
    }

    private long returnFile(String period, String unit, String outcome, String path) {
        jdbc.update("""
                INSERT INTO return_file (period, path, size_bytes, modified_at, unit_code, submitted_on, outcome,
                    has_institutions, has_accountability)
                VALUES (?, ?, 1000, ?, ?, ?, ?, TRUE, TRUE)""",
                period, path, Timestamp.from(Instant.now()), unit, Date.valueOf(LocalDate.parse(period + "-28")), outcome);
        return jdbc.queryForObject("SELECT id FROM return_file WHERE period = ? AND path = ?", Long.class, period, path);
    }

    private void exception(String period, int seq, String rule, String unit, String task, String message) {
        jdbc.update("""
                INSERT INTO rule_exception (period, seq, rule, severity, unit_code, task_code, file, message)
                VALUES (?, ?, ?, 'error', ?, ?, ?, ?)""", period, seq, rule, unit, task, unit + ".xlsx", message);
    }

    private void extension(String period, String task, boolean granted, LocalDate previous, LocalDate requested) {
        jdbc.update("""
                INSERT INTO deadline_extension (period, task_code, granted, previous, requested, extended_to, file, excel_row)
                VALUES (?, ?, ?, ?, ?, ?, '延期审批表.xlsx', 3)""",
                period, task, granted, Date.valueOf(previous), Date.valueOf(requested), granted ? Date.valueOf(requested) : null);
    }

    private void institution(long file, String unit, String name) {
        jdbc.update("INSERT INTO institution (file_id, period, unit_code, name, kind, excel_row, name_key) "
                + "SELECT ?, period, ?, ?, '新建', 3, ? FROM return_file WHERE id = ?", file, unit, name,
                InstitutionIdentity.nameKey(name), file);
    }
}
