package io.rectify.portal.group;

import io.rectify.rule.Periods;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What heads every supervisor's page: the group, the period shown and the stored periods to choose from, and
 * for the office the groups to choose from.
 *
 * @param groups the groups the office may switch to; empty for a supervisor, who sees only their own
 */
record Heading(String group, YearMonth period, LocalDate asOf, List<YearMonth> periods, List<String> groups) {

    /** A stored period as the selector offers it. */
    record PeriodOption(String value, String text) {
    }

    public String periodText() {
        return Periods.text(period);
    }

    public String asOfText() {
        return Periods.date(asOf);
    }

    public List<PeriodOption> periodOptions() {
        return periods.stream().map(p -> new PeriodOption(p.toString(), Periods.text(p))).toList();
    }

    /** The period as links carry it. */
    public String periodValue() {
        return period.toString();
    }
}
