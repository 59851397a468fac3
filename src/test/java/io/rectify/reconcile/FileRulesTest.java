package io.rectify.reconcile;

import static io.rectify.rule.Severity.ERROR;
import static io.rectify.rule.Severity.INFO;
import static io.rectify.rule.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReadOutcome;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file-scope rules of docs/RULES.md and the choice of the return used for each unit. */
class FileRulesTest extends ReconcileTestSupport {

    @Test
    void refusedFilesAreReportedWithTheReadersRuleAndChangeNothing() {
        reconcile(period("2024-03").add(
                ReturnFixture.unreadable("坏文件.xlsx"),
                ReturnFixture.encrypted("加密/U02.xlsx"),
                ReturnFixture.unit("U03").period("2024-03").columns("任务编号", "完成日期").row("P02-02", "2024-03-01"),
                ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中").row("P01-02", "推进中")));

        assertEntry(only("2024-03", Rule.FILE_UNREADABLE), ERROR, null, null, "坏文件.xlsx", null, null, null);
        assertEntry(only("2024-03", Rule.FILE_ENCRYPTED), ERROR, "U02", null, "加密/U02.xlsx", null, null, null);
        ExceptionEntry mismatch = only("2024-03", Rule.TEMPLATE_MISMATCH);
        assertEntry(mismatch, ERROR, "U03", null, "U03.xlsx", ReturnFixture.HEADER_ROW, null, null);
        assertThat(mismatch.sheet()).isEqualTo("整改进展");
        assertThat(mismatch.message()).contains("整改状态");
        assertThat(outcomes("2024-03")).containsOnly(Map.entry("U01.xlsx", "accepted"), Map.entry("U03.xlsx", "rejected"),
                Map.entry("坏文件.xlsx", "rejected"), Map.entry("加密/U02.xlsx", "rejected"));
        assertThat(exceptions("2024-03", Rule.MISSING_RETURN)).extracting(ExceptionEntry::unitCode)
                .containsExactly("U02", "U03");
    }

    @Test
    void refusedFileGoesToTheUnitItsFileNameNamesByWholeCodeOrByTheOneLongestName() {
        reconcile(period("2024-03").add(
                ReturnFixture.unreadable("U02-3月报送.xlsx"),
                ReturnFixture.unreadable("3月_ｕ04.xlsx"),
                ReturnFixture.encrypted("区教育局整改进展.xlsx"),
                ReturnFixture.unreadable("U010.xlsx"),
                ReturnFixture.unreadable("区发改委和区财政局.xlsx"),
                ReturnFixture.unreadable("发改委/报表.xlsx"),
                ReturnFixture.unreadable("U01/报表.xlsx")));

        assertThat(jdbc.sql("SELECT path || ':' || COALESCE(unit_code, '-') FROM return_file ORDER BY path")
                .query(String.class).list()).containsExactlyInAnyOrder("U02-3月报送.xlsx:U02", "3月_ｕ04.xlsx:U04",
                "区教育局整改进展.xlsx:U03", "U010.xlsx:-", "区发改委和区财政局.xlsx:-", "发改委/报表.xlsx:-",
                "U01/报表.xlsx:U01");
        ExceptionEntry encrypted = only("2024-03", Rule.FILE_ENCRYPTED);
        assertEntry(encrypted, ERROR, "U03", null, "区教育局整改进展.xlsx", null, null, null);
        assertThat(encrypted.group()).isEqualTo("第二督查组");
        assertThat(encrypted.unitName()).isEqualTo("区教育局");
        assertThat(outcomes("2024-03")).doesNotContainValue("accepted");
    }

    @Test
    void digitUnitCodeIsNotReadFromADateOrAVersionInTheFileName() {
        Ledger ledger = ledger();
        ledgers.replace(new Ledger(ledger.info(), ledger.groups(), ledger.units().stream()
                        .map(u -> new Unit(u.code().substring(1), u.name(), u.group(), u.contact(), u.phone())).toList(),
                ledger.categories(), ledger.feedbackPoints(), ledger.problems(), ledger.tasks().stream()
                        .map(t -> new Task(t.code(), t.problemCode(), t.measure(), t.leadUnit().substring(1), t.deadline(),
                                t.cooperators().stream().map(c -> c.substring(1)).toList())).toList()),
                LEDGER_VERSION, "整改台账.xlsx", Instant.parse("2024-03-01T00:00:00Z"), null);

        reconcile(period("2024-03").add(
                ReturnFixture.unreadable("2024-03整改报送.xlsx"),
                ReturnFixture.unreadable("整改进展 2024.03.xlsx"),
                ReturnFixture.unreadable("区财政局-04月.xlsx"),
                ReturnFixture.unreadable("整改进展1.03版.xlsx"),
                ReturnFixture.unreadable("03-整改进展.xlsx"),
                ReturnFixture.unreadable("2024年3月15日_04.xlsx"),
                ReturnFixture.unreadable("01号单位3月报送.xlsx")));

        assertThat(jdbc.sql("SELECT path || ':' || COALESCE(unit_code, '-') FROM return_file ORDER BY path")
                .query(String.class).list()).containsExactlyInAnyOrder("2024-03整改报送.xlsx:-", "整改进展 2024.03.xlsx:-",
                "区财政局-04月.xlsx:02", "整改进展1.03版.xlsx:-", "03-整改进展.xlsx:03", "2024年3月15日_04.xlsx:04",
                "01号单位3月报送.xlsx:01");
    }

    @Test
    void refusedFileGoesToTheUnitOfTheFirstClueFoundInItBeforeItsFileName() {
        PeriodFolder folder = period("2024-03").add(
                ReturnFixture.unit("U03").file("U01.xlsx").period("2024-03").columns("任务编号", "完成日期").row("P02-02", ""),
                ReturnFixture.unit("U02").file("报表.xlsx").period("2024-03").columns("任务编号").row("P02-01"));
        // the texts the reader found in each refused file, most trusted first
        Map<String, List<String>> clues = Map.of("U01.xlsx", List.of("X99", " ｕ０３ "), "报表.xlsx", List.of("区 财政局"));
        Map<FoundFile, ReadOutcome> outcomes = new LinkedHashMap<>();
        folder.outcomes().forEach((file, outcome) -> {
            ReadOutcome.Refused r = (ReadOutcome.Refused) outcome;
            outcomes.put(file, new ReadOutcome.Refused(r.rule(), r.sheet(), r.row(), r.column(), r.value(), r.message(),
                    clues.get(file.relative())));
        });

        reconcile(folder.period(), AS_OF, folder.scan(), outcomes);

        assertThat(exceptions("2024-03", Rule.TEMPLATE_MISMATCH)).extracting(ExceptionEntry::file, ExceptionEntry::unitCode)
                .containsExactly(tuple("报表.xlsx", "U02"), tuple("U01.xlsx", "U03"));
        assertThat(exceptions("2024-03", Rule.MISSING_RETURN)).extracting(ExceptionEntry::unitCode)
                .containsExactly("U01", "U02", "U03");
        assertThat(exceptions("2024-03", Rule.MISSING_RETURN).get(0).message()).contains("未收到可采纳的报送表");
    }

    @Test
    void unknownUnitCodeInAFileNamedAfterAUnitGoesToThatUnit() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U99").file("区财政局-2024年3月.xlsx").period("2024-03")
                .row("P02-01", "推进中")));

