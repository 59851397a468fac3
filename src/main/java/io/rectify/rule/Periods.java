package io.rectify.rule;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A period as the users read it in messages and outputs: 2024年3月; a day in prose: 2024年3月31日.
 * Machine fields (exceptions.csv, summary.json, folder names) keep YYYY-MM and YYYY-MM-DD.
 */
public final class Periods {

    private Periods() {
    }

    /** 2024-03 as people write it: 2024年3月. */
    public static String text(YearMonth period) {
        return period.getYear() + "年" + period.getMonthValue() + "月";
    }

    /** 2024-03-31 as written in a notice or a deadline in prose: 2024年3月31日. */
    public static String date(LocalDate day) {
        return text(YearMonth.from(day)) + day.getDayOfMonth() + "日";
    }

    /** A deadline in prose as read on {@code asOf}: 今日（2024年6月30日） when it is that day, else 2024年7月5日前. */
    public static String by(LocalDate deadline, LocalDate asOf) {
        return deadline.equals(asOf) ? "今日（" + date(deadline) + "）" : date(deadline) + "前";
    }
}
