package io.rectify.standing;

import io.rectify.consolidate.UnitFigures;
import java.util.List;

/**
 * A unit's place in the period: 1 is the unit furthest behind.
 *
 * @param errors  the error-level exceptions about the unit's files and rows, which it must correct
 * @param reasons why the light is not green, in Chinese, most serious first (empty when green)
 */
public record UnitStanding(int rank, UnitFigures unit, Light light, int regressed, int errors, List<String> reasons) {

    /** No return of the period was accepted, so its statuses are carried forward from earlier returns. */
    public boolean carriedForward() {
        return unit.expected() && !unit.submitted();
    }
}
