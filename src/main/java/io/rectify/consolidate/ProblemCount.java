package io.rectify.consolidate;

/**
 * Problems counted: all of them, those rectified (every task 已完成, as reported) and those signed off
 * (every task 已销号).
 */
public record ProblemCount(int total, int completed, int signedOff) {

    /** completed / total, 0 when there is nothing to count. */
    public double rate() {
        return total == 0 ? 0 : (double) completed / total;
    }

    /** signedOff / total, 0 when there is nothing to count. */
    public double signedOffRate() {
        return total == 0 ? 0 : (double) signedOff / total;
    }
}
