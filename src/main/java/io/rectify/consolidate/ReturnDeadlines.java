package io.rectify.consolidate;

import io.rectify.ledger.LedgerInfo;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * By when a unit does what the period's outputs ask of it; neither day is before the as-of date.
 *
 * @param resubmit   a rejected or missing return is sent again by this day: the period's own due date while it
 *                   is not past at the as-of date, else the next return's
 * @param nextReturn the next return is due this day, and corrections are made in it: the due date of the first
 *                   period after this one that is not past at the as-of date
 */
public record ReturnDeadlines(LocalDate resubmit, LocalDate nextReturn) {

    static ReturnDeadlines of(LedgerInfo ledger, YearMonth period, LocalDate asOf) {
        YearMonth next = period.plusMonths(1);
        while (ledger.dueDate(next).isBefore(asOf)) {
            next = next.plusMonths(1);
        }
        LocalDate due = ledger.dueDate(period);
        LocalDate nextReturn = ledger.dueDate(next);
        return new ReturnDeadlines(due.isBefore(asOf) ? nextReturn : due, nextReturn);
    }

    /** The period's own due date is past: a return is sent again together with the next one. */
    public boolean resubmitWithNextReturn() {
        return resubmit.equals(nextReturn);
    }
}
