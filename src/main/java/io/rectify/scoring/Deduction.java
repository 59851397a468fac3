package io.rectify.scoring;

import io.rectify.rule.ScoreItem;
import java.math.BigDecimal;

/**
 * What one item cost a unit in a period.
 *
 * @param count  the occurrences of the item (exceptions counted, see {@link ScoreItem#occurrences})
 * @param points what one occurrence costs
 */
public record Deduction(ScoreItem item, int count, BigDecimal points) {

    /** count × points. */
    public BigDecimal deducted() {
        return Scores.plain(points.multiply(BigDecimal.valueOf(count)));
    }
}
