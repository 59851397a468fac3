package io.rectify.consolidate;

import io.rectify.rule.Rule;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The trend rows of earlier periods as first consolidated (table {@code period_figures}, V7), so
 * that a period judged with an earlier ledger version has that version read again once, not every
 * night. Encoded as the counts in a fixed order, then {@code rule=count} pairs:
 * {@code 2;problems,tasks...;accountability...;institutions...;submissions...;error,warning,info;rule=n,...}.
 */
@Repository
class StoredFigures {

    private static final String FORMAT = "2";

    private final JdbcClient jdbc;

    StoredFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The period's stored trend row; empty when none is stored or it does not decode (a rule since renamed). */
    Optional<PeriodFigures> of(YearMonth period) {
        Optional<String> text = jdbc.sql("SELECT figures FROM period_figures WHERE period = ?").param(period.toString())
                .query(String.class).optional().filter(t -> t.startsWith(FORMAT + ";"));
        try {
            return text.map(t -> decode(period, t));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    void keep(PeriodFigures figures) {
        jdbc.sql("DELETE FROM period_figures WHERE period = ?").param(figures.period().toString()).update();
        jdbc.sql("INSERT INTO period_figures (period, figures) VALUES (?, ?)")
                .params(figures.period().toString(), encode(figures)).update();
    }

    static String encode(PeriodFigures f) {
        ProblemCount p = f.problems();
        TaskCount t = f.tasks();
        AccountabilityCount a = f.accountability();
        SubmissionCount s = f.submissions();
        ExceptionCount e = f.exceptions();
        return String.join(";", FORMAT,
                ints(p.total(), p.completed(), p.signedOff(), t.total(), t.completed(), t.inProgress(), t.notStarted(), t.overdue(),
                        t.dueSoon(), t.awaitingSignOff(), t.signedOff()),
                ints(a.caseFiled(), a.disciplined(), a.admonished(), a.organizational()),
                ints(f.institutions().created(), f.institutions().revised()),
                ints(s.expected(), s.accepted(), s.missing(), s.late(), s.rejectedFiles()),
                ints(e.error(), e.warning(), e.info()),
                e.byRule().entrySet().stream().map(r -> r.getKey().code() + "=" + r.getValue())
                        .collect(Collectors.joining(",")));
    }

    static PeriodFigures decode(YearMonth period, String text) {
        String[] parts = text.split(";", -1);
        int[] pt = ints(parts[1]);
        int[] a = ints(parts[2]);
        int[] i = ints(parts[3]);
        int[] s = ints(parts[4]);
        int[] e = ints(parts[5]);
        Map<Rule, Integer> byRule = new EnumMap<>(Rule.class);
        if (!parts[6].isEmpty()) {
            for (String pair : parts[6].split(",")) {
                int eq = pair.indexOf('=');
                byRule.put(Rule.of(pair.substring(0, eq)), Integer.parseInt(pair.substring(eq + 1)));
            }
        }
        return new PeriodFigures(period, new ProblemCount(pt[0], pt[1], pt[2]),
                new TaskCount(pt[3], pt[4], pt[5], pt[6], pt[7], pt[8], pt[9], pt[10]), new AccountabilityCount(a[0], a[1], a[2], a[3]),
                new InstitutionCount(i[0], i[1]), new SubmissionCount(s[0], s[1], s[2], s[3], s[4]),
                new ExceptionCount(e[0], e[1], e[2], Collections.unmodifiableMap(byRule)));
    }

    private static String ints(int... values) {
        return Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }

    private static int[] ints(String text) {
        return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
