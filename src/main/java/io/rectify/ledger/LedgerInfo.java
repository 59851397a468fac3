package io.rectify.ledger;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The 基本信息 sheet.
 *
 * @param title        名称, used in reports (default 巡视整改)
 * @param feedbackDate 反馈日期: completion dates before it are invalid; null when not given
 * @param cutoffDay    报送截止日: the day of the following month by which a return is due (default 5)
 */
public record LedgerInfo(String title, LocalDate feedbackDate, int cutoffDay) {

    public static final String DEFAULT_TITLE = "巡视整改";
    public static final int DEFAULT_CUTOFF_DAY = 5;

    /** The day a period's return is due: 报送截止日 of the following month (its last day when the month is shorter). */
    public LocalDate dueDate(YearMonth period) {
        YearMonth next = period.plusMonths(1);
        return next.atDay(Math.min(Math.max(cutoffDay, 1), next.lengthOfMonth()));
    }
}
