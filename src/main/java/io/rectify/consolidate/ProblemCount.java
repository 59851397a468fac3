package io.rectify.consolidate;

/** Problems counted: all of them, and those rectified (every task 已完成). */
public record ProblemCount(int total, int completed) {

    /** completed / total, 0 when there is nothing to count. */
    public double rate() {
        return total == 0 ? 0 : (double) completed / total;
    }
}
