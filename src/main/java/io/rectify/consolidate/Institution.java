package io.rectify.consolidate;

import io.rectify.ledger.Unit;
import java.time.LocalDate;
import java.util.List;

/**
 * One institution of the district's deduplicated list: the fields of its first report (units in
 * ledger order), and every unit whose current list holds it.
 */
public record Institution(String name, String docNo, String kind, LocalDate issuedOn, String taskRef,
                          List<Unit> reportedBy) {
}
