package io.rectify.reconcile;

import io.rectify.intake.SheetTable;
import java.util.List;
import java.util.Optional;

/**
 * A unit's cumulative list (制度建设 or 问责情况) as a used return gives it.
 *
 * @param rows     the accepted rows
 * @param replaces whether it replaces the unit's earlier list: the sheet is present and either
 *                 empty (the list is now empty) or not every row of it was rejected (a return
 *                 whose rows are all rejected changes nothing)
 */
record UnitList<T>(List<T> rows, boolean replaces) {

    static <T> UnitList<T> of(Optional<SheetTable> sheet, List<T> accepted) {
        boolean replaces = sheet.isPresent() && (sheet.get().rows().isEmpty() || !accepted.isEmpty());
        return new UnitList<>(List.copyOf(accepted), replaces);
    }
}
