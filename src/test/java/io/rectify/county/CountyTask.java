package io.rectify.county;

import io.rectify.ledger.Deadline;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A task of the county ledger and its true progress in May and June 2024, which the lead unit's
 * returns report.
 *
 * @param deadlineCell what the ledger's 整改时限 cell holds: a date cell, a typed text, 长期坚持 or words
 * @param due          the day the deadline names, null for 长期坚持
 */
record CountyTask(String code, String problem, String measure, String lead, List<String> cooperators, Object deadlineCell,
                  LocalDate due, Progress may, Progress june) {

    static final YearMonth MAY = YearMonth.of(2024, 5);
    static final YearMonth JUNE = YearMonth.of(2024, 6);

    static final String NOT_STARTED = "未启动";
    static final String IN_PROGRESS = "推进中";
    static final String COMPLETED = "已完成";

    /** A status and, when completed, the completion date. */
    record Progress(String status, LocalDate completed) {
    }

    /** A deadline in words, the day it names, and the task's progress in May and June. */
    record Worded(String words, LocalDate day, String may, LocalDate mayDone, String june, LocalDate juneDone) {
    }

    /**
     * Task number {@code t} of the ledger: its deadline and progress follow from the number, never
     * completed after its deadline and never going back.
     */
    static CountyTask generic(int t, String code, String problem, String lead, List<String> cooperators) {
        Object cell = switch (t % 8) {
            case 0, 6 -> Deadline.LONG_TERM;
            case 1 -> LocalDate.of(2023, 12, 31);
            case 2 -> LocalDate.of(2024, 3, 31);
            case 3 -> "2024年6月30日";
            case 4 -> "2024/9/30";
            case 5 -> LocalDate.of(2024, 12, 31);
            default -> LocalDate.of(2024, 6, 10);
        };
        LocalDate due = switch (t % 8) {
            case 0, 6 -> null;
            case 3 -> LocalDate.of(2024, 6, 30);
            case 4 -> LocalDate.of(2024, 9, 30);
            default -> (LocalDate) cell;
        };
        String measure = "围绕问题%s落实第%d项整改措施（%s）".formatted(problem, t + 1, MEASURES[t % MEASURES.length]);
        CountyTask task = new CountyTask(code, problem, measure, lead, cooperators, cell, due, null, null);
        if (due == null) {
            return task.withProgress(IN_PROGRESS, null, IN_PROGRESS, null);
        }
        return switch (t % 5) {
            case 0, 1 -> {
                LocalDate done = earlier(due.minusDays(3), LocalDate.of(2024, 5, 8).minusDays(t % 20));
                yield task.withProgress(COMPLETED, done, COMPLETED, done);
            }
            case 2 -> task.withProgress(IN_PROGRESS, null, COMPLETED, earlier(due.minusDays(1), LocalDate.of(2024, 6, 12)));
            case 3 -> task.withProgress(IN_PROGRESS, null, IN_PROGRESS, null);
            default -> task.withProgress(NOT_STARTED, null, IN_PROGRESS, null);
        };
    }

    private static final String[] MEASURES = {"建立健全长效机制", "开展专项整治行动", "修订完善管理制度", "组织集中学习培训",
            "开展督促检查", "建立问题销号台账", "召开专题民主生活会", "推进信息化平台建设"};

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    CountyTask withProgress(String may, LocalDate mayDone, String june, LocalDate juneDone) {
        return new CountyTask(code, problem, measure, lead, cooperators, deadlineCell, due, new Progress(may, mayDone),
                new Progress(june, juneDone));
    }

    CountyTask worded(Worded worded) {
        return withDeadline(worded.words(), worded.day())
                .withProgress(worded.may(), worded.mayDone(), worded.june(), worded.juneDone());
    }

    CountyTask withDeadline(Object cell, LocalDate day) {
        return new CountyTask(code, problem, measure, lead, cooperators, cell, day, may, june);
    }

    /** The task given to another lead unit, which is then no longer among its cooperators. */
    CountyTask withLead(String unit) {
        return new CountyTask(code, problem, measure, unit, cooperators.stream().filter(c -> !c.equals(unit)).toList(),
                deadlineCell, due, may, june);
    }

    Progress progress(YearMonth period) {
        return period.equals(MAY) ? may : june;
    }

    /** The deadline as the ledger writes it, for a text cell or a receipt: words as typed, a date as yyyy-MM-dd. */
    String deadlineText() {
        return deadlineCell instanceof LocalDate date ? date.toString() : deadlineCell.toString();
    }

    /** Whether the task is overdue or due soon (within {@code dueSoonDays}) on a period's last day, if its status stands. */
    String deadlineRule(YearMonth period, int dueSoonDays) {
        LocalDate asOf = period.atEndOfMonth();
        if (due == null || progress(period).status().equals(COMPLETED)) {
            return null;
        }
        if (due.isBefore(asOf)) {
            return "overdue";
        }
        return due.isAfter(asOf.plusDays(dueSoonDays)) ? null : "due-soon";
    }
}
