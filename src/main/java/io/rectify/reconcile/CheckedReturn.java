package io.rectify.reconcile;

/** A used return after its row rules: what it contributes to the period. */
record CheckedReturn(ReturnFile file, ProgressCheck.Progress progress, UnitList<InstitutionRow> institutions,
                     UnitList<AccountabilityRow> accountability) {
}
