package io.rectify.consolidate;

import io.rectify.rule.ExceptionEntry;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything the outputs (docs/OUTPUTS.md) show for one period, computed from the database.
 *
 * @param title          the ledger's 名称
 * @param groups         the supervision groups in ledger order
 * @param headline       the period's figures
 * @param institutions   the district's current institutions, each once
 * @param accountability the units' current accountability rows, units in ledger order
 * @param trend          the headline figures of every processed period up to this one, oldest first
 * @param exceptions     the period's exception list in report order
 * @param receipts       one per ledger unit, in ledger order; each made from the database when it is got
 *                       (get each once: a city's receipts together hold 400,000 reported rows)
 * @param reviews        what the period's review workbooks (销号审核表, 延期审批表) list
 * @param completion     what the headline counts as done (rectify.completed-means) and its word
 */
public record Consolidation(YearMonth period, LocalDate asOf, String title, List<String> groups,
                            PeriodFigures headline, List<CategoryFigures> byCategory,
                            List<FeedbackPointFigures> byFeedbackPoint, List<ProblemFigures> byProblem,
                            List<UnitFigures> byUnit, List<GroupFigures> byGroup, List<Institution> institutions,
                            List<ListedAccountability> accountability, List<PeriodFigures> trend,
                            List<ExceptionEntry> exceptions, List<UnitReceipt> receipts,
                            Reviews reviews, Completion completion) {
}
