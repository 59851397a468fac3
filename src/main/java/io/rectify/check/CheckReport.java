package io.rectify.check;

import io.rectify.report.CheckReceiptWorkbook;
import io.rectify.rule.ExceptionEntry;
import java.time.YearMonth;
import java.util.List;

/**
 * What checking one return gave (docs/PORTAL.md, docs/COMMANDS.md {@code check}): every exception the
 * nightly's file- and row-scope rules find in it, and whether the nightly would accept the file as its
 * unit's return for the period (its rows with errors are then left out, as the nightly leaves them out).
 * {@link #count} counts its exceptions of a severity.
 *
 * @param accepted     the file would be accepted (FileOutcome ACCEPTED); false when rejected or refused unread
 * @param unitCode     the unit the file states or is recognised as; null when nothing in it tells
 * @param unitName     that unit's name in the ledger; null with unitCode
 * @param period       the period it was checked for: the one asked for, else the one it states, else the open period
 * @param file         the file's name as the unit sent it (display only, never a path)
 * @param exceptions   every exception, errors first, in the order of the nightly's exception list
 * @param rowsAccepted the 整改进展 rows the nightly would take
 * @param rowsRejected the 整改进展 rows it would leave out for their errors
 */
public record CheckReport(boolean accepted, String unitCode, String unitName, YearMonth period, String file,
                          List<ExceptionEntry> exceptions, int rowsAccepted, int rowsRejected)
        implements CheckReceiptWorkbook.Subject {
}
