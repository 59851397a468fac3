package io.rectify.consolidate;

import io.rectify.ops.RectifyProperties.CompletedMeans;
import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;

/**
 * What the headline figures count as done (rectify.completed-means), and the word every output names
 * it by: the units' reported 已完成 (the default, as the published bulletin counts), or the
 * supervisors' 已销号. Only the headline follows it; tables showing both keep both.
 */
public record Completion(CompletedMeans means) {

    public boolean signedOff() {
        return means == CompletedMeans.SIGNED_OFF;
    }

    /** 已完成 or 已销号: what a counted task is. */
    public String word() {
        return signedOff() ? SignOff.SIGNED_OFF.word() : TaskStatus.COMPLETED.word();
    }

    /** 已完成整改 or 已销号: what a counted problem is. */
    public String problemWord() {
        return signedOff() ? SignOff.SIGNED_OFF.word() : "已完成整改";
    }

    /** 尚未完成整改 or 尚未销号: what a problem not counted is. */
    public String notDoneWord() {
        return signedOff() ? "尚未销号" : "尚未完成整改";
    }

    public int tasks(TaskCount count) {
        return signedOff() ? count.signedOff() : count.completed();
    }

    public double taskRate(TaskCount count) {
        return signedOff() ? count.signedOffRate() : count.rate();
    }

    public int problems(ProblemCount count) {
        return signedOff() ? count.signedOff() : count.completed();
    }

    public double problemRate(ProblemCount count) {
        return signedOff() ? count.signedOffRate() : count.rate();
    }

    /** The property's value as written in configuration and summary.json: reported / signed-off. */
    public String code() {
        return means.name().toLowerCase().replace('_', '-');
    }
}
