package io.rectify.report;

import io.rectify.consolidate.PeriodFile;
import io.rectify.consolidate.ReceiptTask;
import io.rectify.consolidate.ReturnDeadlines;
import io.rectify.consolidate.UnitFigures;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.ledger.Deadline;
import io.rectify.ledger.Task;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import io.rectify.rule.TaskStatus;
import io.rectify.standing.UnitStanding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a unit must do after its receipt, most important first, each with the day to do it by. A
 * rejected or missing return is sent again (重新报送) by the period's own due date while that is not
 * past, else with the next return; a task due soon is done by its own deadline; everything else is
 * corrected in the next return (在下次报送时更正), as the exceptions' messages say. The 提示 that ask
 * something (a task completed late: give the reason; an institution another unit reports too: agree
 * which reports it) are listed apart, to note and check, without a deadline; the others are counted.
 */
final class ReceiptItems {

    /** The places of one rule's exceptions listed up to this many; the rest are counted (…等12处). */
    private static final int LISTED = 8;
    /** The 提示 that ask the unit something; the others (a superseded, duplicate or skipped file) only inform. */
    private static final Set<Rule> ASKING_NOTICES = EnumSet.of(Rule.COMPLETED_LATE, Rule.DUPLICATE_INSTITUTION,
            Rule.EXTENSION_GRANTED);
    /**
     * The supervisors' and the office's decisions on one task: each is its own item with its opinion, never
     * counted together with others.
     */
    private static final Set<Rule> DECISIONS = EnumSet.of(Rule.SIGNOFF_RETURNED, Rule.RECHECK_FAILED,
            Rule.EXTENSION_REFUSED, Rule.EXTENSION_GRANTED);

    /**
     * One thing to do.
     *
     * @param kind     what it is about: a rule's name, with the count when it covers several exceptions
     * @param what     the case: which file, task or cell, and what is wrong
     * @param action   what to do, in the words of the exceptions' messages
     * @param deadline by when, in prose
     */
    record Item(Severity severity, String kind, String what, String action, String deadline) {
    }

    private ReceiptItems() {
    }

    static List<Item> of(UnitReceipt receipt, LocalDate asOf) {
        List<Item> items = new ArrayList<>();
        returnItem(receipt, asOf).ifPresent(items::add);
        items.addAll(grouped(receipt, asOf, e -> e.severity() != Severity.INFO && asksSomething(e)));
        return List.copyOf(items);
    }

    /** The 提示 that ask the unit something (to explain, to agree with another unit): to note or check, no deadline. */
    static List<Item> toCheck(UnitReceipt receipt, LocalDate asOf) {
        return grouped(receipt, asOf, e -> e.severity() == Severity.INFO && asksSomething(e));
    }

    private static List<Item> grouped(UnitReceipt receipt, LocalDate asOf, Predicate<ExceptionEntry> which) {
        List<Item> items = new ArrayList<>();
        Map<String, Task> tasks = receipt.tasks().stream().map(ReceiptTask::task)
                .collect(Collectors.toMap(Task::code, Function.identity(), (a, b) -> a));
        Map<Rule, List<ExceptionEntry>> byRule = new LinkedHashMap<>();
        receipt.exceptions().stream().filter(which)
                .sorted(Comparator.comparingInt((ExceptionEntry e) -> rank(e.rule())).thenComparing(ExceptionEntry::rule))
                .forEach(e -> byRule.computeIfAbsent(e.rule(), r -> new ArrayList<>()).add(e));
        byRule.forEach((rule, list) -> {
            if (DECISIONS.contains(rule)) {
                list.forEach(e -> items.add(item(rule, List.of(e), tasks, receipt, asOf)));
            } else {
                items.add(item(rule, list, tasks, receipt, asOf));
            }
        });
        return List.copyOf(items);
    }

    /** The 提示 of the receipt that ask nothing: for the unit to note. */
    static long notices(UnitReceipt receipt) {
        return receipt.exceptions().stream().filter(e -> e.severity() == Severity.INFO && !asksSomething(e)).count();
    }

    /**
     * An exception that asks the unit to do something, other than those the return's own item covers
     * (a rejected file, the missing return).
     */
    private static boolean asksSomething(ExceptionEntry e) {
        return (e.severity() != Severity.INFO || ASKING_NOTICES.contains(e.rule())) && !e.rule().rejectsFile()
                && e.rule() != Rule.MISSING_RETURN;
    }

    /**
     * The tasks the supervisors sent back first (退回, 回头看 不属实), then falling behind (overdue, regressed), then
     * the other errors, then what is due soon, the tasks left unreported, the other warnings, and last the
     * reasons for tasks completed late.
     */
    private static int rank(Rule rule) {
        return switch (rule) {
            case SIGNOFF_RETURNED, RECHECK_FAILED -> -1;
            case OVERDUE -> 0;
            case REGRESSION -> 1;
            case DUE_SOON -> 3;
            case TASK_NOT_REPORTED -> 4;
            case COMPLETED_LATE -> 6;
            default -> rule.severity() == Severity.ERROR ? 2 : 5;
        };
    }

