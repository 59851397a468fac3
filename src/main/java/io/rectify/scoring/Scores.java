package io.rectify.scoring;

import io.rectify.rule.ScoreItem;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The scores of a period.
 *
 * @param points  what one occurrence of each item costs, every item
 * @param periods the stored periods up to this one, oldest first: the columns of each unit's trend
 * @param units   every ledger unit, best first; units with the same score in ledger order
 */
public record Scores(YearMonth period, Map<ScoreItem, BigDecimal> points, List<YearMonth> periods,
                     List<UnitScore> units) {

    /** A score or points without trailing zeros and never in exponent form: 100, 96.5. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
