package io.rectify.scoring;

import io.rectify.rule.Rule;
import io.rectify.rule.ScoreItem;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored exceptions (rule_exception) of each unit and period, counted by score item. */
@Repository
class ExceptionTally {

    private final JdbcClient jdbc;

    ExceptionTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per period up to {@code last}, per unit code: the occurrences of each item with any. */
    Map<YearMonth, Map<String, Map<ScoreItem, Integer>>> upTo(YearMonth last) {
        Map<YearMonth, Map<String, Map<ScoreItem, Integer>>> tally = new HashMap<>();
        jdbc.sql("""
                SELECT period, unit_code, rule, COUNT(*) FROM rule_exception
                WHERE period <= ? AND unit_code IS NOT NULL GROUP BY period, unit_code, rule""")
                .param(last.toString())
                .query(rs -> {
                    Optional<ScoreItem> item = rule(rs.getString(3)).flatMap(ScoreItem::of);
                    if (item.isPresent()) {
                        tally.computeIfAbsent(YearMonth.parse(rs.getString(1)), p -> new HashMap<>())
                                .computeIfAbsent(rs.getString(2), u -> new EnumMap<>(ScoreItem.class))
                                .merge(item.get(), rs.getInt(4), Integer::sum);
                    }
                });
        return tally;
    }

    /** The rule of a stored code; empty for a code no longer known (a rule since renamed costs nothing). */
    private static Optional<Rule> rule(String code) {
        return Arrays.stream(Rule.values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
