package io.rectify.standing;

import io.rectify.consolidate.UnitFigures;
import java.util.List;

/**
 * A unit's place in the period: 1 is the unit furthest behind.
 *
 * @param errors  the error-level exceptions about the unit's files and rows, which it must correct (for a unit
 *                without an accepted return not those that rejected its files: re-sending answers them)
 * @param reasons why the light is not green, in Chinese, most serious first (empty when green)
 * @param reds    how many of the first reasons are why the light is red
 */
public record UnitStanding(int rank, UnitFigures unit, Light light, int regressed, int errors, List<String> reasons,
                           int reds) {

    /** What every output says of a unit's statuses when it has no accepted return this period. */
    public static final String CARRIED_FORWARD = "状态沿用此前报送";

    /** The reasons why the light is red, most serious first (empty unless red). */
    public List<String> redReasons() {
        return reasons.subList(0, reds);
    }

    /**
     * Why the unit has no accepted return, with what follows: 本期未报送 when nothing was received,
     * 本期报送未采纳 when its files were all rejected; then {@link #CARRIED_FORWARD}. Null when it has one.
     */
    public String carriedForwardReason() {
        if (!carriedForward()) {
            return null;
        }
        return (unit.rejected().isEmpty() ? "本期未报送" : "本期报送未采纳") + "，" + CARRIED_FORWARD;
    }

    /** No return of the period was accepted, so its statuses are carried forward from earlier returns. */
    public boolean carriedForward() {
        return unit.expected() && !unit.submitted();
    }
}
