package io.rectify.portal.group;

import io.rectify.consolidate.Consolidation;
import io.rectify.ledger.Unit;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The group's exceptions of the period, as the group's sheet of 异常清单.xlsx lists them (errors, then 警告, then
 * 提示, each in the list's order), and the filters the page offers.
 *
 * @param all    the group's exceptions
 * @param shown  those the filter lets through
 * @param units  the group's units, in ledger order, for the unit filter
 * @param rules  the rules the group's exceptions have, in the order of docs/RULES.md, for the rule filter
 */
record GroupExceptions(Heading heading, Filter filter, List<ExceptionEntry> all, List<ExceptionEntry> shown,
                       List<Unit> units, List<Rule> rules) {

    /** What the page filters by; a null field lets everything through. */
    record Filter(String unit, Rule rule, Severity severity) {

        boolean passes(ExceptionEntry e) {
            return (unit == null || unit.equals(e.unitCode())) && (rule == null || rule == e.rule())
                    && (severity == null || severity == e.severity());
        }

        public boolean any() {
            return unit != null || rule != null || severity != null;
        }

        public String ruleCode() {
            return rule == null ? null : rule.code();
        }

        public String severityCode() {
            return severity == null ? null : severity.code();
        }
    }

    static GroupExceptions of(Heading heading, Consolidation c, Filter filter) {
        List<ExceptionEntry> all = of(c, heading.group());
        List<Unit> units = c.byUnit().stream().map(u -> u.unit()).filter(u -> heading.group().equals(u.group())).toList();
        List<Rule> rules = all.stream().map(ExceptionEntry::rule).distinct().sorted().toList();
        return new GroupExceptions(heading, filter, all, all.stream().filter(filter::passes).toList(), units, rules);
    }

    /** The group's exceptions in the order of 异常清单's group sheet. */
    static List<ExceptionEntry> of(Consolidation c, String group) {
        return c.exceptions().stream().filter(e -> Objects.equals(group, e.group()))
                .sorted(Comparator.comparing(ExceptionEntry::severity)).toList();
    }

    public int count(Severity severity) {
        return (int) shown.stream().filter(e -> e.severity() == severity).count();
    }

    public List<Severity> severities() {
        return List.of(Severity.values());
    }

    /** The cell as Excel names it (C8); the column or the row alone when only one is known; null when neither. */
    public String cell(ExceptionEntry e) {
        if (e.column() == null && e.row() == null) {
            return null;
        }
        return (e.column() == null ? "第" + e.row() + "行" : e.column() + (e.row() == null ? "列" : e.row()));
    }
}
