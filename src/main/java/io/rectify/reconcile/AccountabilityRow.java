package io.rectify.reconcile;

import io.rectify.ledger.Unit;

/** An accepted row of a used return's 问责情况 table. */
record AccountabilityRow(ReturnFile file, Unit unit, String kind, int persons, String problemRef, String note,
                         int excelRow) {
}
