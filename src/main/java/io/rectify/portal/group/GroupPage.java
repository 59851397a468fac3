package io.rectify.portal.group;

import io.rectify.consolidate.GroupFigures;
import io.rectify.consolidate.UnitFigures;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Severity;
import io.rectify.standing.GroupStanding;
import io.rectify.standing.UnitStanding;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The supervisor's home page for one group and period: what must be done first (the red units, the units that
 * have not reported), then the group's units ranked with their lights, then the group's workbooks.
 *
 * @param units      the group's units, worst first (their rank is the district's, as 汇总统计's 按单位)
 * @param groupCount how many groups the district ranks
 */
record GroupPage(Heading heading, GroupStanding standing, int groupCount, List<UnitRow> units, GroupFiles files,
                 List<ExceptionEntry> exceptions) {

    static GroupPage of(Heading heading, PeriodState state, Map<String, Instant> pending, GroupFiles files) {
        String group = heading.group();
        GroupStanding standing = state.standings().groups().stream().filter(g -> g.group().name().equals(group))
                .findFirst().orElseThrow();
        List<UnitRow> units = state.standings().unitsOf(group).stream().map(s -> row(s, pending, files)).toList();
        return new GroupPage(heading, standing, state.standings().groups().size(), units, files,
                GroupExceptions.of(state.consolidation(), group));
    }

    private static UnitRow row(UnitStanding standing, Map<String, Instant> pending, GroupFiles files) {
        UnitFigures unit = standing.unit();
        return new UnitRow(standing, Reporting.of(unit), pending.get(unit.unit().code()), files.of(unit.unit()));
    }

    public GroupFigures figures() {
        return standing.group();
    }

    public List<UnitRow> red() {
        return units.stream().filter(UnitRow::red).toList();
    }

    /** The units that owe a return and have none accepted, worst first: whom to chase. */
    public List<UnitRow> outstanding() {
        return units.stream().filter(u -> u.reporting().outstanding()).toList();
    }

    public long pendingCount() {
        return units.stream().filter(u -> u.pendingUpload() != null).count();
    }

    public long late() {
        return units.stream().filter(u -> u.reporting() == Reporting.LATE).count();
    }

    public List<Severity> severities() {
        return List.of(Severity.values());
    }

    public int count(Severity severity) {
        return (int) exceptions.stream().filter(e -> e.severity() == severity).count();
    }

    public String lightClass() {
        return "light-" + standing.light().name().toLowerCase(Locale.ROOT);
    }
}
