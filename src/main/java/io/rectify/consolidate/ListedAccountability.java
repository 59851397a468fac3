package io.rectify.consolidate;

import java.time.YearMonth;

/** One accepted 问责情况 row of a unit's current list. */
public record ListedAccountability(String unitCode, YearMonth period, long fileId, String kind, int persons,
                                String problemRef, String note, int excelRow) {
}
