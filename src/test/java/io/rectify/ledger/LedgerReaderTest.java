package io.rectify.ledger;

import static io.rectify.ledger.LedgerLayout.*;
import static io.rectify.ledger.LedgerWorkbookFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class LedgerReaderTest {

    @TempDir
    Path dir;

    private final LedgerReader reader = new LedgerReader(30);

    private Ledger read(LedgerWorkbookFixture fixture) {
        LedgerReader.Reading reading = reader.read(fixture.write(dir.resolve(FILE_NAME)));
        assertEquals(List.of(), reading.errors());
        return reading.ledger();
    }

    @Test
    void goodLedgerIsReadWithEveryTableInLedgerOrder() {
        Ledger ledger = read(LedgerWorkbookFixture.standard());

        assertEquals(new LedgerCounts(2, 3, 5, 6, 5, 3), LedgerCounts.of(ledger));
        assertEquals(new LedgerInfo("某区巡视整改", LocalDate.of(2023, 8, 29), 10), ledger.info());
        assertEquals(List.of("第一督查组", "第二督查组", "第三督查组"), ledger.groups());
        assertEquals(new Unit("U01", "区发展改革委", "第一督查组", "张伟", "64120001"), ledger.units().get(0));
        assertEquals(new Unit("U03", "区科委", "第二督查组", null, null), ledger.units().get(2));
        assertEquals(List.of(new Category(1, CATEGORY_1), new Category(2, CATEGORY_2)), ledger.categories());
        assertEquals(List.of(new FeedbackPoint(1, 1, POINT_1), new FeedbackPoint(2, 1, POINT_2),
                new FeedbackPoint(3, 2, POINT_3)), ledger.feedbackPoints());
        assertEquals(new Problem("P03", 1, 2, "企业服务机制不健全"), ledger.problems().get(2));
        assertEquals(new Problem("P05", 2, null, "监督检查发现问题整改不彻底"), ledger.problems().get(4));
        assertEquals(List.of("T01", "T02", "T03", "T04", "T05", "T06"), ledger.tasks().stream().map(Task::code).toList());
    }

    @Test
    void leadByNameCooperatorsAndEveryDeadlineFormAreResolved() {
        Map<String, Task> tasks = read(LedgerWorkbookFixture.standard()).tasks().stream()
                .collect(Collectors.toMap(Task::code, Function.identity()));

        // Excel date cell, text 2024年3月31日, 长期坚持, text 2024/6/30
        assertEquals(Deadline.on(LocalDate.of(2023, 12, 31)), tasks.get("T01").deadline());
        assertEquals(Deadline.on(LocalDate.of(2024, 3, 31)), tasks.get("T02").deadline());
        assertEquals(Deadline.NONE, tasks.get("T03").deadline());
        assertTrue(tasks.get("T03").longTerm());
        assertEquals(Deadline.on(LocalDate.of(2024, 6, 30)), tasks.get("T04").deadline());
        // 牵头单位 given by name
        assertEquals("U02", tasks.get("T02").leadUnit());
        // 配合单位 "U02、区科委", "U01,U04", "区发展改革委；\nU03": codes and names, in unit order
        assertEquals(List.of("U02", "U03"), tasks.get("T01").cooperators());
        assertEquals(List.of("U01", "U04"), tasks.get("T03").cooperators());
        assertEquals(List.of("U01", "U03"), tasks.get("T05").cooperators());
        assertEquals(List.of(), tasks.get("T02").cooperators());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2023年12月底          | 2023-12-31
            2023年底              | 2023-12-31
            2023年末              | 2023-12-31
            2024年内              | 2024-12-31
            2024年6月前           | 2024-06-30
            2024年6月底前         | 2024-06-30
            2024年六月底          | 2024-06-30
            2024年2月底           | 2024-02-29
            2024年12月31日前      | 2024-12-31
            2024年上半年          | 2024-06-30
            2024年下半年          | 2024-12-31
            2024年第三季度        | 2024-09-30
            2024年一季度          | 2024-03-31
            2024年第1季度         | 2024-03-31
            2024年Q2              | 2024-06-30
            ２０２４年 ６月底前   | 2024-06-30
            """)
    void wordedDeadlineIsTheLastDayItNamesAndKeepsItsWords(String written, LocalDate day) {
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        fixture.tasks().set(3, DEADLINE, " " + written + "\u3000");

        Task task = read(fixture).tasks().get(3);

        assertEquals(new Deadline(written, day), task.deadline());
        assertTrue(task.deadline().worded());
    }

    @Test
    void monthThatExcelTurnedIntoItsFirstDayIsReadAsTheMonthAsShown() {
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        fixture.tasks().set(3, DEADLINE, new Shown(LocalDate.of(2024, 6, 1), "yyyy\"年\"m\"月\""))
                .set(4, DEADLINE, new Shown(LocalDate.of(2024, 9, 30), "m/d/yy"));

        List<Task> tasks = read(fixture).tasks();

        assertEquals(new Deadline("2024年6月", LocalDate.of(2024, 6, 30)), tasks.get(3).deadline());
        assertEquals(Deadline.on(LocalDate.of(2024, 9, 30)), tasks.get(4).deadline());
    }

    @Test
    void immediateDeadlineIsTheFeedbackDatePlusTheConfiguredDays() {
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        fixture.tasks().set(3, DEADLINE, "立行立改");
        Path file = fixture.write(dir.resolve(FILE_NAME));

        assertEquals(new Deadline(Deadline.IMMEDIATE, LocalDate.of(2023, 9, 28)),
                new LedgerReader(30).read(file).ledger().tasks().get(3).deadline());
        assertEquals(LocalDate.of(2023, 9, 8), new LedgerReader(10).read(file).ledger().tasks().get(3).deadline().date());
    }

    @Test
    void codesOfChineseLettersInnerDotsAndFullWidthFormsAreAccepted() {
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        fixture.units().set(0, UNIT_CODE, "发改-01");
        fixture.tasks().set(0, LEAD_UNIT, "发改-01").set(5, LEAD_UNIT, "发改-01").set(2, COOPERATORS, "发改-01,U04");
        fixture.problems().set(0, PROBLEM_CODE, "1.1");
        fixture.tasks().set(0, PROBLEM_CODE, "1.1").set(1, PROBLEM_CODE, "1.1").set(0, TASK_CODE, "ｔ＿０１");

        Ledger ledger = read(fixture);

        assertEquals("发改-01", ledger.units().get(0).code());
        assertEquals("1.1", ledger.problems().get(0).code());
        assertEquals("T_01", ledger.tasks().get(0).code());
    }

    @Test
    void synonymsReorderedColumnsTitleRowsAndUnknownColumnsAreRead() {
        Ledger expected = read(LedgerWorkbookFixture.standard());
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        fixture.units().rename(UNIT_CODE, "代码").rename(UNIT_NAME, "单位").rename(GROUP, " 督查组\u3000")
                .order(GROUP, CONTACT, UNIT_NAME, PHONE, UNIT_CODE)
                .titles("某区巡视整改", "责任单位表", "", "制表：区委巡视整改办");
        fixture.problems().rename(DESCRIPTION, "问题").order(DESCRIPTION, FEEDBACK_POINT, PROBLEM_CODE, CATEGORY)
                .extra("备注", "见附件").titles();
        fixture.tasks().rename(TASK_CODE, "措施编号").rename(MEASURE, "任务内容").rename(LEAD_UNIT, "责任单位")
                .rename(DEADLINE, "整改\n时限").rename(COOPERATORS, "配合单位*")
                .order(DEADLINE, COOPERATORS, LEAD_UNIT, MEASURE, PROBLEM_CODE, TASK_CODE)
                .extra("序号", 1).titles("任务清单（第三版）");
        fixture.tasks().set(1, LEAD_UNIT, " 区财政局\u3000").set(0, TASK_CODE, "ｔ０１");

        assertEquals(expected, read(fixture));
    }

    @Test
    void cellsMergedDownOverProblemRowsCountForEveryRow() {
        Ledger expected = read(LedgerWorkbookFixture.standard());
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        fixture.problems().mergeDown(CATEGORY, 0, 2).mergeDown(FEEDBACK_POINT, 0, 1).mergeDown(CATEGORY, 3, 4);

        assertEquals(expected, read(fixture));
    }

    @Test
    void missingInfoSheetGivesTheDefaults() {
        Ledger ledger = read(LedgerWorkbookFixture.standard().without(INFO_SHEET));

        assertEquals(new LedgerInfo(LedgerInfo.DEFAULT_TITLE, null, LedgerInfo.DEFAULT_CUTOFF_DAY), ledger.info());
    }

    @Test
    void everyErrorOfEverySheetIsReportedAtOnceInSheetRowColumnOrder() {
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard().info(FEEDBACK_DATE, "去年八月");
        fixture.tasks().set(3, DEADLINE, "六月底").set(2, LEAD_UNIT, "区审计局").set(0, PROBLEM_CODE, "");
        fixture.units().add("U01", "区统计局", "第三督查组");
        fixture.problems().set(4, DESCRIPTION, "");

        LedgerReader.Reading reading = reader.read(fixture.write(dir.resolve(FILE_NAME)));

        assertNull(reading.ledger());
        assertEquals(List.of("基本信息!B3", "责任单位!A9", "问题清单!D8", "任务清单!B4", "任务清单!D6", "任务清单!F7"),
                reading.errors().stream().map(e -> e.sheet() + "!" + e.cell()).toList());
        assertEquals(List.of("去年八月", "U01", "", "", "区审计局", "六月底"),
                reading.errors().stream().map(LedgerError::value).toList());
    }

    @Test
    void lockFilesHiddenFilesAndOtherFilesBesideTheLedgerAreIgnored() throws Exception {
        Path master = dir.resolve(FOLDER);
        Path ledger = LedgerWorkbookFixture.standard().write(master.resolve(FILE_NAME));
        Files.writeString(master.resolve("~$整改台账.xlsx"), "lock");
        Files.writeString(master.resolve(".旧台账.xlsx"), "hidden");
        Files.writeString(master.resolve("说明.docx"), "notes");

        LedgerReader.Located located = reader.locate(master);

        assertEquals(List.of(), located.errors());
        assertEquals(ledger, located.file());
    }

    @Test
    void aFileThatIsNoWorkbookIsReportedAsUnreadable() throws Exception {
        Path file = dir.resolve(FILE_NAME);
        Files.writeString(file, "not a workbook");

        LedgerReader.Reading reading = reader.read(file);

        assertNull(reading.ledger());
        assertEquals(1, reading.errors().size());
        assertEquals(FILE_NAME, reading.errors().get(0).value());
        assertTrue(reading.errors().get(0).reason().startsWith("台账文件无法读取"), reading.errors().get(0).reason());
    }
}
