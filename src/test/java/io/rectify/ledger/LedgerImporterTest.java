package io.rectify.ledger;

import static io.rectify.ledger.LedgerLayout.*;
import static io.rectify.ledger.LedgerWorkbookFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rectify.TempFolderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class LedgerImporterTest extends TempFolderContext {

    private static final List<String> LEDGER_TABLES = List.of("task_cooperator", "task", "problem", "feedback_point",
            "category", "unit", "supervision_group", "ledger_version");

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerRepository repository;
    @Autowired
    JdbcClient jdbc;

    private final Path input = root.resolve("input");
    private final Path master = input.resolve(FOLDER);

    @BeforeEach
    void emptyDatabaseAndInput() throws IOException {
        jdbc.sql("DELETE FROM task_status").update();
        LEDGER_TABLES.forEach(t -> jdbc.sql("DELETE FROM " + t).update());
        replaceMaster(in -> { });
    }

    /** One kind of ledger error: how to break the standard ledger, and the one error it must give. */
    record Broken(String kind, Consumer<Path> writeInput, String sheet, int row, String column, String value,
                  String reason) {

        static Broken of(String kind, Consumer<LedgerWorkbookFixture> change, String sheet, int row, String column,
                         String value, String reason) {
            return new Broken(kind, in -> {
                LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
                change.accept(fixture);
                fixture.writeToMaster(in);
            }, sheet, row, column, value, reason);
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    static Stream<Broken> brokenLedgers() {
        return Stream.of(
                Broken.of("duplicate unit code", f -> f.units().add("u01 ", "区审计局", "第三督查组"),
                        UNITS_SHEET, 9, "A", "u01", "单位代码重复：第4行"),
                Broken.of("duplicate unit name", f -> {
                    f.units().add("U06", "区财政局", "第三督查组");
                    f.tasks().add("T07", "P05", "开展专项督查", "U06", "", Deadline.LONG_TERM);
                }, UNITS_SHEET, 9, "B", "区财政局", "单位名称重复：第5行"),
                Broken.of("duplicate problem code", f -> f.problems().add("P01", CATEGORY_2, "", "重复的问题"),
                        PROBLEMS_SHEET, 9, "A", "P01", "问题编号重复：第4行"),
                Broken.of("duplicate task code", f -> f.tasks().add("T03", "P05", "重复的任务", "U01", "", Deadline.LONG_TERM),
                        TASKS_SHEET, 10, "A", "T03", "任务编号重复：第6行"),
                Broken.of("task whose problem does not exist", f -> f.tasks().add("T07", "P99", "开展专项督查", "U01", "",
                        Deadline.LONG_TERM), TASKS_SHEET, 10, "B", "P99", "问题编号在问题清单中不存在"),
                Broken.of("lead unit that does not exist", f -> f.tasks().set(3, LEAD_UNIT, "区审计局"),
                        TASKS_SHEET, 7, "D", "区审计局", "牵头单位在责任单位表中不存在"),
                Broken.of("cooperating unit that does not exist", f -> f.tasks().set(1, COOPERATORS, "U03、区审计局"),
                        TASKS_SHEET, 5, "E", "U03、区审计局", "配合单位“区审计局”在责任单位表中不存在"),
                Broken.of("problem without task", f -> f.problems().add("P06", CATEGORY_2, POINT_3, "没有任务的问题"),
                        PROBLEMS_SHEET, 9, "A", "P06", "没有任何整改任务"),
                Broken.of("unit without task", f -> f.units().add("U06", "区审计局", "第三督查组"),
                        UNITS_SHEET, 9, "A", "U06", "既不牵头也不配合任何任务"),
                Broken.of("bad deadline", f -> f.tasks().set(3, DEADLINE, "2024年13月31日"),
                        TASKS_SHEET, 7, "F", "2024年13月31日", "完成时限无法识别"),
                Broken.of("deadline in words that name no day", f -> f.tasks().set(3, DEADLINE, "2024年年中"),
                        TASKS_SHEET, 7, "F", "2024年年中", "如 2024年6月底、2024年6月前、2023年底）、半年或季度（如 2024年上半年"),
                Broken.of("deadline typed as 2024.10 that Excel stored as the number 2024.1",
                        f -> f.tasks().set(3, DEADLINE, 2024.10), TASKS_SHEET, 7, "F", "2024.1",
                        "完成时限“2024.1”是一个数字，不是日期；请将单元格设为文本后写成“2024年10月底”，或填写日期"),
                Broken.of("deadline typed as the number 2024.6", f -> f.tasks().set(3, DEADLINE, 2024.6),
                        TASKS_SHEET, 7, "F", "2024.6", "是一个数字，不是日期"),
                Broken.of("立行立改 without 反馈日期, told once", f -> {
                    f.info(FEEDBACK_DATE, null);
                    f.tasks().set(3, DEADLINE, Deadline.IMMEDIATE).set(4, DEADLINE, " 立行立改 ");
                }, TASKS_SHEET, 7, "F", Deadline.IMMEDIATE, "基本信息中没有可用的反馈日期"),
                Broken.of("unit code that climbs out of the receipts folder", f -> {
                    f.units().add("../../U54", "区审计局", "第三督查组");
                    f.tasks().add("T07", "P05", "开展专项审计", "../../U54", "", Deadline.LONG_TERM);
                }, UNITS_SHEET, 9, "A", "../../U54", "单位代码含有不允许的字符“/”：单位代码只能由字母、数字、汉字和“-”“_”组成"),
                Broken.of("problem code of a hidden file", f -> {
                    f.problems().set(4, PROBLEM_CODE, ".P05");
                    f.tasks().set(5, PROBLEM_CODE, ".P05");
                }, PROBLEMS_SHEET, 8, "A", ".P05", "问题编号含有不允许的字符“.”（位置不对）"),
                Broken.of("task code with a backslash", f -> f.tasks().set(5, TASK_CODE, "T\\06"),
                        TASKS_SHEET, 9, "A", "T\\06", "任务编号含有不允许的字符“\\”"),
                Broken.of("unit code that is a device name", f -> {
                    f.units().set(4, UNIT_CODE, "nul");
                    f.tasks().set(4, LEAD_UNIT, "nul");
                }, UNITS_SHEET, 8, "A", "nul", "单位代码是系统保留的设备名"),
                Broken.of("task code over 40 characters", f -> f.tasks().set(5, TASK_CODE, "T" + "0".repeat(40)),
                        TASKS_SHEET, 9, "A", "T" + "0".repeat(40), "任务编号过长（41 个字符）"),
                Broken.of("missing required column", f -> f.tasks().drop(DEADLINE),
                        TASKS_SHEET, 3, "", "", "表头行（第3行）缺少必填列“完成时限”（也可写作“整改时限”）"),
                Broken.of("missing sheet", f -> f.without(PROBLEMS_SHEET), PROBLEMS_SHEET, 0, "", "", "缺少工作表“问题清单”"),
                Broken.of("blank required value", f -> f.units().set(1, GROUP, ""), UNITS_SHEET, 5, "C", "", "“督查组”为空"),
                Broken.of("bad feedback date", f -> f.info(FEEDBACK_DATE, "2023年8月"),
                        INFO_SHEET, 3, "B", "2023年8月", "反馈日期无法识别"),
                Broken.of("bad cut-off day", f -> f.info(CUTOFF_DAY, 35), INFO_SHEET, 4, "B", "35", "报送截止日无法识别"),
                new Broken("two ledger files", in -> {
                    Path ledger = LedgerWorkbookFixture.standard().writeToMaster(in);
                    copy(ledger, ledger.resolveSibling("整改台账(1).xlsx"));
                }, "", 0, "", "整改台账(1).xlsx、整改台账.xlsx", "有 2 个台账工作簿，只能有一个"),
                new Broken("no ledger file", in -> write(in.resolve(FOLDER).resolve("说明.docx")),
                        "", 0, "", "说明.docx", "未找到整改台账"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLedgers")
    void eachLedgerErrorIsReportedWithItsCellAndStoresNothing(Broken broken) {
        replaceMaster(broken.writeInput());
        LedgerImport first = importer.importFrom(master);

        assertEquals(LedgerImport.Outcome.REJECTED, first.outcome());
        assertEquals(1, first.errors().size(), () -> first.summary());
        LedgerError error = first.errors().get(0);
        assertEquals(List.of(broken.sheet(), broken.row(), broken.column(), broken.value()),
                List.of(error.sheet(), error.row(), error.column(), error.value()));
        assertTrue(error.reason().contains(broken.reason()), error.reason());
        LEDGER_TABLES.forEach(t -> assertEquals(0, rows(t), t + " must stay empty"));

        replaceMaster(in -> LedgerWorkbookFixture.standard().writeToMaster(in));
        assertEquals(LedgerImport.Outcome.IMPORTED, importer.importFrom(master).outcome());
        Ledger previous = repository.load();
        List<LedgerVersion> versions = repository.versions();

        replaceMaster(broken.writeInput());
        LedgerImport again = importer.importFrom(master);

        assertEquals(LedgerImport.Outcome.REJECTED, again.outcome());
        assertEquals(first.errors(), again.errors());
        assertEquals(versions, repository.versions());
        assertEquals(previous, repository.load());
        assertEquals(new LedgerCounts(2, 3, 5, 6, 5, 3), again.counts());
    }

    @Test
    void goodLedgerIsStoredAsItReadsWithItsHashAsTheFirstVersion() throws Exception {
        Path file = LedgerWorkbookFixture.standard().writeToMaster(input);

        LedgerImport result = importer.importFrom(master);

        assertEquals(LedgerImport.Outcome.IMPORTED, result.outcome());
        assertTrue(result.changed());
        assertEquals(new LedgerReader(30).read(file).ledger(), repository.load());
        LedgerVersion version = repository.versions().get(0);
        assertEquals(List.of(version), repository.versions());
        assertEquals(sha256(file), version.contentHash());
        assertEquals(FILE_NAME, version.sourceFile());
        assertEquals(new LedgerCounts(2, 3, 5, 6, 5, 3), repository.counts());
        assertEquals("台账已导入: 2 个方面 / 3 个反馈问题 / 5 项问题 / 6 条整改措施 / 5 个责任单位 / 3 个督查组（整改台账.xlsx，版本 "
                + version.id() + "）", result.summary());
    }

    @Test
    void reimportingTheUnchangedLedgerIsANoOp() {
        LedgerWorkbookFixture.standard().writeToMaster(input);
        importer.importFrom(master);
        List<LedgerVersion> versions = repository.versions();

        LedgerImport again = importer.importFrom(master);

        assertEquals(LedgerImport.Outcome.UNCHANGED, again.outcome());
        assertFalse(again.changed());
        assertEquals(versions, repository.versions());
        assertEquals(versions.get(0), again.version());
        assertEquals(new LedgerCounts(2, 3, 5, 6, 5, 3), again.counts());
        assertTrue(again.summary().startsWith("台账未变化，无需重新导入: 2 个方面 / 3 个反馈问题 / 5 项问题 / 6 条整改措施"),
                again.summary());
    }

    @Test
    void changedLedgerBecomesANewVersionReplacingTheMasterListWhileTaskStatusHistorySurvives() {
        LedgerWorkbookFixture.standard().writeToMaster(input);
        importer.importFrom(master);
        LedgerVersion first = repository.currentVersion().orElseThrow();
        jdbc.sql("INSERT INTO task_status (period, task_code, status, completion_date, source_period) VALUES "
                + "('2024-02', 'T01', '已完成', DATE '2024-02-20', '2024-02'), ('2024-02', 'T06', '推进中', NULL, '2024-02')")
                .update();

        LedgerWorkbookFixture changed = LedgerWorkbookFixture.standard();
        changed.tasks().set(0, MEASURE, "出台并落实重点区域高质量发展实施意见")
                .add("T07", "P05", "建立整改长效机制", "U02", "U05", "2024-12-31");
        replaceMaster(changed::writeToMaster);
        LedgerImport result = importer.importFrom(master);

        assertEquals(LedgerImport.Outcome.IMPORTED, result.outcome());
        List<LedgerVersion> versions = repository.versions();
        assertEquals(2, versions.size());
        assertEquals(first, versions.get(0));
        assertNotEquals(first.contentHash(), versions.get(1).contentHash());
        Ledger stored = repository.load();
        assertEquals(7, stored.tasks().size());
        assertEquals("出台并落实重点区域高质量发展实施意见", stored.tasks().get(0).measure());
        assertEquals(List.of("U05"), stored.tasks().get(6).cooperators());
        assertEquals(List.of("2024-02 T01 已完成 2024-02-20", "2024-02 T06 推进中 null"),
                jdbc.sql("SELECT period, task_code, status, completion_date FROM task_status ORDER BY task_code")
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                                + rs.getString(4))
                        .list());
    }

    @Test
    void ledgerRevertedToAnEarlierVersionBecomesTheCurrentOneAgain() throws Exception {
        Path original = LedgerWorkbookFixture.standard().writeToMaster(input);
        Path kept = root.resolve("kept.xlsx");
        copy(original, kept);
        importer.importFrom(master);
        LedgerWorkbookFixture changed = LedgerWorkbookFixture.standard();
        changed.tasks().set(2, DEADLINE, "2024-12-31");
        replaceMaster(changed::writeToMaster);
        importer.importFrom(master);

        replaceMaster(in -> copy(kept, master.resolve(FILE_NAME)));
        LedgerImport reverted = importer.importFrom(master);

        assertEquals(LedgerImport.Outcome.IMPORTED, reverted.outcome());
        assertEquals(sha256(kept), repository.currentVersion().orElseThrow().contentHash());
        assertEquals(2, repository.versions().size());
        assertTrue(repository.load().tasks().get(2).longTerm());
    }

    @Test
    void wordedDeadlinesAreStoredAsWrittenWithTheDayTheyName() {
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        fixture.tasks().set(3, DEADLINE, "2024年6月前").set(4, DEADLINE, Deadline.IMMEDIATE);
        fixture.writeToMaster(input);

        importer.importFrom(master);

        List<Deadline> deadlines = repository.load().tasks().stream().map(Task::deadline).toList();
        assertEquals(new Deadline("2024年6月前", LocalDate.of(2024, 6, 30)), deadlines.get(3));
        assertEquals(new Deadline(Deadline.IMMEDIATE, LocalDate.of(2023, 9, 28)), deadlines.get(4));
        assertEquals(Deadline.on(LocalDate.of(2024, 3, 31)), deadlines.get(1));
        assertEquals(Deadline.NONE, deadlines.get(2));
    }

    @Test
    void anotherNumberOfImmediateDaysRedatesTheUnchangedLedgersImmediateTasks() {
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        fixture.tasks().set(4, DEADLINE, Deadline.IMMEDIATE);
        fixture.writeToMaster(input);
        importer.importFrom(master);
        LedgerImporter tenDays = new LedgerImporter(repository, 10);

        LedgerImport redated = tenDays.importFrom(master);

        assertEquals(LedgerImport.Outcome.IMPORTED, redated.outcome());
        assertEquals(LocalDate.of(2023, 9, 8), repository.load().tasks().get(4).deadline().date());
        assertEquals(1, repository.versions().size());
        assertEquals(LedgerImport.Outcome.UNCHANGED, tenDays.importFrom(master).outcome());
    }

    private int rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private void replaceMaster(Consumer<Path> writeInput) {
        try {
            if (Files.exists(input)) {
                try (Stream<Path> files = Files.walk(input)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(master);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        writeInput.accept(input);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "说明");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
