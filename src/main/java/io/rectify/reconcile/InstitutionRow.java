package io.rectify.reconcile;

import io.rectify.ledger.Unit;
import java.time.LocalDate;

/** An accepted row of a used return's 制度建设 table. */
record InstitutionRow(ReturnFile file, Unit unit, String name, String docNo, String kind, LocalDate issuedOn,
                      String taskRef, InstitutionIdentity.Key key, int excelRow, Place nameCell) {
}
