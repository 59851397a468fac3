package io.rectify.template;

import java.time.LocalDate;

/**
 * A task's last known state before a template's period, as the nightly job consolidated it.
 *
 * @param status         未启动, 推进中 or 已完成
 * @param completionDate 完成日期, null when none was reported
 * @param evidence       佐证材料 of the lead unit's row that gave the status, null when none
 */
public record KnownStatus(String status, LocalDate completionDate, String evidence) {

    public KnownStatus(String status, LocalDate completionDate) {
        this(status, completionDate, null);
    }
}
