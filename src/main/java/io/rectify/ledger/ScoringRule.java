package io.rectify.ledger;

import io.rectify.rule.ScoreItem;
import java.math.BigDecimal;

/**
 * One row of the ledger's sheet 考核规则 (docs/LEDGER.md): what an occurrence of a score item costs.
 *
 * @param label the item as the sheet names it (its label or its code)
 */
public record ScoringRule(ScoreItem item, String label, BigDecimal points) {
}
