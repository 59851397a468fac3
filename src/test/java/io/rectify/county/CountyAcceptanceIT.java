package io.rectify.county;

import io.rectify.ReceiptFiles;
import static io.rectify.county.CountyTask.JUNE;
import static io.rectify.county.CountyTask.MAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.county.CountyReturns.Kind;
import io.rectify.county.CountyReturns.Sent;
import io.rectify.county.CountyReturns.SentRow;
import io.rectify.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.node.ObjectNode;

/**
 * A county nobody here wrote, run as the office runs it (each command a separate JVM): the ledger
 * of {@link CountyLedger} (36 units, 4 groups, 60 problems, 240 tasks, worded deadlines), the
 * templates job for May 2024, the units' returns of {@link CountyReturns} with May's faults, the
 * nightly job for May; then the office's ledger edit, June's templates and returns, the nightly
 * job for June and May's once more. Judged from what the office and the units read: exceptions.csv, summary.json, the
 * receipts, 异常清单.xlsx and June's templates.
 */
class CountyAcceptanceIT {

    private static final int DUE_SOON_DAYS = 15;

    @TempDir
    static Path root;

    private static final CountyLedger MAY_LEDGER = CountyLedger.original();
    private static final CountyLedger JUNE_LEDGER = MAY_LEDGER.edited();
    private static List<Sent> maySent;
    private static List<Sent> juneSent;
    private static CountyOffice office;

    @BeforeAll
    static void twoNights() throws IOException {
        office = new CountyOffice(root);
        MAY_LEDGER.writeToMaster(office.input());
        office.run("templates", "--period=2024-05");
        maySent = new CountyReturns(MAY_LEDGER, MAY, office.templates(MAY), office.returns()).write(CountyReturns.MAY_FAULTS);
        office.run("nightly", "--period=2024-05");
        FileSystemUtils.copyRecursively(office.output(MAY), published(MAY));

        JUNE_LEDGER.writeToMaster(office.input());
        office.run("templates", "--period=2024-06");
        juneSent = new CountyReturns(JUNE_LEDGER, JUNE, office.templates(JUNE), office.returns()).write(CountyReturns.JUNE_KINDS);
        office.run("nightly", "--period=2024-06");
        // the office runs May once more, as it may at any time: May is judged as it was
        office.run("nightly", "--period=2024-05");
    }

    @Test
    void renamedProgressSheetIsTemplateMismatchOfItsUnitAndGroup() {
        assertRefused(sent(maySent, Kind.RENAMED_SHEET), "template-mismatch");
    }

    @Test
    void returnWithoutStatusColumnIsTemplateMismatchOfItsUnitAndGroup() {
        assertRefused(sent(maySent, Kind.NO_STATUS_COLUMN), "template-mismatch");
    }

    @Test
    void odsNamedAfterItsUnitIsFileUnreadableOfThatUnitSayingHowToSaveAsXlsx() {
        Sent ods = sent(maySent, Kind.ODS);
        assertRefused(ods, "file-unreadable");
        assertThat(fileLines(MAY, ods)).singleElement().satisfies(line -> {
            assertThat(line.get(1)).isEqualTo("error");
            assertThat(line.get(11)).contains(".xlsx", "Excel", "WPS");
        });
    }

    @Test
    void xlsmIsReadLikeXlsx() {
        assertAcceptedWithoutFindings(MAY, sent(maySent, Kind.XLSM));
        assertAcceptedWithoutFindings(JUNE, sent(juneSent, Kind.XLSM));
    }

    @Test
    void emptyValueElementsReadAsBlank() {
        assertAcceptedWithoutFindings(MAY, sent(maySent, Kind.EMPTY_VALUES));
    }

    @Test
    void workbookEncryptedWithTheDefaultPasswordIsRead() {
        assertAcceptedWithoutFindings(MAY, sent(maySent, Kind.DEFAULT_PASSWORD));
    }

    @Test
    void retypedReturnsAreAccepted() {
        for (Sent retyped : List.of(sent(maySent, Kind.RETYPED), sent(maySent, Kind.RETYPED_REORDERED),
                sent(juneSent, Kind.RETYPED), sent(juneSent, Kind.RETYPED_REORDERED))) {
            assertAcceptedWithoutFindings(maySent.contains(retyped) ? MAY : JUNE, retyped);
        }
    }

