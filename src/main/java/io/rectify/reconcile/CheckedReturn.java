package io.rectify.reconcile;

import java.util.List;

/**
 * A used return after its row rules: what it contributes to the period.
 *
 * @param extensions the accepted rows of its 延期申请 sheet
 */
record CheckedReturn(ReturnFile file, ProgressCheck.Progress progress, UnitList<InstitutionRow> institutions,
                     UnitList<AccountabilityRow> accountability, List<ExtensionRequest> extensions) {
}
