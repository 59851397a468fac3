package io.rectify.ledger;

import java.util.List;

/** The whole master ledger (整改台账) as read from the workbook or loaded from the database, in ledger order. */
public record Ledger(LedgerInfo info, List<String> groups, List<Unit> units, List<Category> categories,
                     List<FeedbackPoint> feedbackPoints, List<Problem> problems, List<Task> tasks) {
}
