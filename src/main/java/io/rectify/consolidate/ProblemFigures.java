package io.rectify.consolidate;

/** A problem (问题) and its tasks; it is rectified when all its tasks are 已完成, signed off when all are 已销号. */
public record ProblemFigures(String code, String category, String feedbackPoint, String description,
                             TaskCount tasks) {

    public boolean rectified() {
        return tasks.total() > 0 && tasks.completed() == tasks.total();
    }

    public boolean signedOff() {
        return tasks.total() > 0 && tasks.signedOff() == tasks.total();
    }

    /** Done as the headline counts it (rectify.completed-means). */
    public boolean done(Completion completion) {
        return completion.signedOff() ? signedOff() : rectified();
    }
}
