package io.rectify.sample;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Spreads the deadlines of the sample's tasks over the month ends from September 2023 to June 2024,
 * most of them at the end of 2023 as in a 集中整改. The month is picked from a hash of the task's
 * problem and measure, so a task keeps its deadline when others are added, and the tasks one
 * measure gives to several units share one deadline.
 */
final class SampleDeadlines {

    static final YearMonth FIRST_MONTH = YearMonth.of(2023, 9);
    static final YearMonth LAST_MONTH = YearMonth.of(2024, 6);
    /** Percentages of tasks due at the end of each month from FIRST_MONTH to LAST_MONTH. */
    private static final int[] SHARES = {6, 10, 15, 32, 9, 8, 12, 3, 2, 3};

    private SampleDeadlines() {
    }

    static LocalDate spread(String problemCode, String measure) {
        int point = Math.floorMod(mix((problemCode + "|" + measure).hashCode()), 100);
        int month = 0;
        int passed = SHARES[0];
        while (point >= passed) {
            month++;
            passed += SHARES[month];
        }
        return FIRST_MONTH.plusMonths(month).atEndOfMonth();
    }

    /** Murmur3's finaliser: spreads String.hashCode, which barely differs between similar strings. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
