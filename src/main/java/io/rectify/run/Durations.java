package io.rectify.run;

import java.time.Duration;

/** Durations as the office reads them. */
final class Durations {

    private Durations() {
    }

    /** "不到 1 秒", "42 秒", "3 分 05 秒", "1 小时 02 分". */
    static String chinese(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return "不到 1 秒";
        }
        if (seconds < 60) {
            return seconds + " 秒";
        }
        if (seconds < 3600) {
            return "%d 分 %02d 秒".formatted(seconds / 60, seconds % 60);
        }
        return "%d 小时 %02d 分".formatted(seconds / 3600, seconds % 3600 / 60);
    }
}
