package io.rectify.reconcile;

import io.rectify.ledger.Task;
import io.rectify.rule.Verdict;

/**
 * An accepted row of an accepted 销号审核表 (a review_decision row): the group's 审核结论 on a task awaiting
 * sign-off, or its 复核结论 on a task signed off in an earlier period.
 *
 * @param opinion 审核意见 / 复核意见; null when blank
 * @param row     the Excel row
 */
record ReviewDecision(ReviewFile file, Task task, Verdict verdict, String opinion, int row) {
}