        ExceptionEntry unknown = only("2024-03", Rule.UNKNOWN_UNIT);
        assertEntry(unknown, ERROR, "U02", null, "区财政局-2024年3月.xlsx", 2, "B", "U99");
        assertThat(outcomes("2024-03")).containsOnly(Map.entry("区财政局-2024年3月.xlsx", "rejected"));
        assertThat(exceptions("2024-03", Rule.MISSING_RETURN)).filteredOn(e -> "U02".equals(e.unitCode()))
                .singleElement().extracting(ExceptionEntry::message).asString().contains("区财政局-2024年3月.xlsx");
    }

    @Test
    void unknownUnitCodeGoesToTheUnitTheTemplateMarkerNamesBeforeTheFileName() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U99").file("U01.xlsx").period("2024-03")
                .marker(LEDGER_VERSION, "U04").row("P02-01", "推进中")));

        assertEntry(only("2024-03", Rule.UNKNOWN_UNIT), ERROR, "U04", null, "U01.xlsx", 2, "B", "U99");
    }

    @Test
    void unknownUnitCodeRejectsTheFileAndIsPinnedToTheNamedUnitWhenThereIsOne() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U99").period("2024-03").row("P01-01", "推进中"),
                ReturnFixture.unit("").name("区财政局").file("财政局.xlsx").period("2024-03").row("P02-01", "推进中")));

        List<ExceptionEntry> unknown = exceptions("2024-03", Rule.UNKNOWN_UNIT);
        assertThat(unknown).hasSize(2);
        // the empty 单位代码 cell, B2, is where the unit must type its code
        assertEntry(unknown.get(0), ERROR, "U02", null, "财政局.xlsx", 2, "B", null);
        assertThat(unknown.get(0).group()).isEqualTo("第一督查组");
        assertThat(unknown.get(0).message()).contains("未填写单位代码");
        assertEntry(unknown.get(1), ERROR, null, null, "U99.xlsx", 2, "B", "U99");
        assertThat(unknown.get(1).message()).contains("“U99”在台账中不存在");
        assertThat(outcomes("2024-03")).containsValues("rejected").doesNotContainValue("accepted");
        assertThat(status("2024-03", "P01-01")).isEqualTo("未启动 null null");
    }

    @Test
    void unitCodeIsFoldedAndAUnitNameTypedAsCodeIsTaken() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit(" ｕ０1 ").file("发改委.xlsx").period("2024-03").row("P01-01", "推进中"),
                ReturnFixture.unit("区财政局").file("财政局.xlsx").period("2024-03").row("P02-01", "推进中")));

        assertThat(exceptions("2024-03", Rule.UNKNOWN_UNIT)).isEmpty();
        assertThat(outcomes("2024-03")).containsOnly(Map.entry("发改委.xlsx", "accepted"), Map.entry("财政局.xlsx", "accepted"));
        assertThat(status("2024-03", "P01-01")).isEqualTo("推进中 null 2024-03");
        assertThat(status("2024-03", "P02-01")).isEqualTo("推进中 null 2024-03");
    }

    @Test
    void unitNameOfAnotherUnitRejectsTheFile() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").name("区财政局").period("2024-03").row("P01-01", "推进中"),
                ReturnFixture.unit("U02").name(" 区 财政局").period("2024-03").row("P02-01", "推进中")));

        ExceptionEntry mismatch = only("2024-03", Rule.UNIT_NAME_MISMATCH);
        assertEntry(mismatch, ERROR, "U01", null, "U01.xlsx", 3, "B", "区财政局");
        assertThat(mismatch.message()).contains("区发改委");
        assertThat(outcomes("2024-03")).containsOnly(Map.entry("U01.xlsx", "rejected"), Map.entry("U02.xlsx", "accepted"));
        assertThat(status("2024-03", "P01-01")).isEqualTo("未启动 null null");
    }

    @Test
    void periodMissingUnreadableOrOfAnotherMonthRejectsTheFile() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").row("P01-01", "推进中"),
                ReturnFixture.unit("U02").period("三月").row("P02-01", "推进中"),
                ReturnFixture.unit("U03").period("2024-02").row("P02-02", "推进中")));

        List<ExceptionEntry> mismatches = exceptions("2024-03", Rule.PERIOD_MISMATCH);
        assertThat(mismatches).hasSize(3);
        assertEntry(mismatches.get(0), ERROR, "U01", null, "U01.xlsx", 4, "B", null);
        assertEntry(mismatches.get(1), ERROR, "U02", null, "U02.xlsx", 4, "B", "三月");
        assertEntry(mismatches.get(2), ERROR, "U03", null, "U03.xlsx", 4, "B", "2024-02");
        assertThat(mismatches.get(2).message()).contains("2024-03");
        assertThat(outcomes("2024-03")).doesNotContainValue("accepted");
    }

    @Test
    void periodInAnyWrittenFormOfTheFolderMonthIsAccepted() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024年3月").row("P01-01", "推进中"),
                ReturnFixture.unit("U02").period(LocalDate.parse("2024-03-01")).row("P02-01", "推进中"),
                ReturnFixture.unit("U03").period("２０２４/3").row("P02-02", "推进中")));

        assertThat(exceptions("2024-03", Rule.PERIOD_MISMATCH)).isEmpty();
        assertThat(outcomes("2024-03")).containsOnlyKeys("U01.xlsx", "U02.xlsx", "U03.xlsx").doesNotContainValue("rejected");
    }

    @Test
    void templateFromAnOlderLedgerIsAcceptedWithAWarning() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").marker("ledger-version-0").row("P01-01", "推进中"),
                ReturnFixture.unit("U02").period("2024-03").marker(LEDGER_VERSION).row("P02-01", "推进中"),
                ReturnFixture.unit("U03").period("2024-03").row("P02-02", "推进中")));

        assertEntry(only("2024-03", Rule.TEMPLATE_OUTDATED), WARNING, "U01", null, "U01.xlsx", null, null, "ledger-version-0");
        assertThat(outcomes("2024-03")).doesNotContainValue("rejected");
        assertThat(status("2024-03", "P01-01")).isEqualTo("推进中 null 2024-03");
    }

    @Test
    void submissionAfterTheCutoffDayIsAcceptedWithAWarning() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").submittedOn("2024-04-08").row("P01-01", "推进中"),
                ReturnFixture.unit("U02").period("2024-03").submittedOn("2024年4月5日").row("P02-01", "推进中"),
                // no 报送日期: the last-modified time counts, as a day in Asia/Shanghai (2024-04-05 17:00 UTC)
                ReturnFixture.unit("U03").period("2024-03").modifiedAt("2024-04-06T01:00").row("P02-02", "推进中"),
                ReturnFixture.unit("U04").period("2024-03").modifiedAt("2024-04-05T23:59")));

        List<ExceptionEntry> late = exceptions("2024-03", Rule.LATE_SUBMISSION);
        assertThat(late).hasSize(2);
        assertEntry(late.get(0), WARNING, "U01", null, "U01.xlsx", 5, "B", "2024-04-08");
        assertThat(late.get(0).message()).startsWith("本期报送截止日为2024年4月5日，本报送表报送日期为2024年4月8日，");
        assertEntry(late.get(1), WARNING, "U03", null, "U03.xlsx", null, null, null);
        assertThat(jdbc.sql("SELECT path FROM return_file WHERE late ORDER BY path").query(String.class).list())
                .containsExactly("U01.xlsx", "U03.xlsx");
        assertThat(outcomes("2024-03")).doesNotContainValue("rejected");
        assertThat(status("2024-03", "P01-01")).isEqualTo("推进中 null 2024-03");
    }

    @Test
    void latestAcceptableFileOfAUnitIsUsedAndTheOthersAreOnlySuperseded() {
        reconcile(period("2024-03").add(
                // by 报送日期; the earlier file's unknown task is not checked
                ReturnFixture.unit("U01").file("U01-初稿.xlsx").period("2024-03").submittedOn("2024-04-02").row("X-99", "推进中"),
                ReturnFixture.unit("U01").file("U01-正式.xlsx").period("2024-03").submittedOn("2024-04-03")
                        .row("P01-01", "已完成", "2024-03-15", "", "联审机制文件").row("P01-02", "推进中"),
                // same 报送日期: by last-modified time
                ReturnFixture.unit("U02").file("z.xlsx").period("2024-03").submittedOn("2024-04-02")
                        .modifiedAt("2024-04-02T09:00").row("P02-01", "未启动"),
                ReturnFixture.unit("U02").file("a.xlsx").period("2024-03").submittedOn("2024-04-02")
                        .modifiedAt("2024-04-02T11:00").row("P02-01", "推进中"),
                // same date and time: by file name
                ReturnFixture.unit("U03").file("b.xlsx").period("2024-03").row("P02-02", "推进中"),
                ReturnFixture.unit("U03").file("c.xlsx").period("2024-03").row("P02-02", "已完成", "2024-03-02", "", "通知")));

        assertThat(outcomes("2024-03")).containsOnly(Map.entry("U01-初稿.xlsx", "superseded"), Map.entry("U01-正式.xlsx", "accepted"),
                Map.entry("a.xlsx", "accepted"), Map.entry("z.xlsx", "superseded"),
                Map.entry("b.xlsx", "superseded"), Map.entry("c.xlsx", "accepted"));
        List<ExceptionEntry> superseded = exceptions("2024-03", Rule.SUPERSEDED);
        assertThat(superseded).extracting(ExceptionEntry::file).containsExactly("U01-初稿.xlsx", "z.xlsx", "b.xlsx");
        assertEntry(superseded.get(0), INFO, "U01", null, "U01-初稿.xlsx", null, null, null);
        assertThat(superseded.get(0).message()).contains("U01-正式.xlsx", "本文件已被替代，未使用");
        assertThat(exceptions("2024-03")).filteredOn(e -> "U01-初稿.xlsx".equals(e.file()))
                .extracting(ExceptionEntry::rule).containsExactly(Rule.SUPERSEDED);
        assertThat(status("2024-03", "P01-01")).isEqualTo("已完成 2024-03-15 2024-03");
        assertThat(status("2024-03", "P02-01")).isEqualTo("推进中 null 2024-03");
        assertThat(status("2024-03", "P02-02")).isEqualTo("已完成 2024-03-02 2024-03");
    }

    @Test
    void byteIdenticalCopyIsADuplicateOfTheFirstByPathAndNeverOfItself() {
        ReturnFixture original = ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中");
        PeriodFolder folder = period("2024-03").add(original, original.copyAs("副本/U01.xlsx"));

        reconcile(folder);
        reconcile(folder);

        assertEntry(only("2024-03", Rule.DUPLICATE_FILE), INFO, "U01", null, "副本/U01.xlsx", null, null, null);
        assertThat(outcomes("2024-03")).containsOnly(Map.entry("U01.xlsx", "accepted"), Map.entry("副本/U01.xlsx", "duplicate"));
        assertThat(exceptions("2024-03", Rule.SUPERSEDED)).isEmpty();

        Map.Entry<FoundFile, ReadOutcome> file = folder.outcomes().entrySet().iterator().next();
        reconcile(folder.period(), AS_OF, new PeriodScan(folder.period(), List.of(file.getKey(), file.getKey()),
                List.of()), Map.of(file.getKey(), file.getValue()));
        assertThat(exceptions("2024-03", Rule.DUPLICATE_FILE)).isEmpty();
        assertThat(outcomes("2024-03")).containsOnly(Map.entry("U01.xlsx", "accepted"));
    }

    @Test
    void returnSavedAsXlsIsCheckedLikeAnXlsx() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").file("发改委/U01.xls").period("2024-03").submittedOn(LocalDate.parse("2024-04-03"))
                        .row("P01-01", "已完成", LocalDate.parse("2024-03-10"), "", "纪要")
                        .row("P01-02", "已完成", "2024-04-20", "", "报告")
                        .institution("重大项目联审机制", "", "新建")));

        assertThat(outcomes("2024-03")).containsOnly(Map.entry("发改委/U01.xls", "accepted"));
        assertEntry(only("2024-03", Rule.INVALID_DATE), ERROR, "U01", "P01-02", "发改委/U01.xls", 9, "C", "2024-04-20");
        assertThat(status("2024-03", "P01-01")).isEqualTo("已完成 2024-03-10 2024-03");
        assertThat(jdbc.sql("SELECT name FROM institution").query(String.class).list()).containsExactly("重大项目联审机制");
    }

    @Test
    void skippedFileGoesToTheUnitItsPathNames() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中"))
                .otherFile("U04.pdf").otherFile("区教育局/说明.docx").otherFile("~$U02.xlsx"));

        assertThat(exceptions("2024-03", Rule.SKIPPED_FILE)).extracting(ExceptionEntry::file, ExceptionEntry::unitCode,
                ExceptionEntry::group).containsExactlyInAnyOrder(tuple("U04.pdf", "U04", "第二督查组"),
                tuple("区教育局/说明.docx", "U03", "第二督查组"), tuple("~$U02.xlsx", null, null));
        assertThat(jdbc.sql("SELECT path || ':' || COALESCE(unit_code, '-') FROM return_file ORDER BY path")
                .query(String.class).list()).containsExactlyInAnyOrder("U01.xlsx:U01", "U04.pdf:U04",
                "区教育局/说明.docx:U03", "~$U02.xlsx:-");
    }

    @Test
    void otherFilesAreListedAsSkipped() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中"))
                .otherFile("说明.docx").otherFile("~$U01.xlsx").otherFile(".U02.xlsx"));

        List<ExceptionEntry> skipped = exceptions("2024-03", Rule.SKIPPED_FILE);
        assertThat(skipped).extracting(ExceptionEntry::file).containsExactly(".U02.xlsx", "~$U01.xlsx", "说明.docx");
        assertEntry(skipped.get(2), INFO, null, null, "说明.docx", null, null, null);
        assertThat(skipped.get(1).message()).contains("锁定文件");
        assertThat(outcomes("2024-03")).containsOnly(Map.entry("U01.xlsx", "accepted"), Map.entry("说明.docx", "skipped"),
                Map.entry("~$U01.xlsx", "skipped"), Map.entry(".U02.xlsx", "skipped"));
    }
}
