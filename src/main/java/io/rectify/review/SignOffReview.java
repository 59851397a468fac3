package io.rectify.review;

import io.rectify.rule.Periods;
import io.rectify.rule.TaskStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything one supervision group's 销号审核表 for one period holds: what {@link SignOffWorkbook} lays out.
 *
 * @param title         the ledger's 名称 (闵行区巡视整改)
 * @param ledgerVersion the content hash of the ledger version (the hidden marker); "" when unknown
 * @param pending       the group's tasks 待销号, in ledger order (sheet 销号审核)
 * @param rechecks      the regressions of signed-off tasks, then the spot-check sample, each in ledger order (sheet 回头看)
 */
public record SignOffReview(String title, YearMonth period, String group, String ledgerVersion,
                            List<Pending> pending, List<Recheck> rechecks) {

    public SignOffReview {
        pending = List.copyOf(pending);
        rechecks = List.copyOf(rechecks);
    }

    /**
     * A task 待销号 and the row of its lead unit's return that reported it 已完成.
     *
     * @param leadUnit   the lead unit's name
     * @param deadline   the deadline in force as shown everywhere ({@code Deadline.text()})
     * @param reportedIn the period of the return the row is in (an earlier one when the status was carried forward)
     * @param file       that return, relative to its period folder; null when unknown
     * @param row        the row's Excel number; null when unknown
     */
    public record Pending(String taskCode, String problemCode, String leadUnit, String measure, String deadline,
                          LocalDate completionDate, String evidence, String progress, YearMonth reportedIn,
                          String file, Integer row) {

        /** 报送文件 as the sheet shows it: the path, with the period when the row is of an earlier one. */
        String source(YearMonth period) {
            if (file == null) {
                return null;
            }
            return reportedIn == null || reportedIn.equals(period) ? file : file + "（" + Periods.text(reportedIn) + "报送）";
        }
    }

    /**
     * A signed-off task checked again.
     *
     * @param leadUnit    the lead unit's name
     * @param signedOffIn the period whose review signed it off
     * @param status      its status of the period: 已完成 for a spot check, what the unit reported for a regression
     */
    public record Recheck(Reason reason, String taskCode, String problemCode, String leadUnit, String measure,
                          YearMonth signedOffIn, TaskStatus status) {
    }

    /** Why a signed-off task is on 回头看 (column 类别). */
    public enum Reason {
        /** Reported otherwise after its sign-off: reopened by the unit itself, nothing to decide. */
        REGRESSION,
        /** Drawn for the spot check: to be confirmed 属实 or refuted 不属实. */
        SPOT_CHECK
    }
}