    /** The return to send again, or to send at all, when none of the period's was accepted. */
    private static Optional<Item> returnItem(UnitReceipt receipt, LocalDate asOf) {
        UnitFigures unit = receipt.unit();
        if (!unit.expected() || unit.submitted()) {
            return Optional.empty();
        }
        String carried = "牵头任务" + unit.tasks().total() + "条" + UnitStanding.CARRIED_FORWARD + "。";
        String deadline = resubmitBy(receipt.deadlines(), asOf);
        if (unit.rejected().isEmpty()) {
            return Optional.of(new Item(Severity.ERROR, Rule.MISSING_RETURN.title(),
                    "本期未收到报送表，" + carried, "补报本期报送表", deadline));
        }
        String files = unit.rejected().stream().map(f -> "“" + f.path() + "”" + reason(receipt, f))
                .collect(Collectors.joining("；"));
        return Optional.of(new Item(Severity.ERROR, "报送表未采纳",
                "本期报送的文件" + files + (files.endsWith("。") ? "" : "。") + carried, "改正后重新报送", deadline));
    }

    private static String reason(UnitReceipt receipt, PeriodFile file) {
        String reason = receipt.rejection(file);
        return reason.isEmpty() ? "未采纳" : "未采纳，原因：" + reason;
    }

    private static Item item(Rule rule, List<ExceptionEntry> list, Map<String, Task> tasks, UnitReceipt receipt,
                             LocalDate asOf) {
        String kind = list.size() == 1 ? rule.title() : rule.title() + "（" + list.size() + "条）";
        String what;
        if (list.size() == 1) {
            ExceptionEntry e = list.get(0);
            String where = where(e, tasks, true);
            what = mentions(e.message(), e) && !DECISIONS.contains(rule) ? e.message() : where + "：" + e.message();
        } else {
            List<String> places = list.stream().map(e -> where(e, tasks, false)).distinct().toList();
            what = places.stream().limit(LISTED).collect(Collectors.joining("、"))
                    + (places.size() > LISTED ? "等" + places.size() + "处" : "") + "。详见“" + ReceiptWorkbook.TO_FIX + "”表。";
        }
        return new Item(rule.severity(), kind, what, action(rule), deadline(rule, list, tasks, receipt, asOf));
    }

    /** Whether the message already names the exception's task and row. */
    private static boolean mentions(String message, ExceptionEntry e) {
        return (e.taskCode() == null || message.contains(e.taskCode()))
                && (e.row() == null || message.contains("第" + e.row() + "行"));
    }

    /** 任务T03“编制产业地图”（完成时限2024-04-10）, or 第6行D列, or the file. */
    private static String where(ExceptionEntry e, Map<String, Task> tasks, boolean single) {
        StringBuilder where = new StringBuilder();
        Task task = e.taskCode() == null ? null : tasks.get(e.taskCode());
        if (e.taskCode() != null) {
            where.append("任务").append(e.taskCode());
            if (task != null && e.rule().scope() == Rule.Scope.TASK) {
                where.append("“").append(task.measure()).append("”");
                if (e.rule() == Rule.OVERDUE || e.rule() == Rule.DUE_SOON) {
                    where.append("（完成时限").append(task.deadline().text()).append("）");
                }
            }
        }
        if (e.row() != null && !DECISIONS.contains(e.rule())) {
            where.append(where.isEmpty() ? "" : "，").append("第").append(e.row()).append("行")
                    .append(e.column() == null ? "" : e.column() + "列");
        }
        if (where.isEmpty()) {
            where.append(single || e.file() == null ? "本单位" : "“" + e.file() + "”");
        }
        return where.toString();
    }

    private static String action(Rule rule) {
        return switch (rule) {
            case OVERDUE -> "加快整改，在下次报送时报告进展";
            case REGRESSION -> "核实后在下次报送时更正状态或说明原因";
            case SIGNOFF_RETURNED, RECHECK_FAILED -> "按意见整改到位后，在下次报送时将该任务重新报为" + TaskStatus.COMPLETED.word()
                    + "，填写完成日期并补充佐证材料";
            case EXTENSION_REFUSED -> "按现完成时限抓紧推进，在下次报送时报告进展";
            case EXTENSION_GRANTED -> "按延期后的完成时限完成整改";
            case DUE_SOON -> "在完成时限前完成整改";
            case LATE_SUBMISSION -> "下次按时报送";
            case TASK_NOT_REPORTED, MISSING_EVIDENCE -> "在下次报送时补充";
            case LEDGER_FIELD_CHANGED -> "在下次报送时恢复为台账内容";
            case COMPLETION_DATE_CHANGED -> "核实，如有误在下次报送时更正";
            case COMPLETED_LATE -> "在下次报送时于进展情况中说明超期原因";
            case DUPLICATE_INSTITUTION -> "与报送该制度的单位核实，由一个单位报送";
            default -> "在下次报送时更正";
        };
    }

    /**
     * A task due soon by the earliest of the tasks' deadlines (today at the soonest); the rest with the next
     * return, which for a unit without an accepted return is the one it sends again.
     */
    private static String deadline(Rule rule, List<ExceptionEntry> list, Map<String, Task> tasks,
                                   UnitReceipt receipt, LocalDate asOf) {
        if (rule == Rule.DUE_SOON) {
            LocalDate earliest = list.stream().map(e -> tasks.get(e.taskCode())).filter(Objects::nonNull)
                    .map(Task::deadline).map(Deadline::date).filter(Objects::nonNull).min(Comparator.naturalOrder())
                    .orElse(null);
            if (earliest != null) {
                return Periods.by(earliest.isBefore(asOf) ? asOf : earliest, asOf);
            }
        }
        return receipt.resends() ? resubmitBy(receipt.deadlines(), asOf) : Periods.by(receipt.nextReturnDue(), asOf) + "（下次报送）";
    }

    private static String resubmitBy(ReturnDeadlines deadlines, LocalDate asOf) {
        return Periods.by(deadlines.resubmit(), asOf)
                + (deadlines.resubmitWithNextReturn() ? "（本期截止日已过，随下次报送）" : "");
    }
}
