package io.rectify.consolidate;

/**
 * Tasks counted by status; overdue and dueSoon are the tasks with an {@code overdue} or
 * {@code due-soon} exception for the period. Of the {@code completed} (reported 已完成) ones,
 * {@code awaitingSignOff} are 待销号 and {@code signedOff} 已销号 (io.rectify.rule.SignOff); the rest
 * lack a completion date or evidence and cannot be signed off yet.
 */
public record TaskCount(int total, int completed, int inProgress, int notStarted, int overdue, int dueSoon,
                        int awaitingSignOff, int signedOff) {

    /** completed / total, 0 when there is nothing to count. */
    public double rate() {
        return total == 0 ? 0 : (double) completed / total;
    }

    /** signedOff / total, 0 when there is nothing to count. */
    public double signedOffRate() {
        return total == 0 ? 0 : (double) signedOff / total;
    }
}
