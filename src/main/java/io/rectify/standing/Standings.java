package io.rectify.standing;

import static java.util.Comparator.comparing;
import static java.util.Comparator.comparingDouble;
import static java.util.Comparator.comparingInt;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.GroupFigures;
import io.rectify.consolidate.ProblemFigures;
import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.UnitFigures;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Who is furthest behind in a period: units, supervision groups and problems, each ranked worst
 * first with its light. Ties keep ledger order, so the same period always ranks the same way.
 */
public record Standings(List<UnitStanding> units, List<GroupStanding> groups, List<ProblemStanding> problems) {

    public static Standings of(Consolidation c) {
        Map<String, Long> regressedByUnit = count(c.exceptions(), e -> e.rule() == Rule.REGRESSION, ExceptionEntry::unitCode);
        Map<String, Long> errorsByUnit = count(c.exceptions(), Standings::toCorrect, ExceptionEntry::unitCode);
        Map<String, Long> fileRejectionsByUnit = count(c.exceptions(), e -> toCorrect(e) && e.rule().rejectsFile(),
                ExceptionEntry::unitCode);
        Map<String, Long> regressedByProblem = count(c.exceptions(), e -> e.rule() == Rule.REGRESSION, ExceptionEntry::problemCode);
        Map<String, Long> errorsByProblem = count(c.exceptions(), Standings::toCorrect, ExceptionEntry::problemCode);
        SentBack byUnit = SentBack.of(c.exceptions(), ExceptionEntry::unitCode);
        SentBack byGroup = SentBack.of(c.exceptions(), ExceptionEntry::group);
        SentBack byProblem = SentBack.of(c.exceptions(), ExceptionEntry::problemCode);

        List<UnitStanding> units = new ArrayList<>();
        for (UnitFigures u : c.byUnit()) {
            int regressed = regressedByUnit.getOrDefault(u.unit().code(), 0L).intValue();
            UnitStanding unranked = new UnitStanding(0, u, Light.GREEN, regressed, 0, List.of(), 0);
            int errors = errorsByUnit.getOrDefault(u.unit().code(), 0L).intValue() - (unranked.carriedForward()
                    ? fileRejectionsByUnit.getOrDefault(u.unit().code(), 0L).intValue() : 0);
            List<String> reasons = new ArrayList<>();
            if (unranked.carriedForward()) {
                reasons.add(unranked.carriedForwardReason());
            }
            red(reasons, u.tasks(), regressed, byUnit.refuted(u.unit().code()));
            int reds = reasons.size();
            yellow(reasons, u.tasks(), errors, byUnit.returned(u.unit().code()));
            if (u.late()) {
                reasons.add("逾期报送");
            }
            units.add(new UnitStanding(0, u, light(reds, reasons), regressed, errors, List.copyOf(reasons), reds));
        }
        units = ranked(units, Comparator.<UnitStanding>comparingInt(s -> s.unit().expected() ? 0 : 1)
                .thenComparing(UnitStanding::light)
                .thenComparing(s -> !s.carriedForward())
                .thenComparing(comparingInt((UnitStanding s) -> s.unit().tasks().overdue()).reversed())
                .thenComparing(comparingInt(UnitStanding::regressed).reversed())
                .thenComparing(comparingDouble(s -> s.unit().tasks().rate()))
                .thenComparing(comparingInt(UnitStanding::errors).reversed())
                .thenComparing(comparingInt((UnitStanding s) -> s.unit().tasks().dueSoon()).reversed()),
                (s, rank) -> new UnitStanding(rank, s.unit(), s.light(), s.regressed(), s.errors(), s.reasons(), s.reds()));

        List<GroupStanding> groups = new ArrayList<>();
        for (GroupFigures g : c.byGroup()) {
            List<UnitStanding> members = units.stream().filter(s -> g.name().equals(s.unit().unit().group())).toList();
            List<String> reasons = new ArrayList<>();
            long missing = members.stream().filter(s -> s.carriedForward() && s.unit().rejected().isEmpty()).count();
            long rejected = members.stream().filter(s -> s.carriedForward() && !s.unit().rejected().isEmpty()).count();
            if (missing > 0) {
                reasons.add(missing + "个单位本期未报送");
            }
            if (rejected > 0) {
                reasons.add(rejected + "个单位本期报送未采纳");
            }
            red(reasons, g.tasks(), members.stream().mapToInt(UnitStanding::regressed).sum(), byGroup.refuted(g.name()));
            int reds = reasons.size();
            yellow(reasons, g.tasks(), members.stream().mapToInt(UnitStanding::errors).sum(), byGroup.returned(g.name()));
            long late = members.stream().filter(s -> s.unit().late()).count();
            if (late > 0) {
                reasons.add(late + "个单位逾期报送");
            }
            groups.add(new GroupStanding(0, g, light(reds, reasons), List.copyOf(reasons)));
        }
        groups = ranked(groups, comparing(GroupStanding::light)
                .thenComparing(comparingInt((GroupStanding s) -> s.group().tasks().overdue()).reversed())
                .thenComparing(comparingDouble(s -> s.group().tasks().rate())),
                (s, rank) -> new GroupStanding(rank, s.group(), s.light(), s.reasons()));

        List<ProblemStanding> problems = new ArrayList<>();
        for (ProblemFigures p : c.byProblem()) {
            List<String> reasons = new ArrayList<>();
            red(reasons, p.tasks(), regressedByProblem.getOrDefault(p.code(), 0L).intValue(), byProblem.refuted(p.code()));
            int reds = reasons.size();
            yellow(reasons, p.tasks(), errorsByProblem.getOrDefault(p.code(), 0L).intValue(), byProblem.returned(p.code()));
            problems.add(new ProblemStanding(0, p, light(reds, reasons), List.copyOf(reasons)));
        }
        problems = ranked(problems, comparing(ProblemStanding::light)
                .thenComparing(comparingInt((ProblemStanding s) -> s.problem().tasks().overdue()).reversed())
                .thenComparing(comparingDouble(s -> s.problem().tasks().rate())),
                (s, rank) -> new ProblemStanding(rank, s.problem(), s.light(), s.reasons()));
        return new Standings(List.copyOf(units), List.copyOf(groups), List.copyOf(problems));
    }

