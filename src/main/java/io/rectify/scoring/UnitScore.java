package io.rectify.scoring;

import io.rectify.ledger.Unit;
import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's score of the period.
 *
 * @param rank       1 for the highest score; units with the same score share a rank (1, 1, 3)
 * @param deductions one per {@link io.rectify.rule.ScoreItem}, in item order, counts of 0 included
 * @param trend      the unit's score in every stored period up to this one, oldest first, this one last
 */
public record UnitScore(Unit unit, int rank, BigDecimal score, List<Deduction> deductions, List<PeriodScore> trend) {
}