    /** A refused file reaches its unit: its receipt says so, and its missing-return says a file came and why it was not taken. */
    @Test
    void everyUnitWithARefusedFileIsToldItWasReceivedAndWhyItWasRejected() {
        List<String> wrong = new ArrayList<>();
        for (Sent refused : maySent.stream().filter(s -> s.kind().refused()).toList()) {
            String receipt = receipt(MAY, refused.unit()).text("回执");
            if (!receipt.contains("收到的文件“" + refused.path() + "”未采纳，原因：")) {
                wrong.add(refused.unit() + " receipt does not say 收到的文件“" + refused.path() + "”未采纳，原因：…:\n" + receipt);
            }
            List<List<String>> missing = exceptions(MAY).stream()
                    .filter(line -> line.get(0).equals("missing-return") && line.get(3).equals(refused.unit())).toList();
            if (missing.size() != 1 || missing.get(0).get(11).contains("未收到")
                    || !missing.get(0).get(11).contains(Path.of(refused.path()).getFileName().toString())) {
                wrong.add(refused.unit() + " missing-return should name the received file and never say 未收到: " + missing);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void refusedFilesAreOnTheirGroupsSheetOfTheExceptionList() {
        OutputWorkbook list = OutputWorkbook.read(published(MAY).resolve(ReportWriter.EXCEPTIONS));
        for (Sent refused : maySent.stream().filter(s -> s.kind().refused()).toList()) {
            assertThat(list.text(MAY_LEDGER.unit(refused.unit()).group())).as(refused.path()).contains(refused.path());
        }
    }

    @Test
    void rejectedRowsAreClassifiedAndTheReceiptReadsThemNotAcceptedWithTheReason() {
        Sent sent = sent(maySent, Kind.REJECTED_ROWS);
        List<String> rejected = sent.rows().stream().filter(r -> !r.acceptable()).map(SentRow::task).toList();
        assertThat(rejected).hasSize(3);
        assertThat(fileLines(MAY, sent)).extracting(line -> line.get(0) + " " + line.get(5) + " " + line.get(3))
                .contains("invalid-status " + rejected.get(0) + " " + sent.unit(),
                        "missing-completion-date " + rejected.get(1) + " " + sent.unit());
        assertThat(fileLines(MAY, sent)).filteredOn(line -> line.get(0).equals("unknown-task"))
                .singleElement().satisfies(line -> assertThat(line.get(10)).isEqualTo(CountyReturns.UNKNOWN_TASK));
        OutputWorkbook receipt = receipt(MAY, sent.unit());
        for (String task : rejected.subList(0, 2)) {
            assertThat(receipt.cell("任务情况", "任务编号", task, "本期填报状态")).as(task)
                    .hasValueSatisfying(status -> assertThat(status).startsWith("本期报送未采纳"));
            assertThat(receipt.row("任务情况", "任务编号", task)).as(task)
                    .hasValueSatisfying(line -> assertThat(String.join(" ", line)).contains(rowError(sent, task)));
        }
    }

    /** The unknown task's row is rejected too, and the brief wants it in the task list as 本期报送未采纳 like the others. */
    @Test
    void rowOfAnUnknownTaskReadsNotAcceptedInTheReceiptsTaskList() {
        Sent sent = sent(maySent, Kind.REJECTED_ROWS);
        assertThat(receipt(MAY, sent.unit()).cell("任务情况", "任务编号", CountyReturns.UNKNOWN_TASK, "本期填报状态"))
                .hasValueSatisfying(status -> assertThat(status).startsWith("本期报送未采纳"));
    }

    @Test
    void nextMonthsTemplateSaysLastMonthsEntryWasRejectedAndWhy() throws IOException {
        Sent sent = sent(maySent, Kind.REJECTED_ROWS);
        CountyReturns june = new CountyReturns(JUNE_LEDGER, JUNE, office.templates(JUNE), office.returns());
        Path template = june.templateFile(sent.unit());
        for (SentRow row : sent.rows().stream().filter(r -> !r.acceptable() && !r.task().equals(CountyReturns.UNKNOWN_TASK)).toList()) {
            assertThat(String.join(" ", CountyReturns.line(template, row.task()))).as(row.task())
                    .contains("未采纳", rowError(sent, row.task()));
        }
    }

    @Test
    void cooperatingUnitsBlankRowIsNoException() {
        Sent sent = sent(maySent, Kind.COOPERATOR_BLANK);
        assertThat(sent.blank()).hasSize(1);
        assertThat(exceptions(MAY)).filteredOn(line -> line.get(3).equals(sent.unit()) && line.get(5).equals(sent.blank().get(0)))
                .isEmpty();
    }

    @Test
    void leadUnitsBlankStatusIsTaskNotReported() {
        Sent sent = sent(maySent, Kind.LEAD_BLANK);
        assertThat(exceptions(MAY)).filteredOn(line -> line.get(3).equals(sent.unit()) && line.get(5).equals(sent.blank().get(0)))
                .extracting(line -> line.get(0)).contains("task-not-reported").doesNotContain("invalid-status");
    }

    @Test
    void wordedDeadlinesDriveOverdueAndDueSoonAsTheDayTheyName() {
        for (YearMonth period : List.of(MAY, JUNE)) {
            CountyLedger ledger = period.equals(MAY) ? MAY_LEDGER : JUNE_LEDGER;
            Set<String> expected = new TreeSet<>();
            Set<String> actual = new TreeSet<>();
            for (String unit : CountyLedger.WORDED.keySet()) {
                CountyTask task = CountyLedger.firstLeadTask(ledger.tasks, unit);
                String rule = task.deadlineRule(period, DUE_SOON_DAYS);
                if (rule != null) {
                    expected.add(rule + " " + task.code() + " " + task.deadlineText());
                }
                exceptions(period).stream().filter(line -> line.get(5).equals(task.code())
                                && (line.get(0).equals("overdue") || line.get(0).equals("due-soon")))
                        .forEach(line -> actual.add(line.get(0) + " " + task.code() + " " + task.deadlineText()));
            }
            assertThat(actual).as(period.toString()).isEqualTo(expected);
        }
    }

    @Test
    void wordedDeadlinesAreShownAsWrittenInReceiptsAndTemplates() throws IOException {
        CountyReturns june = new CountyReturns(JUNE_LEDGER, JUNE, office.templates(JUNE), office.returns());
        for (String unit : CountyLedger.WORDED.keySet()) {
            CountyTask task = CountyLedger.firstLeadTask(MAY_LEDGER.tasks, unit);
            String words = CountyLedger.WORDED.get(unit).words();
            for (YearMonth period : List.of(MAY, JUNE)) {
                assertThat(receipt(period, unit).cell("任务情况", "任务编号", task.code(), "完成时限")).as(unit + " " + period)
                        .contains(words);
            }
            assertThat(CountyReturns.line(june.templateFile(unit), task.code())).as(unit).contains(words);
        }
    }

    @Test
    void mayStaysAsPublishedAfterTheLedgerEditAndJunesNight() {
        assertThat(CountyOffice.read(office.output(MAY).resolve(ReportWriter.SUMMARY))).as("May's summary.json run again after June")
                .isEqualTo(CountyOffice.read(published(MAY).resolve(ReportWriter.SUMMARY)));
        assertThat(CountyOffice.read(office.output(MAY).resolve(ReportWriter.EXCEPTIONS_CSV))).as("May's exceptions.csv run again after June")
                .isEqualTo(CountyOffice.read(published(MAY).resolve(ReportWriter.EXCEPTIONS_CSV)));
        JsonNode may = summary(MAY);
        JsonNode trend = null;
        for (JsonNode period : summary(JUNE).get("trend")) {
            if (period.get("period").asString().equals(MAY.toString())) {
                trend = period;
            }
        }
        assertThat(trend).as("June's trend row for May").isNotNull();
        ((ObjectNode) may.get("submissions")).remove("missingUnits");
        for (String figure : List.of("problems", "tasks", "accountability", "institutions", "submissions", "exceptions")) {
            assertThat(trend.get(figure)).as(figure).isEqualTo(may.get(figure));
        }
    }

    @Test
    void ledgerEditChangesJuneOnly() {
        assertThat(summary(MAY).get("tasks").get("total").asInt()).isEqualTo(MAY_LEDGER.tasks.size());
        assertThat(summary(JUNE).get("tasks").get("total").asInt()).isEqualTo(MAY_LEDGER.tasks.size() - 1);
        String moved = MAY_LEDGER.movedTask().code();
        assertThat(rules(MAY, moved)).contains("overdue");
        assertThat(rules(JUNE, moved)).doesNotContain("overdue");
        String handedOver = MAY_LEDGER.handedOverTask().code();
        assertThat(receipt(JUNE, CountyLedger.NEW_LEAD).cell("任务情况", "任务编号", handedOver, "责任类型")).contains("牵头");
        assertThat(receipt(JUNE, CountyLedger.OLD_LEAD).cell("任务情况", "任务编号", handedOver, "责任类型")).isEmpty();
        assertThat(receipt(MAY, CountyLedger.OLD_LEAD).cell("任务情况", "任务编号", handedOver, "责任类型")).contains("牵头");
        String removed = MAY_LEDGER.removedTask().code();
        assertThat(receipt(JUNE, CountyLedger.REMOVED_TASK_UNIT).cell("任务情况", "任务编号", removed, "责任类型")).isEmpty();
    }

    @Test
    void noTemplateIsOutdatedWhenItWasMadeFromTheLedgerInForceForItsPeriod() {
        for (Path outputs : List.of(published(MAY), office.output(MAY), office.output(JUNE))) {
            assertThat(CountyOffice.exceptions(outputs)).as(outputs.toString()).noneMatch(line -> line.get(0).equals("template-outdated"));
        }
    }

    /** Every unit's receipt names each file it sent that period, and gives each row it reported its outcome. */
    @Test
    void everyReceiptNamesEachFileOfItsUnitAndEachReportedRowsOutcome() {
        List<String> wrong = new ArrayList<>();
        for (YearMonth period : List.of(MAY, JUNE)) {
            for (Sent sent : period.equals(MAY) ? maySent : juneSent) {
                OutputWorkbook receipt = receipt(period, sent.unit());
                if (!receipt.text("回执").contains(sent.path())) {
                    wrong.add(period + " " + sent.unit() + ": no " + sent.path());
                }
                for (SentRow row : sent.rows()) {
                    String shown = receipt.cell("任务情况", "任务编号", row.task(), "本期填报状态").orElse("(no line)");
                    // an accepted row shows the status as the unit typed it, a rejected one says so
                    boolean right = row.acceptable() ? shown.equals(row.status()) : shown.startsWith("本期报送未采纳");
                    if (!right) {
                        wrong.add(period + " " + sent.unit() + " " + row.task() + " sent " + row.status() + " shown " + shown);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void assertRefused(Sent sent, String rule) {
        CountyLedger.CountyUnit unit = MAY_LEDGER.unit(sent.unit());
        assertThat(fileLines(MAY, sent)).as(sent.path())
                .extracting(line -> line.get(0) + "|" + line.get(2) + "|" + line.get(3))
                .containsExactly(rule + "|" + unit.group() + "|" + unit.code());
        assertThat(unit(summary(MAY), sent.unit()).get("submitted").asBoolean()).isFalse();
    }

    /** The unit's return is taken, with no exception about the file or its rows but those its content calls for. */
    private static void assertAcceptedWithoutFindings(YearMonth period, Sent sent) {
        assertThat(unit(summary(period), sent.unit()).get("submitted").asBoolean()).as(sent.path()).isTrue();
        assertThat(receipt(period, sent.unit()).cell("回执", "项目", "采纳文件", "内容")).as(sent.unit()).contains(sent.path());
        assertThat(fileLines(period, sent)).as(sent.path()).extracting(line -> line.get(0))
                .allMatch(rule -> Set.of("overdue", "due-soon", "completed-late").contains(rule));
    }

    /** The message of the row error exceptions.csv gives for a task's row of a file. */
    private static String rowError(Sent sent, String task) {
        return fileLines(MAY, sent).stream().filter(line -> line.get(5).equals(task)
                        && Set.of("invalid-status", "missing-completion-date").contains(line.get(0)))
                .map(line -> line.get(11)).findFirst().orElseThrow(() -> new AssertionError("no row error for " + task));
    }

    private static Sent sent(List<Sent> sent, Kind kind) {
        return sent.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    /** The exceptions.csv lines about a file. */
    private static List<List<String>> fileLines(YearMonth period, Sent sent) {
        return exceptions(period).stream().filter(line -> line.get(6).equals(sent.path())).toList();
    }

    private static List<String> rules(YearMonth period, String task) {
        return exceptions(period).stream().filter(line -> line.get(5).equals(task)).map(line -> line.get(0)).toList();
    }

    private static List<List<String>> exceptions(YearMonth period) {
        return CountyOffice.exceptions(published(period));
    }

    private static JsonNode summary(YearMonth period) {
        return CountyOffice.summary(published(period));
    }

    private static JsonNode unit(JsonNode summary, String code) {
        for (JsonNode unit : summary.get("byUnit")) {
            if (unit.get("code").asString().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code);
    }

    private static OutputWorkbook receipt(YearMonth period, String unit) {
        return OutputWorkbook.read(ReceiptFiles.receipt(published(period), unit));
    }

    /**
     * A period's outputs as its own night published them: May's copied aside after the May night,
     * June's where they are. Every assertion but the re-run's reads these.
     */
    private static Path published(YearMonth period) {
        return period.equals(MAY) ? root.resolve("published").resolve(period.toString()) : office.output(period);
    }
}