    /** The standing of the unit with this code, or null when the ledger has no such unit. */
    public UnitStanding unit(String code) {
        return units.stream().filter(s -> s.unit().unit().code().equals(code)).findFirst().orElse(null);
    }

    /** The units of one supervision group, worst first. */
    public List<UnitStanding> unitsOf(String group) {
        return units.stream().filter(s -> group.equals(s.unit().unit().group())).toList();
    }

    /** An error the unit corrects in its return: one about its file or one of its rows. */
    private static boolean toCorrect(ExceptionEntry e) {
        return e.severity() == Severity.ERROR && (e.rule().scope() == Rule.Scope.FILE || e.rule().scope() == Rule.Scope.ROW);
    }

    /**
     * Red: overdue, regressed, or a signed-off task that a 回头看 check found not done (回头看复核不属实) — a
     * regression the supervisors found rather than the unit reported.
     */
    private static void red(List<String> reasons, TaskCount tasks, int regressed, int refuted) {
        if (tasks.overdue() > 0) {
            reasons.add("逾期未完成" + tasks.overdue() + "条");
        }
        if (regressed > 0) {
            reasons.add("整改反弹" + regressed + "条");
        }
        if (refuted > 0) {
            reasons.add(Rule.RECHECK_FAILED.title() + refuted + "条");
        }
    }

    /**
     * Yellow: due soon, errors to correct, or a task the group's review sent back (销号退回): like an error, the
     * unit must put it right and report it again, but nothing done was undone.
     */
    private static void yellow(List<String> reasons, TaskCount tasks, int errors, int returned) {
        if (tasks.dueSoon() > 0) {
            reasons.add("即将到期" + tasks.dueSoon() + "条");
        }
        if (errors > 0) {
            reasons.add("待更正错误" + errors + "条");
        }
        if (returned > 0) {
            reasons.add(Rule.SIGNOFF_RETURNED.title() + returned + "条");
        }
    }

    /** The tasks the supervisors sent back (销号退回) and found not done (回头看复核不属实), by unit, group or problem. */
    private record SentBack(Map<String, Long> returned, Map<String, Long> refuted) {

        static SentBack of(List<ExceptionEntry> exceptions, Function<ExceptionEntry, String> key) {
            return new SentBack(count(exceptions, e -> e.rule() == Rule.SIGNOFF_RETURNED, key),
                    count(exceptions, e -> e.rule() == Rule.RECHECK_FAILED, key));
        }

        int returned(String key) {
            return returned.getOrDefault(key, 0L).intValue();
        }

        int refuted(String key) {
            return refuted.getOrDefault(key, 0L).intValue();
        }
    }

    private static Light light(int redReasons, List<String> reasons) {
        return redReasons > 0 ? Light.RED : reasons.isEmpty() ? Light.GREEN : Light.YELLOW;
    }

    private static Map<String, Long> count(List<ExceptionEntry> exceptions, Predicate<ExceptionEntry> which,
                                           Function<ExceptionEntry, String> key) {
        return exceptions.stream().filter(which).filter(e -> key.apply(e) != null)
                .collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private interface Ranker<T> {
        T at(T standing, int rank);
    }

    private static <T> List<T> ranked(List<T> standings, Comparator<T> worstFirst, Ranker<T> ranker) {
        List<T> sorted = standings.stream().sorted(worstFirst).toList();
        List<T> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            result.add(Objects.requireNonNull(ranker.at(sorted.get(i), i + 1)));
        }
        return result;
    }
}
