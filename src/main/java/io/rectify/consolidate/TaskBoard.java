package io.rectify.consolidate;

import io.rectify.ledger.Task;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.rule.TaskStatus;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tasks' statuses of one period (a task reconcile recorded nothing for is 未启动) and which
 * tasks the period's exception list calls overdue or due soon: the exception list is the one
 * source of truth for both.
 */
final class TaskBoard {

    private final Map<String, TaskStatusRow> states;
    private final Set<String> overdue;
    private final Set<String> dueSoon;

    TaskBoard(Map<String, TaskStatusRow> states, Collection<ExceptionEntry> exceptions) {
        // not Map.copyOf: a second copy of 400,000 statuses at city size, and its linear probing showed in the profile
        this.states = Collections.unmodifiableMap(states);
        this.overdue = tasksWith(Rule.OVERDUE, exceptions);
        this.dueSoon = tasksWith(Rule.DUE_SOON, exceptions);
    }

    TaskStatusRow state(Task task) {
        return states.getOrDefault(task.code(), TaskStatusRow.NEVER_REPORTED);
    }

    boolean overdue(Task task) {
        return overdue.contains(task.code());
    }

    boolean dueSoon(Task task) {
        return dueSoon.contains(task.code());
    }

    TaskCount count(Collection<Task> tasks) {
        int completed = 0;
        int inProgress = 0;
        int overdueCount = 0;
        int dueSoonCount = 0;
        int awaiting = 0;
        int signedOff = 0;
        for (Task task : tasks) {
            TaskStatusRow state = state(task);
            if (state.status() == TaskStatus.COMPLETED) {
                completed++;
            } else if (state.status() == TaskStatus.IN_PROGRESS) {
                inProgress++;
            }
            awaiting += state.awaitingSignOff() ? 1 : 0;
            signedOff += state.signedOff() ? 1 : 0;
            overdueCount += overdue(task) ? 1 : 0;
            dueSoonCount += dueSoon(task) ? 1 : 0;
        }
        return new TaskCount(tasks.size(), completed, inProgress, tasks.size() - completed - inProgress,
                overdueCount, dueSoonCount, awaiting, signedOff);
    }

    /** A problem's tasks counted as a problem: rectified when it has tasks and all are 已完成, signed off when all are 已销号. */
    ProblemCount problems(Collection<? extends Collection<Task>> problems) {
        int rectified = 0;
        int signedOff = 0;
        for (Collection<Task> tasks : problems) {
            rectified += !tasks.isEmpty() && tasks.stream().allMatch(t -> state(t).status() == TaskStatus.COMPLETED) ? 1 : 0;
            signedOff += !tasks.isEmpty() && tasks.stream().allMatch(t -> state(t).signedOff()) ? 1 : 0;
        }
        return new ProblemCount(problems.size(), rectified, signedOff);
    }

    private static Set<String> tasksWith(Rule rule, Collection<ExceptionEntry> exceptions) {
        return exceptions.stream()
                .filter(e -> e.rule() == rule && e.taskCode() != null)
                .map(ExceptionEntry::taskCode)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
