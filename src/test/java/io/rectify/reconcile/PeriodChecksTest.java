package io.rectify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.intake.FoundFile;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReturnReader;
import io.rectify.intake.TableRow;
import io.rectify.intake.UnitReturn;
import io.rectify.ops.Parallel;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each workbook is checked on its own as it is read; the period is decided from those results alone. */
class PeriodChecksTest extends ReconcileTestSupport {

    @Test
    void checkedFileNoLongerHoldsTheCellsItWasReadFrom() {
        PeriodFolder folder = period("2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                .row("P01-01", "推进中").row("P01-02", "已完成", "2024-03-15", "", "检查报告")
                .institution("项目联审办法", "闵府〔2024〕9号", "新建").accountability("诫勉谈话", 2, "P01", ""));
        FoundFile found = folder.scan().workbooks().get(0);
        PeriodChecks checks = reconciler.checks(folder.period(), AS_OF, reconciler.currentVersion());
        List<WeakReference<Object>> cells = new ArrayList<>();

        CheckedFile checked = checkKeepingWeakReferences(checks, found, cells);

        assertThat(cells).as("the return and its rows were read").hasSizeGreaterThan(4);
        assertThat(collected(cells)).as("the return and every row of it can be collected while its check is held").isTrue();
        assertThat(checked.rowsRead()).isEqualTo(4);
        assertThat(checked.rows().progress().rows()).extracting(r -> r.task().code()).containsExactly("P01-01", "P01-02");
        assertThat(checked.rows().institutions().rows()).extracting(InstitutionRow::name).containsExactly("项目联审办法");
        assertThat(checked.rows().accountability().rows()).extracting(AccountabilityRow::persons).containsExactly(2);
    }

    @Test
    void rowExceptionsOfAnAcceptedFileAreKeptApartFromItsFileExceptions() {
        PeriodFolder folder = period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").submittedOn("2024-04-08").row("X-1", "推进中"),
                ReturnFixture.unit("U02").period("2024-02").row("X-2", "推进中"));
        PeriodChecks checks = reconciler.checks(folder.period(), AS_OF, reconciler.currentVersion());
        Map<String, CheckedFile> byPath = new LinkedHashMap<>();
        folder.outcomes().forEach((file, outcome) -> byPath.put(file.relative(), checks.check(file, outcome)));

        CheckedFile accepted = byPath.get("U01.xlsx");
        assertThat(accepted.file().accepted()).isTrue();
        assertThat(accepted.fileFindings()).isEmpty();
        assertThat(accepted.useFindings()).extracting(ExceptionEntry::rule)
                .containsExactlyInAnyOrder(Rule.LATE_SUBMISSION, Rule.UNKNOWN_TASK);
        assertThat(accepted.rows()).isNotNull();

        CheckedFile rejected = byPath.get("U02.xlsx");
        assertThat(rejected.file().accepted()).isFalse();
        assertThat(rejected.fileFindings()).extracting(ExceptionEntry::rule).containsExactly(Rule.PERIOD_MISMATCH);
        assertThat(rejected.rows()).as("a rejected file's rows are not checked").isNull();
        assertThat(rejected.useFindings()).isEmpty();
        assertThat(rejected.rowsRead()).as("its rows were read all the same").isEqualTo(1);
    }

    @Test
    void filesCheckedOnSeveralThreadsInAnyOrderStoreTheSameExceptions() throws IOException {
        PeriodFolder folder = period("2024-03").add(
                ReturnFixture.unit("U01").file("U01-初稿.xlsx").period("2024-03").submittedOn("2024-04-02").row("X-99", "推进中"),
                ReturnFixture.unit("U01").period("2024-03").submittedOn("2024-04-08").row("X-1", "推进中")
                        .row("P01-01", "已完成", "2024-03-25", "", "").institution("联审办法", "闵府〔2024〕9号", "新建"),
                ReturnFixture.unit("U02").period("2024-03").row("P02-01", "差不多了").row("P01-01", "推进中")
                        .institution("联审办法", "闵府〔2024〕9号", "新建"),
                ReturnFixture.unit("U03").period("2024-02").row("P02-02", "推进中"),
                ReturnFixture.unreadable("U04.xlsx"));
        reconcile(folder);
        List<ExceptionEntry> inOrder = exceptions("2024-03");
        Map<String, String> outcomesInOrder = outcomes("2024-03");

        List<FoundFile> reversed = new ArrayList<>(folder.scan().workbooks());
        Collections.reverse(reversed);
        PeriodChecks checks = reconciler.checks(folder.period(), AS_OF, reconciler.currentVersion());
        Map<FoundFile, CheckedFile> checked = new LinkedHashMap<>();
        Parallel.forEach(reversed, file -> checks.check(file, folder.outcomes().get(file)), checked::put);
        reconciler.reconcile(checks, folder.scan(), checked, folder.reviews());

        assertThat(inOrder).extracting(ExceptionEntry::rule).contains(Rule.SUPERSEDED, Rule.UNKNOWN_TASK,
                Rule.INVALID_STATUS, Rule.DUPLICATE_INSTITUTION, Rule.PERIOD_MISMATCH, Rule.FILE_UNREADABLE);
        assertThat(inOrder).filteredOn(e -> "U01-初稿.xlsx".equals(e.file())).extracting(ExceptionEntry::rule)
                .as("the superseded file's rows are not checked").containsExactly(Rule.SUPERSEDED);
        assertThat(exceptions("2024-03")).isEqualTo(inOrder);
        assertThat(outcomes("2024-03")).isEqualTo(outcomesInOrder);
    }

    /** The file read and checked here, so that nothing but the weak references keeps what was read. */
    private static CheckedFile checkKeepingWeakReferences(PeriodChecks checks, FoundFile found,
                                                          List<WeakReference<Object>> cells) {
        ReadOutcome outcome = new ReturnReader().read(found);
        UnitReturn read = ((ReadOutcome.Read) outcome).unitReturn();
        cells.add(new WeakReference<>(read));
        for (TableRow row : read.progress().rows()) {
            cells.add(new WeakReference<>(row));
        }
        read.institutions().ifPresent(t -> t.rows().forEach(r -> cells.add(new WeakReference<>(r))));
        read.accountability().ifPresent(t -> t.rows().forEach(r -> cells.add(new WeakReference<>(r))));
        return checks.check(found, outcome);
    }

    private static boolean collected(List<WeakReference<Object>> references) {
        for (int attempt = 0; attempt < 20; attempt++) {
            System.gc();
            if (references.stream().allMatch(r -> r.get() == null)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
