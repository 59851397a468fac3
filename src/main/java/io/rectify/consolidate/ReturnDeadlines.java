package io.rectify.consolidate;

import io.rectify.ledger.LedgerInfo;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * By when a unit does what its receipt asks.
 *
 * @param resubmit   a rejected or missing return is sent again by this day: the period's own due date while it
 *                   is not past at the as-of date, else the next return's
 * @param nextReturn the next period's return is due this day; corrections are made in it
 */
public record ReturnDeadlines(LocalDate resubmit, LocalDate nextReturn) {

    static ReturnDeadlines of(LedgerInfo ledger, YearMonth period, LocalDate asOf) {
        LocalDate due = ledger.dueDate(period);
        LocalDate next = ledger.dueDate(period.plusMonths(1));
        return new ReturnDeadlines(due.isBefore(asOf) ? next : due, next);
    }

    /** The period's own due date is past: a return is sent again together with the next one. */
    public boolean resubmitWithNextReturn() {
        return resubmit.equals(nextReturn);
    }
}
