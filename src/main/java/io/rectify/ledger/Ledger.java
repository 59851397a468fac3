package io.rectify.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The whole master ledger (整改台账) as read from the workbook or loaded from the database, in ledger order. */
public record Ledger(LedgerInfo info, List<String> groups, List<Unit> units, List<Category> categories,
                     List<FeedbackPoint> feedbackPoints, List<Problem> problems, List<Task> tasks) {

    /**
     * The ledger with the extensions in force ({@link DeadlineExtensions}): each task of {@code extendedTo}
     * falls due on its day, its ledger deadline kept beside it ({@link Deadline#extendedTo}). 长期坚持 tasks
     * are never extended.
     */
    public Ledger extended(Map<String, LocalDate> extendedTo) {
        if (extendedTo.isEmpty()) {
            return this;
        }
        List<Task> moved = tasks.stream().map(t -> extendedTo.containsKey(t.code()) && !t.longTerm()
                ? t.withDeadline(t.deadline().extendedTo(extendedTo.get(t.code()))) : t).toList();
        return new Ledger(info, groups, units, categories, feedbackPoints, problems, moved);
    }
}
