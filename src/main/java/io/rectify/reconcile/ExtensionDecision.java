package io.rectify.reconcile;

import io.rectify.rule.Verdict;
import java.time.LocalDate;

/**
 * An accepted row of the period's 延期审批表: the office's decision on one of the period's requests.
 *
 * @param verdict    {@link Verdict#GRANT} or {@link Verdict#REFUSE}
 * @param extendedTo the day the deadline moves to when granted (批准延期至, else the requested day); null when refused
 * @param decidedBy  审批人 of the workbook's metadata block, null when blank
 * @param decidedOn  审批日期 of the workbook's metadata block, null when blank or unreadable
 * @param file       the 延期审批表, as exceptions name review workbooks
 * @param row        the Excel row of the decision
 */
record ExtensionDecision(ExtensionRequest request, Verdict verdict, LocalDate extendedTo, String opinion,
                         String decidedBy, LocalDate decidedOn, String file, int row) {
}
