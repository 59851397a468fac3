package io.rectify.consolidate;

import io.rectify.rule.ExceptionEntry;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything the outputs (docs/OUTPUTS.md) show for one period, computed from the database.
 *
 * @param title          the ledger's 名称
 * @param cutoffDay      the ledger's 报送截止日: the day of the month after a period by which its return is due
 * @param groups         the supervision groups in ledger order
 * @param headline       the period's figures
 * @param institutions   the district's current institutions, each once
 * @param accountability the units' current accountability rows, units in ledger order
 * @param trend          the headline figures of every processed period up to this one, oldest first
 * @param exceptions     the period's exception list in report order
 * @param receipts       one per ledger unit, in ledger order; each made from the database when it is got
 *                       (get each once: a city's receipts together hold 400,000 reported rows)
 */
public record Consolidation(YearMonth period, LocalDate asOf, String title, int cutoffDay, List<String> groups,
                            PeriodFigures headline, List<CategoryFigures> byCategory,
                            List<FeedbackPointFigures> byFeedbackPoint, List<ProblemFigures> byProblem,
                            List<UnitFigures> byUnit, List<GroupFigures> byGroup, List<Institution> institutions,
                            List<ListedAccountability> accountability, List<PeriodFigures> trend,
                            List<ExceptionEntry> exceptions, List<UnitReceipt> receipts) {

    /** The day the units' return for {@code of} is due: the cut-off day of the month after it (that month's last day when shorter). */
    public LocalDate returnDue(YearMonth of) {
        YearMonth next = of.plusMonths(1);
        return next.atDay(Math.min(Math.max(cutoffDay, 1), next.lengthOfMonth()));
    }

    /**
     * The day the units' next return is due, by which they answer what this period's outputs ask of
     * them: the return for the period after this one (this period's own is in by the time its outputs
     * are read), or the first one due after {@code asOf} when that is later.
     */
    public LocalDate nextReturnDue() {
        YearMonth next = period.plusMonths(1);
        while (!returnDue(next).isAfter(asOf)) {
            next = next.plusMonths(1);
        }
        return returnDue(next);
    }
}
