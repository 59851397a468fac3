package io.rectify.report;

import static io.rectify.rule.TaskStatus.COMPLETED;
import static io.rectify.rule.TaskStatus.IN_PROGRESS;
import static io.rectify.rule.TaskStatus.NOT_STARTED;
import static io.rectify.rule.SignOff.AWAITING;
import static io.rectify.rule.SignOff.SIGNED_OFF;

import io.rectify.consolidate.Completion;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.standing.UnitStanding;
import io.rectify.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The headline figures as rows of a table: 总体情况 shows them for the period, 趋势 for every period, 领导摘要 some of them. */
final class Indicators {

    record Indicator(String label, Function<PeriodFigures, Number> value, boolean percent, String note) {
    }

    private static final Indicator PROBLEMS_COMPLETED =
            count("已完成整改问题", f -> f.problems().completed(), "全部整改措施均已完成的问题");
    private static final Indicator PROBLEM_RATE = rate("问题整改率", f -> f.problems().rate(), "已完成整改问题 / 问题总数");
    private static final Indicator TASK_RATE = rate("措施完成率", f -> f.tasks().rate(), "已完成 / 整改措施总数");
    private static final Indicator OVERDUE = count(Rule.OVERDUE.title(), f -> f.tasks().overdue(), "完成时限已过仍未完成");
    private static final Indicator DUE_SOON = count(Rule.DUE_SOON.title(), f -> f.tasks().dueSoon(), "完成时限将至且未完成");
    private static final Indicator ACCEPTED = count("已报送单位", f -> f.submissions().accepted(), "本期报送表已采纳");
    private static final Indicator MISSING =
            count("未报送单位", f -> f.submissions().missing(), "本期无可采纳的报送表，" + UnitStanding.CARRIED_FORWARD);
    private static final Indicator LATE = count("逾期报送单位", f -> f.submissions().late(), "报送日期晚于报送截止日");
    private static final Indicator REJECTED = count("未采纳文件", f -> f.submissions().rejectedFiles(), "文件级错误，整份未采纳");
    private static final Indicator ERRORS = count("异常：错误", f -> f.exceptions().error(), "见异常清单");
    private static final Indicator PROBLEMS_SIGNED_OFF = count(SIGNED_OFF.word() + "问题", f -> f.problems().signedOff(),
            "全部整改措施均已销号的问题");
    private static final Indicator PROBLEM_SIGN_OFF_RATE = rate("问题销号率", f -> f.problems().signedOffRate(),
            SIGNED_OFF.word() + "问题 / 问题总数");
    private static final Indicator AWAITING_SIGN_OFF = count(AWAITING.word(), f -> f.tasks().awaitingSignOff(),
            COMPLETED.word() + "且有完成日期和佐证材料，待督查组验收");
    private static final Indicator SIGNED_OFF_TASKS = count(SIGNED_OFF.word(), f -> f.tasks().signedOff(),
            "督查组验收同意销号");
    private static final Indicator TASK_SIGN_OFF_RATE = rate("措施销号率", f -> f.tasks().signedOffRate(),
            SIGNED_OFF.word() + " / 整改措施总数");

    static final List<Indicator> ALL = List.of(
            count("问题总数", f -> f.problems().total(), "巡视反馈问题清单中的问题"),
            PROBLEMS_COMPLETED,
            PROBLEM_RATE,
            count("整改措施总数", f -> f.tasks().total(), "任务清单中的整改措施"),
            count(COMPLETED.word(), f -> f.tasks().completed(), "整改状态为" + COMPLETED.word()),
            count(IN_PROGRESS.word(), f -> f.tasks().inProgress(), "整改状态为" + IN_PROGRESS.word()),
            count(NOT_STARTED.word(), f -> f.tasks().notStarted(), "整改状态为" + NOT_STARTED.word() + "，含从未报送的措施"),
            TASK_RATE,
            AWAITING_SIGN_OFF,
            SIGNED_OFF_TASKS,
            TASK_SIGN_OFF_RATE,
            PROBLEMS_SIGNED_OFF,
            PROBLEM_SIGN_OFF_RATE,
            OVERDUE,
            DUE_SOON,
            count("党纪政务立案（人）", f -> f.accountability().caseFiled(), "各单位问责情况累计"),
            count("党纪政务处分（人）", f -> f.accountability().disciplined(), "各单位问责情况累计"),
            count("诫勉谈话（人）", f -> f.accountability().admonished(), "各单位问责情况累计"),
            count("组织处理（人）", f -> f.accountability().organizational(), "提醒谈话、批评教育、书面检查、调整职务等"),
            count("新建制度（项）", f -> f.institutions().created(), "多个单位报送的同一制度只计一次"),
            count("修订完善制度（项）", f -> f.institutions().revised(), "多个单位报送的同一制度只计一次"),
            count("应报送单位", f -> f.submissions().expected(), "有牵头任务的单位"),
            ACCEPTED,
            MISSING,
            LATE,
            REJECTED,
            ERRORS,
            count("异常：警告", f -> f.exceptions().warning(), "见异常清单"),
            count("异常：提示", f -> f.exceptions().info(), "见异常清单"));

    /** The figures of progress as reported, then as signed off. */
    private static final List<Indicator> REPORTED_PROGRESS = List.of(PROBLEMS_COMPLETED, PROBLEM_RATE, TASK_RATE);
    private static final List<Indicator> SIGNED_OFF_PROGRESS = List.of(PROBLEMS_SIGNED_OFF, TASK_SIGN_OFF_RATE,
            AWAITING_SIGN_OFF);
    private static final List<Indicator> LAGGING = List.of(OVERDUE, DUE_SOON, ACCEPTED, MISSING, LATE, REJECTED, ERRORS);

    /**
     * The figures 领导摘要 shows with their change since the previous period: progress, reported and signed off,
     * the kind the headline counts (rectify.completed-means) first; then what lags.
     */
    static List<Indicator> summary(Completion completion) {
        List<Indicator> summary = new ArrayList<>(completion.signedOff() ? SIGNED_OFF_PROGRESS : REPORTED_PROGRESS);
        summary.addAll(completion.signedOff() ? REPORTED_PROGRESS : SIGNED_OFF_PROGRESS);
        summary.addAll(LAGGING);
        return List.copyOf(summary);
    }

    private Indicators() {
    }

    private static Indicator count(String label, Function<PeriodFigures, Number> value, String note) {
        return new Indicator(label, value, false, note);
    }

    private static Indicator rate(String label, Function<PeriodFigures, Number> value, String note) {
        return new Indicator(label, value, true, note);
    }
}
