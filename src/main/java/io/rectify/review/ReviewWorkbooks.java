package io.rectify.review;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.Reviews;
import io.rectify.intake.ReviewLayout;
import io.rectify.ledger.Deadline;
import io.rectify.ledger.Task;
import io.rectify.ops.FileNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The review workbooks of a consolidated period (docs/OUTPUTS.md): a 销号审核表 for every supervision group of the
 * ledger, even one with nothing to review, in {@value ReviewLayout#SIGN_OFF_FOLDER}/, and the 延期审批表.
 */
public final class ReviewWorkbooks {

    private ReviewWorkbooks() {
    }

    /**
     * Writes every review workbook of the period into {@code folder} (the period's output folder).
     *
     * @param spotCheckShare the share of each group's signed-off tasks drawn for the spot check
     * @return the files written, relative to {@code folder}, '/' separated
     */
    public static List<String> write(Consolidation consolidation, double spotCheckShare, Path folder) throws IOException {
        List<String> written = new ArrayList<>();
        for (SignOffReview review : signOffs(consolidation, spotCheckShare)) {
            String name = signOffFile(review.group());
            SignOffWorkbook.write(review, folder.resolve(name));
            written.add(name);
        }
        ExtensionWorkbook.write(extensions(consolidation), folder.resolve(ReviewLayout.EXTENSION_FILE));
        written.add(ReviewLayout.EXTENSION_FILE);
        return written;
    }

    /** A group's 销号审核表, relative to the period folder: {@code 销号审核/<督查组>-销号审核表.xlsx}. */
    public static String signOffFile(String group) {
        return ReviewLayout.SIGN_OFF_FOLDER + "/" + FileNames.safe(group + ReviewLayout.SIGN_OFF_SUFFIX);
    }

    /** One 销号审核表 per group of the ledger, in ledger order. */
    public static List<SignOffReview> signOffs(Consolidation consolidation, double spotCheckShare) {
        Reviews reviews = consolidation.reviews();
        List<SignOffReview> workbooks = new ArrayList<>();
        for (String group : consolidation.groups()) {
            List<SignOffReview.Pending> pending = reviews.awaiting().stream()
                    .filter(t -> group.equals(t.lead().group()))
                    .map(t -> new SignOffReview.Pending(t.task().code(), t.task().problemCode(), t.lead().name(),
                            t.task().measure(), t.task().deadline().text(), t.completionDate(), t.evidence(),
                            t.progress(), t.reportedIn(), t.file(), t.row()))
                    .toList();
            List<SignOffReview.Recheck> rechecks = new ArrayList<>();
            reviews.regressions().stream().filter(t -> group.equals(t.lead().group()))
                    .map(t -> recheck(SignOffReview.Reason.REGRESSION, t)).forEach(rechecks::add);
            List<Reviews.SignedOffTask> candidates = reviews.signedOff().stream()
                    .filter(t -> group.equals(t.lead().group())).toList();
            SpotCheck.sample(candidates, t -> t.task().code(), consolidation.period(), group, spotCheckShare).stream()
                    .map(t -> recheck(SignOffReview.Reason.SPOT_CHECK, t)).forEach(rechecks::add);
            workbooks.add(new SignOffReview(consolidation.title(), consolidation.period(), group,
                    reviews.ledgerVersion(), pending, rechecks));
        }
        return workbooks;
    }

    /** The period's 延期审批表. */
    public static ExtensionReview extensions(Consolidation consolidation) {
        Reviews reviews = consolidation.reviews();
        return new ExtensionReview(consolidation.title(), consolidation.period(), reviews.ledgerVersion(),
                reviews.extensions().stream().map(e -> {
                    Task task = e.task();
                    return new ExtensionReview.Request(task.code(), task.problemCode(), e.unit().name(), task.measure(),
                            task.deadline().original().text(), whenRequested(e).text(), e.deadline(), e.requested(),
                            e.reason(), e.file(), e.row());
                }).toList());
    }

    /**
     * 现完成时限 is the deadline the request was judged against, not the one the period's own 批准 moved it to: the
     * office reads the row (and 批准延期至 is checked) against the deadline the unit asked to move.
     */
    private static Deadline whenRequested(Reviews.RequestedExtension e) {
        Deadline ledger = e.task().deadline().original();
        return e.deadline() == null || e.deadline().equals(ledger.date()) ? ledger : ledger.extendedTo(e.deadline());
    }

    private static SignOffReview.Recheck recheck(SignOffReview.Reason reason, Reviews.SignedOffTask task) {
        return new SignOffReview.Recheck(reason, task.task().code(), task.task().problemCode(), task.lead().name(),
                task.task().measure(), task.signedOffIn(), task.status());
    }
}
