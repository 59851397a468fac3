package io.rectify.reconcile;

import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A unit's cumulative list (制度建设 or 问责情况) as a used return gives it.
 *
 * @param rows     the accepted rows
 * @param replaces whether it replaces the unit's earlier list: the sheet is present and either
 *                 empty (the list is now empty) or not every row of it was rejected (a return
 *                 whose rows are all rejected changes nothing)
 */
record UnitList<T>(List<T> rows, boolean replaces) {

    /** The list a sheet gives, {@code accept} returning each row as accepted or null when it is rejected. */
    static <T> UnitList<T> read(Optional<SheetTable> sheet, BiFunction<SheetTable, TableRow, T> accept) {
        if (sheet.isEmpty()) {
            return new UnitList<>(List.of(), false);
        }
        List<T> accepted = new ArrayList<>();
        for (TableRow row : sheet.get().rows()) {
            T checked = accept.apply(sheet.get(), row);
            if (checked != null) {
                accepted.add(checked);
            }
        }
        return new UnitList<>(List.copyOf(accepted), sheet.get().rows().isEmpty() || !accepted.isEmpty());
    }
}
