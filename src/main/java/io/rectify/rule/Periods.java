package io.rectify.rule;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A period as the users read it in messages and outputs: 2024年3月. Machine fields (exceptions.csv,
 * summary.json, folder names) keep YYYY-MM.
 */
public final class Periods {

    private Periods() {
    }

    /** 2024-03 as people write it: 2024年3月. */
    public static String text(YearMonth period) {
        return period.getYear() + "年" + period.getMonthValue() + "月";
    }

    /** A day as people write it in prose (a deadline, the date of a notice): 2024年4月5日. */
    public static String date(LocalDate day) {
        return text(YearMonth.from(day)) + day.getDayOfMonth() + "日";
    }
}
