package io.rectify.consolidate;

/**
 * The period's returns: expected from the units with lead tasks, accepted for those units,
 * missing = expected − accepted, late accepted returns, rejected files (a file-scope error).
 */
public record SubmissionCount(int expected, int accepted, int missing, int late, int rejectedFiles) {
}
