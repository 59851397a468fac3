package io.rectify.consolidate;

/**
 * A supervision group (督查组): its units, how many of those owe a return and sent an
 * accepted one, and their lead tasks counted.
 */
public record GroupFigures(String name, int units, int expected, int submitted, TaskCount tasks) {
}
