package io.rectify.consolidate;

/** A category (方面) summarised by its problems and tasks. */
public record CategoryFigures(int seq, String name, ProblemCount problems, TaskCount tasks) {
}
