package io.rectify.consolidate;

/**
 * Tasks counted by status; overdue and dueSoon are the tasks with an {@code overdue} or
 * {@code due-soon} exception for the period.
 */
public record TaskCount(int total, int completed, int inProgress, int notStarted, int overdue, int dueSoon) {

    /** completed / total, 0 when there is nothing to count. */
    public double rate() {
        return total == 0 ? 0 : (double) completed / total;
    }
}
