package io.rectify.consolidate;

/** A problem (问题) and its tasks; it is rectified when all its tasks are 已完成. */
public record ProblemFigures(String code, String category, String feedbackPoint, String description,
                             TaskCount tasks) {

    public boolean rectified() {
        return tasks.total() > 0 && tasks.completed() == tasks.total();
    }
}
