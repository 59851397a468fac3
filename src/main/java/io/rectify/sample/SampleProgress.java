package io.rectify.sample;

import static io.rectify.rule.TaskStatus.COMPLETED;
import static io.rectify.rule.TaskStatus.IN_PROGRESS;
import static io.rectify.rule.TaskStatus.NOT_STARTED;

import io.rectify.ledger.Ledger;
import io.rectify.ledger.Task;
import io.rectify.rule.TaskStatus;
import io.rectify.template.InstitutionLine;
import io.rectify.template.KnownStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How far each task of the sample ledger had come by the 2024-02 and the 2024-03 returns: what
 * its lead unit reports. By 2024-03 every task is 已完成 except {@link SampleLedger#UNFINISHED_TASKS}.
 *
 * <ul>
 *   <li>A task with an institution (see {@link SampleLists}) was completed the day it was issued.</li>
 *   <li>A task due by 2024-02-29 was completed in the eight weeks before its deadline, except the
 *       {@link #LATE_FINISHERS}, completed in March after their deadline.</li>
 *   <li>A task due later (or 长期坚持) was completed early, between December and February, for
 *       about {@value #EARLY_PERCENT}% of them, else in March.</li>
 *   <li>Completion dates fall on workdays, never before the feedback date, never after
 *       {@link #LAST_FEBRUARY_DAY} for the 2024-02 returns or {@link #LAST_MARCH_DAY} for the
 *       2024-03 ones, so that no return's date is earlier than the completions it reports.</li>
 *   <li>A task not completed is 推进中, or 未启动 for some of those due after April 2024.</li>
 *   <li>The {@link #REGRESSION} task was reported 已完成 in 2024-02 and is 推进中 again in 2024-03.</li>
 *   <li>The {@link #RETURNED} task was reported 已完成 in 2024-02, returned (退回) by its group's
 *       sign-off review ({@link SampleReviews}), and reported 已完成 again in 2024-03 once the missing
 *       work was done: the template for 2024-03 shows it 推进中, as the templates job prefills it.</li>
 * </ul>
 * Dates and the early share are drawn from a Random with a fixed seed, task by task in ledger order.
 */
final class SampleProgress {

    static final YearMonth FEBRUARY = YearMonth.of(2024, 2);
    static final YearMonth MARCH = YearMonth.of(2024, 3);
    /** The last completion date a 2024-02 return reports: the first returns are dated the day after. */
    static final LocalDate LAST_FEBRUARY_DAY = LocalDate.of(2024, 2, 26);
    /** The last completion date a 2024-03 return reports: the first returns are dated that day. */
    static final LocalDate LAST_MARCH_DAY = LocalDate.of(2024, 3, 28);

    /** Due by February, completed in March: completed-late in the 2024-03 run. */
    static final List<String> LATE_FINISHERS = List.of("P43-01", "P55-02", "P72-05");
    /** One of the unfinished tasks, reported done in February, then found not done (反弹). */
    static final String REGRESSION = "P22-04";
    static final LocalDate REGRESSION_REPORTED_DONE = LocalDate.of(2024, 2, 23);
    /** Reported done in February, returned by its group (退回), done again in March; due after March. */
    static final String RETURNED = "P21-07";
    static final LocalDate RETURNED_DONE_AGAIN = LocalDate.of(2024, 3, 15);
    /** The unfinished task that waits for another (撤制审批) before it can start. */
    static final String WAITING = "P74-04";

    private static final long SEED = 20240331L;
    private static final int EARLY_PERCENT = 45;
    private static final int NOT_STARTED_PERCENT = 15;
    private static final LocalDate EARLY_FROM = LocalDate.of(2023, 12, 1);
    private static final LocalDate LATE_FROM = LocalDate.of(2024, 3, 4);
    private static final LocalDate LATE_TO = LocalDate.of(2024, 3, 22);
    private static final LocalDate NOT_STARTED_AFTER = LocalDate.of(2024, 4, 30);
    private static final int WEEKS_BEFORE_DEADLINE = 8;

    /** A task's status as a return reports it, and its completion date when 已完成. */
    record Progress(TaskStatus status, LocalDate completed) {

        static Progress done(LocalDate date) {
            return new Progress(COMPLETED, date);
        }

        static Progress pending(TaskStatus status) {
            return new Progress(status, null);
        }

        boolean done() {
            return status == COMPLETED;
        }

        KnownStatus known() {
            return new KnownStatus(status, completed);
        }
    }

    private final Map<String, Progress> february = new LinkedHashMap<>();
    private final Map<String, Progress> march = new LinkedHashMap<>();

    private SampleProgress() {
    }

    static SampleProgress plan(Ledger ledger, SampleLists lists) {
        SampleProgress plan = new SampleProgress();
        Random random = new Random(SEED);
        LocalDate earliest = ledger.info().feedbackDate().plusDays(7);
        for (Task task : ledger.tasks()) {
            if (SampleLedger.UNFINISHED_TASKS.contains(task.code())) {
                Progress open = Progress.pending(task.code().equals(WAITING) ? NOT_STARTED : IN_PROGRESS);
                plan.february.put(task.code(), task.code().equals(REGRESSION)
                        ? Progress.done(REGRESSION_REPORTED_DONE) : open);
                plan.march.put(task.code(), open);
                continue;
            }
            LocalDate done = lists.institution(task).map(InstitutionLine::issuedOn).orElseGet(() -> completion(task, random, earliest));
            boolean mayNotStart = task.longTerm() || !task.deadline().date().isBefore(NOT_STARTED_AFTER);
            TaskStatus waiting = mayNotStart && random.nextInt(100) < NOT_STARTED_PERCENT ? NOT_STARTED : IN_PROGRESS;
            plan.february.put(task.code(), done.isAfter(LAST_FEBRUARY_DAY) ? Progress.pending(waiting) : Progress.done(done));
            plan.march.put(task.code(), Progress.done(done));
        }
        plan.requireReturnable(ledger);
        plan.march.put(RETURNED, Progress.done(RETURNED_DONE_AGAIN));
        return plan;
    }

    /** Reopening the returned task must change neither February's deadline rules nor March's. */
    private void requireReturnable(Ledger ledger) {
        Task task = ledger.tasks().stream().filter(t -> t.code().equals(RETURNED)).findFirst().orElseThrow();
        if (!february.get(RETURNED).done() || task.longTerm() || !task.deadline().date().isAfter(MARCH.atEndOfMonth())) {
            throw new IllegalStateException(RETURNED + " must be done in 2024-02 and due after 2024-03");
        }
    }

    private static LocalDate completion(Task task, Random random, LocalDate earliest) {
        if (LATE_FINISHERS.contains(task.code())) {
            return between(random, LATE_FROM, LATE_TO);
        }
        LocalDate due = task.deadline().date();
        if (!task.longTerm() && !due.isAfter(FEBRUARY.atEndOfMonth())) {
            LocalDate from = due.minusWeeks(WEEKS_BEFORE_DEADLINE);
            return between(random, from.isBefore(earliest) ? earliest : from,
                    due.isAfter(LAST_FEBRUARY_DAY) ? LAST_FEBRUARY_DAY : due);
        }
        if (random.nextInt(100) < EARLY_PERCENT) {
            return between(random, EARLY_FROM, LAST_FEBRUARY_DAY);
        }
        return between(random, MARCH.atDay(1), LAST_MARCH_DAY);
    }

    /** A workday from {@code from} to {@code to}: a weekend day moves to the Friday before, or the Monday after. */
    private static LocalDate between(Random random, LocalDate from, LocalDate to) {
        LocalDate day = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        int back = day.getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : day.getDayOfWeek() == DayOfWeek.SUNDAY ? 2 : 0;
        LocalDate friday = day.minusDays(back);
        return friday.isBefore(from) ? day.plusDays(3 - back) : friday;
    }

    /** What the task's lead unit reports for it in {@code period} (2024-02 or 2024-03). */
    Progress of(String taskCode, YearMonth period) {
        Map<String, Progress> plan = period.equals(FEBRUARY) ? february : period.equals(MARCH) ? march : Map.of();
        Progress progress = plan.get(taskCode);
        if (progress == null) {
            throw new IllegalArgumentException("no progress planned for " + taskCode + " in " + period);
        }
        return progress;
    }

    /**
     * The statuses a template for the period after {@code period} is prefilled with: those reconcile
     * keeps after the period's reviews, the {@link #RETURNED} task back to 推进中 in 2024-02.
     */
    Map<String, KnownStatus> known(YearMonth period) {
        Map<String, KnownStatus> known = new LinkedHashMap<>();
        (period.equals(FEBRUARY) ? february : march).forEach((code, progress) -> known.put(code, progress.known()));
        if (period.equals(FEBRUARY)) {
            known.put(RETURNED, Progress.pending(IN_PROGRESS).known());
        }
        return known;
    }
}
