package io.rectify.consolidate;

import io.rectify.ledger.Unit;
import java.util.List;

/**
 * A unit in the period: its lead tasks counted, and its return.
 *
 * @param expected a return is expected: the unit leads at least one task
 * @param accepted the accepted return of the period, or null
 * @param rejected the period's files of this unit that were rejected, in path order
 */
public record UnitFigures(Unit unit, boolean expected, PeriodFile accepted, List<PeriodFile> rejected,
                          TaskCount tasks) {

    /** The unit has an accepted return for the period. */
    public boolean submitted() {
        return accepted != null;
    }

    public boolean late() {
        return accepted != null && accepted.late();
    }
}
