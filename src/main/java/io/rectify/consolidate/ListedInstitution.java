package io.rectify.consolidate;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One accepted 制度建设 row of a unit's current list.
 *
 * @param docKey  reconcile's comparable form of the 文号 ({@code InstitutionIdentity}), null without one
 * @param nameKey reconcile's comparable form of the 制度名称
 */
public record ListedInstitution(String unitCode, YearMonth period, long fileId, String name, String docNo,
                             String kind, LocalDate issuedOn, String taskRef, int excelRow, String docKey,
                             String nameKey) {
}
