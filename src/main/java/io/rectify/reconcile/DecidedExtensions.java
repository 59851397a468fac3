package io.rectify.reconcile;

import io.rectify.ledger.Deadline;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.Verdict;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The office's decisions on a period's extension requests (its 延期审批表): each tells the task's lead unit
 * (extension-granted / extension-refused, on the cell of its request), and the granted ones move the
 * deadlines the period's own rules (overdue, due-soon, completed-late) judge by.
 */
final class DecidedExtensions {

    private final Findings findings;
    private final YearMonth period;

    DecidedExtensions(Findings findings, YearMonth period) {
        this.findings = findings;
        this.period = period;
    }

    /** {@code ledger} with the deadlines {@code decisions} granted, each decision told to its lead unit. */
    LedgerIndex apply(LedgerIndex ledger, List<ExtensionDecision> decisions) {
        Map<String, LocalDate> granted = new HashMap<>();
        for (ExtensionDecision decision : decisions) {
            ExtensionRequest request = decision.request();
            String asked = "任务“" + request.task().code() + "”申请延期至" + Periods.date(request.requested());
            Deadline inForce = request.task().deadline();
            if (decision.verdict() == Verdict.GRANT) {
                granted.put(request.task().code(), decision.extendedTo());
                boolean shorter = !decision.extendedTo().equals(request.requested());
                findings.add(Rule.EXTENSION_GRANTED, request.unit(), request.task(), request.place(), asked + "，已"
                        + Verdict.GRANT.word() + (shorter ? "延期至" + Periods.date(decision.extendedTo()) + "（短于申请）" : "")
                        + decidedBy(decision) + "；完成时限现为" + inForce.extendedTo(decision.extendedTo()).text()
                        + "，自" + Periods.text(period) + "起按此时限统计；请在" + Periods.date(decision.extendedTo())
                        + "前完成整改并及时报送");
            } else {
                findings.add(Rule.EXTENSION_REFUSED, request.unit(), request.task(), request.place(), asked + "，未获"
                        + Verdict.GRANT.word() + decidedBy(decision) + "，审批意见：“" + decision.opinion() + "”；完成时限仍为"
                        + inForce.describe() + "，请按此时限抓紧推进");
            }
        }
        return ledger.extended(granted);
    }

    /** （审批人：李四，2024年4月3日）, with what the 延期审批表's metadata block gives; nothing when it gives neither. */
    private static String decidedBy(ExtensionDecision decision) {
        String by = decision.decidedBy() == null ? "" : "审批人：" + decision.decidedBy();
        String on = decision.decidedOn() == null ? "" : Periods.date(decision.decidedOn());
        String both = by.isEmpty() || on.isEmpty() ? by + on : by + "，" + on;
        return both.isEmpty() ? "" : "（" + both + "）";
    }
}
