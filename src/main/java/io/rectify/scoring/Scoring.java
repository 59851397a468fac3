package io.rectify.scoring;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.UnitFigures;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.ScoringRule;
import io.rectify.ledger.Unit;
import io.rectify.rule.ScoreItem;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Scores the units of a consolidated period and of every stored period before it, each from the
 * period's stored exceptions, all with the deduction table in force today (the current ledger's 考核规则,
 * else the defaults): a changed table scores the earlier periods again, so that the trend compares like
 * with like.
 */
@Component
public class Scoring {

    private final LedgerRepository ledgers;
    private final ExceptionTally tally;

    Scoring(LedgerRepository ledgers, ExceptionTally tally) {
        this.ledgers = ledgers;
        this.tally = tally;
    }

    public Scores of(Consolidation c) {
        Map<ScoreItem, BigDecimal> points = points();
        List<YearMonth> periods = c.trend().stream().map(PeriodFigures::period).toList();
        Map<YearMonth, Map<String, Map<ScoreItem, Integer>>> counts = tally.upTo(c.period());
        List<UnitScore> scored = new ArrayList<>();
        for (UnitFigures figures : c.byUnit()) {
            Unit unit = figures.unit();
            List<PeriodScore> trend = periods.stream().map(p -> new PeriodScore(p,
                    score(deductions(points, counts.getOrDefault(p, Map.of()).getOrDefault(unit.code(), Map.of())))))
                    .toList();
            List<Deduction> deductions = deductions(points,
                    counts.getOrDefault(c.period(), Map.of()).getOrDefault(unit.code(), Map.of()));
            scored.add(new UnitScore(unit, 0, score(deductions), deductions, trend));
        }
        // stable: equal scores stay in ledger order
        scored.sort(Comparator.comparing(UnitScore::score).reversed());
        List<UnitScore> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            UnitScore s = scored.get(i);
            int rank = i > 0 && s.score().compareTo(scored.get(i - 1).score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new UnitScore(s.unit(), rank, s.score(), s.deductions(), s.trend()));
        }
        return new Scores(c.period(), Collections.unmodifiableMap(points), periods, List.copyOf(ranked));
    }

    /** The ledger's points for the items its 考核规则 lists, the defaults for the others. */
    private Map<ScoreItem, BigDecimal> points() {
        Map<ScoreItem, BigDecimal> points = new EnumMap<>(ScoreItem.class);
        for (ScoreItem item : ScoreItem.values()) {
            points.put(item, item.defaultPoints());
        }
        for (ScoringRule rule : ledgers.scoring()) {
            points.put(rule.item(), Scores.plain(rule.points()));
        }
        return points;
    }

    private static List<Deduction> deductions(Map<ScoreItem, BigDecimal> points, Map<ScoreItem, Integer> exceptions) {
        return points.entrySet().stream().map(e -> new Deduction(e.getKey(),
                e.getKey().occurrences(exceptions.getOrDefault(e.getKey(), 0)), e.getValue())).toList();
    }

    /** {@link ScoreItem#FULL_SCORE} less the deductions, never below 0. */
    private static BigDecimal score(List<Deduction> deductions) {
        BigDecimal score = ScoreItem.FULL_SCORE;
        for (Deduction d : deductions) {
            score = score.subtract(d.deducted());
        }
        return Scores.plain(score.max(BigDecimal.ZERO));
    }
}
