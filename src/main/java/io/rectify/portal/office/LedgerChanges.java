package io.rectify.portal.office;

import io.rectify.ledger.Ledger;
import io.rectify.ledger.Problem;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What a new ledger changes against the one in force, line by line for the office to check before
 * it confirms: each line names what changed and lists the codes (the first few, then how many).
 */
record LedgerChanges(List<String> lines) {

    private static final int SHOWN = 10;

    static LedgerChanges between(Ledger current, Ledger next) {
        List<String> lines = new ArrayList<>();
        Map<String, Unit> units = byCode(current.units(), Unit::code);
        Map<String, Unit> nextUnits = byCode(next.units(), Unit::code);
        added(lines, "新增责任单位", "个", units, nextUnits, u -> u.code() + " " + u.name());
        added(lines, "删除责任单位", "个", nextUnits, units, u -> u.code() + " " + u.name());
        changed(lines, "单位名称或督查组变更", "个", units, nextUnits,
                (a, b) -> !a.name().equals(b.name()) || !Objects.equals(a.group(), b.group()),
                (a, b) -> a.code() + " " + a.name() + "（" + a.group() + "）→ " + b.name() + "（" + b.group() + "）");
        Map<String, Problem> problems = byCode(current.problems(), Problem::code);
        Map<String, Problem> nextProblems = byCode(next.problems(), Problem::code);
        added(lines, "新增问题", "项", problems, nextProblems, Problem::code);
        added(lines, "删除问题", "项", nextProblems, problems, Problem::code);
        Map<String, Task> tasks = byCode(current.tasks(), Task::code);
        Map<String, Task> nextTasks = byCode(next.tasks(), Task::code);
        added(lines, "新增整改措施", "条", tasks, nextTasks, Task::code);
        added(lines, "删除整改措施", "条", nextTasks, tasks, Task::code);
        changed(lines, "牵头单位变更", "条", tasks, nextTasks, (a, b) -> !a.leadUnit().equals(b.leadUnit()),
                (a, b) -> a.code() + " " + a.leadUnit() + "→" + b.leadUnit());
        changed(lines, "完成时限变更", "条", tasks, nextTasks, (a, b) -> !a.deadline().text().equals(b.deadline().text()),
                (a, b) -> a.code() + " " + a.deadline().text() + "→" + b.deadline().text());
        changed(lines, "整改措施内容变更", "条", tasks, nextTasks, (a, b) -> !a.measure().equals(b.measure()), (a, b) -> a.code());
        return new LedgerChanges(lines);
    }

    private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(code.apply(item), item));
        return map;
    }

    /** The items of {@code to} not in {@code from}. */
    private static <T> void added(List<String> lines, String what, String unit, Map<String, T> from, Map<String, T> to,
                                  Function<T, String> name) {
        List<String> names = to.entrySet().stream().filter(e -> !from.containsKey(e.getKey()))
                .map(e -> name.apply(e.getValue())).toList();
        line(lines, what, unit, names);
    }

    private static <T> void changed(List<String> lines, String what, String unit, Map<String, T> from, Map<String, T> to,
                                    BiPredicate<T, T> differs, BiFunction<T, T, String> name) {
        List<String> names = to.entrySet().stream()
                .filter(e -> from.containsKey(e.getKey()) && differs.test(from.get(e.getKey()), e.getValue()))
                .map(e -> name.apply(from.get(e.getKey()), e.getValue())).toList();
        line(lines, what, unit, names);
    }

    private static void line(List<String> lines, String what, String unit, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        String shown = String.join("；", names.subList(0, Math.min(SHOWN, names.size())));
        lines.add(what + names.size() + unit + "：" + shown + (names.size() > SHOWN ? " 等" : ""));
    }
}
