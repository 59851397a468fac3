package io.rectify.review;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything the office's 延期审批表 for one period holds: what {@link ExtensionWorkbook} lays out.
 *
 * @param title         the ledger's 名称
 * @param ledgerVersion the content hash of the ledger version (the hidden marker); "" when unknown
 * @param requests      the period's accepted extension requests, in ledger order of their tasks
 */
public record ExtensionReview(String title, YearMonth period, String ledgerVersion, List<Request> requests) {

    public ExtensionReview {
        requests = List.copyOf(requests);
    }

    /**
     * One accepted row of a unit's 延期申请 sheet.
     *
     * @param leadUnit       the requesting (lead) unit's name
     * @param ledgerDeadline the ledger's deadline as written ({@code Deadline.original().text()})
     * @param deadline       the deadline in force as shown everywhere ({@code Deadline.text()})
     * @param deadlineDay    the day the deadline in force falls due: 批准延期至 must be after it
     * @param requested      申请延期至
     * @param file           the unit's return, relative to the period folder
     * @param row            the request's Excel row in it
     */
    public record Request(String taskCode, String problemCode, String leadUnit, String measure, String ledgerDeadline,
                          String deadline, LocalDate deadlineDay, LocalDate requested, String reason, String file,
                          int row) {
    }
}
