package io.rectify.sample;

import static io.rectify.sample.SampleProgress.FEBRUARY;
import static io.rectify.sample.SampleProgress.MARCH;

import io.rectify.intake.ReviewLayout;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.review.ExtensionReview;
import io.rectify.review.ExtensionWorkbook;
import io.rectify.review.SignOffReview;
import io.rectify.review.SignOffWorkbook;
import io.rectify.review.SpotCheck;
import io.rectify.rule.TaskStatus;
import io.rectify.rule.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sample's filled review workbooks under {@code <input>/reviews/}: the 销号审核表 the nightly job
 * writes for each of the five supervision groups for 2024-02 and 2024-03, and the 延期审批表 for
 * 2024-02, as the groups and the office send them back. Each is written by the nightly's own writer
 * (io.rectify.review) from what the sample's returns make of the tasks, exactly as the nightly lists
 * them on the period's first night, then filled in ({@link FilledReview}).
 *
 * <h2>2024-02, reviewed 2024-03-08 to 2024-03-14</h2>
 * Every task its lead unit reported 已完成 with a completion date and evidence is 待销号: 351 tasks. The
 * groups sign off all of them (同意销号) but {@link SampleProgress#RETURNED}, returned (退回) with
 * {@link #RETURN_OPINION}, and {@link #FEBRUARY_UNDECIDED}, left blank. {@link SampleProgress#REGRESSION},
 * reported done and signed off, is found not done in March: March's 回头看 lists it as 整改反弹. The
 * office grants one extension and refuses the other ({@link SampleExtensions}).
 *
 * <h2>2024-03, reviewed 2024-04-10 to 2024-04-16</h2>
 * 待销号 are the tasks completed in March with evidence (not the one whose evidence is missing), the
 * February ones left undecided, and the returned task, reported done again. The groups sign off all but
 * {@link #MARCH_UNDECIDED}. On 回头看, beside the regression (nothing to decide), each group's spot-check
 * sample of the tasks it signed off in February: {@link #SPOT_CHECK_GROUP} confirms its first one (属实),
 * the others are not yet checked. No decision of March reopens a task: March's figures stay the bulletin's.
 */
final class SampleReviews {

    static final String RETURN_OPINION = "所附佐证材料仅有工作台账及现场照片，未见街道党工委审定的居村工作事项清单和考核指标目录，"
            + "无法核实清理规范结果。请补充上述材料及在各居村公示的情况后重新报送。";
    /** What the unit writes on the returned task when it reports it done again in March. */
    static final String DONE_AGAIN = "根据第四督查组退回意见，已补充街道党工委审定的居村工作事项清单和考核指标目录，"
            + "并在各居村完成公示，整改已完成。";
    static final String DONE_AGAIN_EVIDENCE = "居村工作事项清单、考核指标目录（党工委会议审定稿）及公示照片";
    /** Reported done in the last days before the 2024-02 returns: the groups had not checked them yet. */
    static final List<String> FEBRUARY_UNDECIDED = List.of("P03-05", "P04-05", "P65-01");
    static final List<String> MARCH_UNDECIDED = List.of("P11-05", "P54-01");
    static final String SPOT_CHECK_GROUP = "第三督查组";
    static final String SPOT_CHECK_OPINION = "经实地核查和调阅台账，整改措施落实到位，未发现问题反弹。";
    /** The default of rectify.spot-check-share, with which the nightly draws the 回头看 sample. */
    static final double SPOT_CHECK_SHARE = 0.10;

    /** 审核人 of each group, in ledger order of the groups. */
    private static final List<String> REVIEWERS = List.of("王建华", "李卫东", "陈国强", "刘晓明", "张志刚");
    /** 审核日期 of each group: workdays in the week after the nightly job wrote the workbooks. */
    private static final Map<YearMonth, List<LocalDate>> REVIEW_DAYS = Map.of(
            FEBRUARY, List.of(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 12),
                    LocalDate.of(2024, 3, 13), LocalDate.of(2024, 3, 14)),
            MARCH, List.of(LocalDate.of(2024, 4, 10), LocalDate.of(2024, 4, 11), LocalDate.of(2024, 4, 12),
                    LocalDate.of(2024, 4, 15), LocalDate.of(2024, 4, 16)));

    private final Ledger ledger;
    private final String ledgerVersion;
    private final Map<YearMonth, List<SampleReturns.Sent>> sent;
    /** Tasks signed off so far, with the period that signed them off. */
    private final Map<String, YearMonth> signedOff = new LinkedHashMap<>();

    SampleReviews(Ledger ledger, String ledgerVersion, Map<YearMonth, List<SampleReturns.Sent>> sent) {
        this.ledger = ledger;
        this.ledgerVersion = ledgerVersion;
        this.sent = sent;
    }

    /** A lead task's accepted row of a used return, and where it is. */
    private record Reported(SampleReturns.Sent sent, SampleReturn.Line line) {

        /** 已完成 with a completion date and evidence: the nightly makes the task 待销号. */
        boolean awaitsSignOff() {
            return line.status() == TaskStatus.COMPLETED && line.completed() != null && !line.evidence().isBlank();
        }
    }

    /** Writes both periods' workbooks under {@code reviewsFolder}, replacing what the period folders held. */
    void write(Path reviewsFolder) throws IOException {
        for (YearMonth period : List.of(FEBRUARY, MARCH)) {
            Path folder = SampleReturns.clean(reviewsFolder.resolve(period.toString()));
            Map<String, Reported> reported = reported(period);
            Map<String, YearMonth> regressions = regressions(reported);
            regressions.keySet().forEach(signedOff::remove);
            List<String> pending = new ArrayList<>();
            List<String> groups = ledger.groups();
            for (int g = 0; g < groups.size(); g++) {
                pending.addAll(signOff(period, groups.get(g), g, reported, regressions, folder));
            }
            requireAwaiting(period, pending);
            if (period.equals(FEBRUARY)) {
                extensions(period, folder);
            }
        }
    }

    /** One group's 销号审核表 of the period, decided; records the tasks it signs off and returns those it lists 待销号. */
    private List<String> signOff(YearMonth period, String group, int index, Map<String, Reported> reported,
                                 Map<String, YearMonth> regressions, Path folder) throws IOException {
        Ledger inForce = ledger.extended(SampleExtensions.inForce(period.minusMonths(1)));
        List<SignOffReview.Pending> pending = new ArrayList<>();
        List<SignOffReview.Recheck> rechecks = new ArrayList<>();
        List<Task> candidates = new ArrayList<>();
        for (Task task : inForce.tasks()) {
            Unit lead = unit(task.leadUnit());
            if (!lead.group().equals(group)) {
                continue;
            }
            Reported row = reported.get(task.code());
            if (regressions.containsKey(task.code())) {
                rechecks.add(recheck(SignOffReview.Reason.REGRESSION, task, lead, regressions.get(task.code()),
                        row.line().status()));
            } else if (signedOff.containsKey(task.code())) {
                candidates.add(task);
            } else if (row != null && row.awaitsSignOff()) {
                SampleReturn.Line line = row.line();
                pending.add(new SignOffReview.Pending(task.code(), task.problemCode(), lead.name(), task.measure(),
                        task.deadline().text(), line.completed(), line.evidence(), line.progress(), period,
                        row.sent().file(), row.sent().rows().tasks().get(task.code())));
            }
        }
        List<Task> sample = SpotCheck.sample(candidates, Task::code, period, group, SPOT_CHECK_SHARE);
        for (Task task : sample) {
            rechecks.add(recheck(SignOffReview.Reason.SPOT_CHECK, task, unit(task.leadUnit()), signedOff.get(task.code()),
                    TaskStatus.COMPLETED));
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        SignOffWorkbook.write(new SignOffReview(ledger.info().title(), period, group, ledgerVersion, pending, rechecks),
                written);

        LocalDate reviewedOn = REVIEW_DAYS.get(period).get(index);
        FilledReview filled = new FilledReview(written.toByteArray())
                .field(ReviewLayout.REVIEWER, REVIEWERS.get(index))
                .field(ReviewLayout.REVIEWED_ON, reviewedOn);
        for (SignOffReview.Pending task : pending) {
            Optional<Verdict> verdict = verdict(period, task.taskCode());
            verdict.ifPresent(v -> filled.decide(ReviewLayout.SIGN_OFF_SHEET, task.taskCode(),
                    ReviewLayout.DECISION, v.word(), ReviewLayout.OPINION, v == Verdict.RETURN ? RETURN_OPINION : null));
            if (verdict.equals(Optional.of(Verdict.SIGN_OFF))) {
                signedOff.put(task.taskCode(), period);
            }
        }
        if (group.equals(SPOT_CHECK_GROUP) && !sample.isEmpty()) {
            filled.decide(ReviewLayout.RECHECK_SHEET, sample.get(0).code(), ReviewLayout.RECHECK_DECISION,
                    Verdict.CONFIRMED.word(), ReviewLayout.RECHECK_OPINION, SPOT_CHECK_OPINION);
        }
        String name = group + (index % 2 == 0 ? ReviewLayout.SIGN_OFF_SUFFIX : "-销号审核表（已审核）.xlsx");
        filled.write(folder.resolve(name), madeOn(period), reviewedOn, REVIEWERS.get(index));
        return pending.stream().map(SignOffReview.Pending::taskCode).toList();
    }

    /** The office's 延期审批表 of the period, decided. */
    private void extensions(YearMonth period, Path folder) throws IOException {
        Ledger before = ledger.extended(SampleExtensions.inForce(period.minusMonths(1)));
        List<ExtensionReview.Request> requests = new ArrayList<>();
        for (Task task : before.tasks()) {
            for (SampleReturns.Sent used : sent.get(period)) {
                Integer row = used.rows().requests().get(task.code());
                if (row == null) {
                    continue;
                }
                SampleExtensions.Request request = used.content().extensions().stream()
                        .filter(r -> r.task().equals(task.code())).findFirst().orElseThrow();
                requests.add(new ExtensionReview.Request(task.code(), task.problemCode(), used.content().unit().name(),
                        task.measure(), task.deadline().original().text(), task.deadline().text(), task.deadline().date(),
                        request.requested(), request.reason(), used.file(), row));
            }
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ExtensionWorkbook.write(new ExtensionReview(ledger.info().title(), period, ledgerVersion, requests), written);
        FilledReview filled = new FilledReview(written.toByteArray())
                .field(ReviewLayout.APPROVER, SampleExtensions.APPROVER)
                .field(ReviewLayout.APPROVED_ON, SampleExtensions.APPROVED_ON);
        for (SampleExtensions.Request decided : SampleExtensions.decided(period)) {
            filled.decide(ReviewLayout.EXTENSION_SHEET, decided.task(), ReviewLayout.EXTENSION_DECISION,
                    decided.verdict().word(), ReviewLayout.GRANTED_TO, decided.grantedTo(),
                    ReviewLayout.EXTENSION_OPINION, decided.opinion());
        }
        filled.write(folder.resolve("延期审批表（" + period.getMonthValue() + "月，已审批）.xlsx"), madeOn(period),
                SampleExtensions.APPROVED_ON, SampleExtensions.APPROVER);
    }

    /** The group's decision on a task 待销号 in the period; empty when left blank. */
    private static Optional<Verdict> verdict(YearMonth period, String task) {
        if (period.equals(FEBRUARY) && task.equals(SampleProgress.RETURNED)) {
            return Optional.of(Verdict.RETURN);
        }
        List<String> undecided = period.equals(FEBRUARY) ? FEBRUARY_UNDECIDED : MARCH_UNDECIDED;
        return undecided.contains(task) ? Optional.empty() : Optional.of(Verdict.SIGN_OFF);
    }

    /**
     * The lead tasks' rows the nightly accepts from the period's used returns, by task: a completion
     * date after the return's date is rejected (invalid-date), 已完成 without a date too.
     */
    private Map<String, Reported> reported(YearMonth period) {
        Map<String, Reported> reported = new HashMap<>();
        for (SampleReturns.Sent used : sent.get(period)) {
            for (SampleReturn.Line line : used.content().leadLines()) {
                boolean done = line.status() == TaskStatus.COMPLETED;
                boolean accepted = !done || line.completed() != null && !line.completed().isAfter(used.content().submittedOn());
                if (accepted && used.rows().tasks().containsKey(line.code())) {
                    reported.put(line.code(), new Reported(used, line));
                }
            }
        }
        return reported;
    }

    /** The tasks signed off before that the period's returns report as not 已完成, with the period that signed them off. */
    private Map<String, YearMonth> regressions(Map<String, Reported> reported) {
        Map<String, YearMonth> regressions = new LinkedHashMap<>();
        signedOff.forEach((code, in) -> {
            if (reported.containsKey(code) && reported.get(code).line().status() != TaskStatus.COMPLETED) {
                regressions.put(code, in);
            }
        });
        return regressions;
    }

    /** The tasks the sample decides on by name must be 待销号 in their period, or the sample tells another story. */
    private static void requireAwaiting(YearMonth period, List<String> pending) {
        List<String> named = new ArrayList<>(period.equals(FEBRUARY) ? FEBRUARY_UNDECIDED : MARCH_UNDECIDED);
        named.add(SampleProgress.RETURNED);
        if (!pending.containsAll(named)) {
            throw new IllegalStateException("not all of " + named + " are 待销号 in " + period);
        }
    }

    private SignOffReview.Recheck recheck(SignOffReview.Reason reason, Task task, Unit lead, YearMonth signedOffIn,
                                          TaskStatus status) {
        return new SignOffReview.Recheck(reason, task.code(), task.problemCode(), lead.name(), task.measure(),
                signedOffIn, status);
    }

    private Unit unit(String code) {
        return ledger.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }

    /** The night after the period's cut-off, when the nightly job wrote the workbooks. */
    private static LocalDate madeOn(YearMonth period) {
        return period.plusMonths(1).atDay(SampleLedger.CUTOFF_DAY + 1);
    }
}
