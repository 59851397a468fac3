package io.rectify.consolidate;

import io.rectify.ledger.Category;
import io.rectify.ledger.FeedbackPoint;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.Problem;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ledger looked up by code, every list kept in ledger order. */
final class LedgerLookup {

    private final Ledger ledger;
    private final Map<String, Unit> units;
    private final Map<Integer, String> categories;
    private final Map<Integer, String> feedbackPoints;
    private final Map<String, List<Task>> tasksByProblem = new LinkedHashMap<>();
    private final Map<String, List<Task>> leadTasks = new LinkedHashMap<>();
    private final Map<String, Integer> unitOrder = new HashMap<>();
    private final Map<String, Integer> taskOrder = new HashMap<>();

    LedgerLookup(Ledger ledger) {
        this.ledger = ledger;
        this.units = ledger.units().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
        this.categories = ledger.categories().stream().collect(Collectors.toMap(Category::seq, Category::title));
        this.feedbackPoints = ledger.feedbackPoints().stream()
                .collect(Collectors.toMap(FeedbackPoint::seq, FeedbackPoint::title));
        for (int i = 0; i < ledger.units().size(); i++) {
            unitOrder.put(ledger.units().get(i).code(), i);
        }
        for (int i = 0; i < ledger.tasks().size(); i++) {
            taskOrder.put(ledger.tasks().get(i).code(), i);
        }
        for (Task task : ledger.tasks()) {
            tasksByProblem.computeIfAbsent(task.problemCode(), k -> new ArrayList<>()).add(task);
            leadTasks.computeIfAbsent(task.leadUnit(), k -> new ArrayList<>()).add(task);
        }
    }

    Ledger ledger() {
        return ledger;
    }

    /** The ledger's unit, or a unit known only by its code (a unit dropped from a re-imported ledger). */
    Unit unit(String code) {
        Unit unit = units.get(code);
        return unit != null ? unit : new Unit(code, code, "", null, null);
    }

    /** The ledger's task of a code; null when the ledger has none. */
    Task task(String code) {
        Integer index = taskOrder.get(code);
        return index == null ? null : ledger.tasks().get(index);
    }

    int taskOrder(String code) {
        return taskOrder.getOrDefault(code, Integer.MAX_VALUE);
    }

    int unitOrder(String code) {
        return unitOrder.getOrDefault(code, Integer.MAX_VALUE);
    }

    String category(int seq) {
        return categories.getOrDefault(seq, "");
    }

    String feedbackPoint(Integer seq) {
        return seq == null ? "" : feedbackPoints.getOrDefault(seq, "");
    }

    List<Task> tasksOf(Problem problem) {
        return tasksByProblem.getOrDefault(problem.code(), List.of());
    }

    List<Task> leadTasksOf(Unit unit) {
        return leadTasks.getOrDefault(unit.code(), List.of());
    }

    /**
     * The tasks a unit's receipt lists, in ledger order: those it leads and those of {@code reported}
     * (task codes of its accepted or rejected rows) that it cooperates on.
     */
    List<Task> tasksOfUnit(Unit unit, Collection<String> reported) {
        List<Task> tasks = new ArrayList<>(leadTasksOf(unit));
        for (String code : reported) {
            Integer index = taskOrder.get(code);
            if (index != null && ledger.tasks().get(index).cooperators().contains(unit.code())
                    && !ledger.tasks().get(index).leadUnit().equals(unit.code())) {
                tasks.add(ledger.tasks().get(index));
            }
        }
        tasks.sort(Comparator.comparingInt(t -> taskOrder.get(t.code())));
        return tasks;
    }

    /** A return is expected from a unit that leads at least one task. */
    boolean expected(Unit unit) {
        return !leadTasksOf(unit).isEmpty();
    }
}
