package io.rectify.consolidate;

import java.time.LocalDate;
import java.time.YearMonth;

/** One accepted 制度建设 row of a unit's current list. */
public record InstitutionRow(String unitCode, YearMonth period, long fileId, String name, String docNo,
                             String kind, LocalDate issuedOn, String taskRef, int excelRow) {
}
