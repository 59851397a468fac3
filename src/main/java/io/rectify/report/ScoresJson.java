package io.rectify.report;

import io.rectify.scoring.Deduction;
import io.rectify.scoring.PeriodScore;
import io.rectify.scoring.Scores;
import io.rectify.scoring.UnitScore;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** summary.json's {@code scores}: per unit code, best first, its score, rank, itemised deductions and trend. */
final class ScoresJson {

    private ScoresJson() {
    }

    /** {@code root} with {@code scores} added as its last key. */
    static ObjectNode added(ObjectNode root, Scores scores) {
        ObjectNode units = root.putObject("scores");
        for (UnitScore unit : scores.units()) {
            ObjectNode node = units.putObject(unit.unit().code()).put("score", unit.score()).put("rank", unit.rank());
            ArrayNode deductions = node.putArray("deductions");
            for (Deduction d : unit.deductions()) {
                deductions.addObject().put("item", d.item().code()).put("count", d.count()).put("points", d.points())
                        .put("deducted", d.deducted());
            }
            ArrayNode trend = node.putArray("trend");
            for (PeriodScore period : unit.trend()) {
                trend.addObject().put("period", period.period().toString()).put("score", period.score());
            }
        }
        return root;
    }
}
