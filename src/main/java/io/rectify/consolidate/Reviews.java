package io.rectify.consolidate;

import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.TaskStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What the period's review workbooks (docs/REVIEWS.md) list, from what reconcile stored for it (after the
 * period's own reviews). Tasks carry the deadline in force for the period; every list is in ledger order.
 *
 * @param ledgerVersion the content hash of the ledger version the period was judged with (the current one when
 *                      none was recorded)
 * @param awaiting      the tasks 待销号
 * @param regressions   the tasks 已销号 in the stored period before this one and reported otherwise in it
 *                      (a {@code regression} of the period); {@link SignedOffTask#status()} is this period's
 * @param signedOff     the tasks 已销号 in an earlier period and still 已销号: the spot check draws from them
 * @param extensions    the period's accepted extension requests (延期申请)
 */
public record Reviews(String ledgerVersion, List<AwaitingSignOff> awaiting, List<SignedOffTask> regressions,
                      List<SignedOffTask> signedOff, List<RequestedExtension> extensions) {

    /** A period with nothing to review. */
    public static final Reviews NONE = new Reviews("", List.of(), List.of(), List.of(), List.of());

    /**
     * A task 待销号 and the lead unit's row that reported it 已完成.
     *
     * @param reportedIn the period whose return set the status (an earlier one when it was carried forward)
     * @param file       that return, relative to its period folder; null when its row is not stored
     * @param row        the row's Excel number; null with {@code file}
     */
    public record AwaitingSignOff(Task task, Unit lead, LocalDate completionDate, String evidence, String progress,
                                  YearMonth reportedIn, String file, Integer row) {
    }

    /** A task signed off in {@code signedOffIn}, with its status of the period. */
    public record SignedOffTask(Task task, Unit lead, YearMonth signedOffIn, TaskStatus status) {
    }

    /**
     * An accepted row of a used return's 延期申请 sheet.
     *
     * @param deadline  the deadline in force when the request was made
     * @param requested 申请延期至
     * @param file      the return, relative to the period folder
     * @param row       the row's Excel number
     */
    public record RequestedExtension(Task task, Unit unit, LocalDate deadline, LocalDate requested, String reason,
                                     String file, int row) {
    }
}
