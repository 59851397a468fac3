package io.rectify.reconcile;

import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerInfo;
import io.rectify.ledger.Problem;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.workbook.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The master ledger looked up the way returns need it: codes as units type them (folded with
 * {@link Texts#code}), unit names, each unit's lead tasks and the ledger order of groups, units and tasks.
 */
final class LedgerIndex {

    /** What a unit is to a task. */
    enum Role { LEAD, COOPERATING, NONE }

    /** Separators of several codes in one reference cell, as the ledger's 配合单位 allows them. */
    private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\r\\n]+");

    private final Ledger ledger;
    private final Map<String, Unit> unitsByCode = new HashMap<>();
    private final Map<String, Unit> unitsByName = new HashMap<>();
    private final Map<String, Task> tasksByCode = new HashMap<>();
    private final Map<String, Problem> problemsByCode = new HashMap<>();
    private final Map<String, Integer> groupOrder = new HashMap<>();
    private final Map<String, Integer> unitOrder = new HashMap<>();
    private final Map<String, Integer> taskOrder = new HashMap<>();
    private final Map<String, List<Task>> leadTasks = new HashMap<>();

    LedgerIndex(Ledger ledger) {
        this.ledger = ledger;
        for (int i = 0; i < ledger.groups().size(); i++) {
            groupOrder.put(ledger.groups().get(i), i);
        }
        for (int i = 0; i < ledger.units().size(); i++) {
            Unit unit = ledger.units().get(i);
            unitsByCode.put(Texts.code(unit.code()), unit);
            unitsByName.put(Texts.code(unit.name()), unit);
            unitOrder.put(unit.code(), i);
        }
        for (int i = 0; i < ledger.tasks().size(); i++) {
            Task task = ledger.tasks().get(i);
            tasksByCode.put(folded(task.code()), task);
            taskOrder.put(task.code(), i);
            leadTasks.computeIfAbsent(task.leadUnit(), k -> new ArrayList<>()).add(task);
        }
        ledger.problems().forEach(p -> problemsByCode.put(Texts.code(p.code()), p));
    }

    /** The index of the ledger with the deadlines {@code extendedTo} in force ({@link Ledger#extended}); this one when there is none. */
    LedgerIndex extended(Map<String, LocalDate> extendedTo) {
        return extendedTo.isEmpty() ? this : new LedgerIndex(ledger.extended(extendedTo));
    }

    /** A code folded with {@link Texts#code}; the code itself when folding leaves it as it is (one string, not two, per task). */
    private static String folded(String code) {
        String folded = Texts.code(code);
        return folded.equals(code) ? code : folded;
    }

    /**
     * The ledger's supervision group a typed name stands for (spaces and full-width forms folded); empty when none.
     */
    Optional<String> group(String typed) {
        String folded = Texts.code(typed);
        return folded.isEmpty() ? Optional.empty()
                : ledger.groups().stream().filter(g -> Texts.code(g).equals(folded)).findFirst();
    }

    /** The ledger group whose name a path holds (the longest when several do); empty when none. */
    Optional<String> groupInPath(String path) {
        String folded = Texts.code(path);
        return ledger.groups().stream().filter(g -> !g.isBlank() && folded.contains(Texts.code(g)))
                .max(Comparator.comparingInt(String::length));
    }

    LedgerInfo info() {
        return ledger.info();
    }

    List<Unit> units() {
        return ledger.units();
    }

    List<Task> tasks() {
        return ledger.tasks();
    }

    Unit unit(String code) {
        return unitsByCode.get(Texts.code(code));
    }

    Optional<Unit> unitByCode(String typed) {
        return Optional.ofNullable(unitsByCode.get(Texts.code(typed)));
    }

    /** A unit by its name, white space and full-width forms ignored. */
    Optional<Unit> unitByName(String typed) {
        return Optional.ofNullable(unitsByName.get(Texts.code(typed)));
    }

    /** A unit by its code, or by its name typed where the code belongs (the ledger accepts either too). */
    Optional<Unit> unitByCodeOrName(String typed) {
        return unitByCode(typed).or(() -> unitByName(typed));
    }

    Optional<Task> task(String typed) {
        return Optional.ofNullable(tasksByCode.get(Texts.code(typed)));
    }

    Optional<Problem> problem(String typed) {
        return Optional.ofNullable(problemsByCode.get(Texts.code(typed)));
    }

    /** The codes written in a reference cell (关联任务编号, 关联问题编号) that {@code lookup} does not know. */
    static List<String> unknownReferences(String text, Function<String, Optional<?>> lookup) {
        return SEPARATORS.splitAsStream(text).map(Texts::clean).filter(c -> !c.isEmpty())
                .filter(c -> lookup.apply(c).isEmpty()).toList();
    }

    List<Task> leadTasks(Unit unit) {
        return leadTasks.getOrDefault(unit.code(), List.of());
    }

    Role role(Unit unit, Task task) {
        if (task.leadUnit().equals(unit.code())) {
            return Role.LEAD;
        }
        return task.cooperators().contains(unit.code()) ? Role.COOPERATING : Role.NONE;
    }

    int groupOrder(String group) {
        return group == null ? Integer.MAX_VALUE : groupOrder.getOrDefault(group, Integer.MAX_VALUE - 1);
    }

    int unitOrder(String unitCode) {
        return unitCode == null ? Integer.MAX_VALUE : unitOrder.getOrDefault(unitCode, Integer.MAX_VALUE - 1);
    }

    int taskOrder(String taskCode) {
        return taskCode == null ? -1 : taskOrder.getOrDefault(taskCode, Integer.MAX_VALUE);
    }
}
