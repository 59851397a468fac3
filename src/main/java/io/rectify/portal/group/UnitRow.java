package io.rectify.portal.group;

import io.rectify.audit.AuditLog;
import io.rectify.consolidate.TaskCount;
import io.rectify.ledger.Unit;
import io.rectify.standing.Light;
import io.rectify.standing.UnitStanding;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A unit of the group on the supervisor's page: its standing of the period, its return as the nightly took it,
 * and an accepted upload through the portal since that no nightly has read yet.
 *
 * @param pendingUpload the latest such upload; null when there is none
 * @param files         its workbooks in the period's output folder
 */
record UnitRow(UnitStanding standing, Reporting reporting, Instant pendingUpload, List<GroupFiles.GroupFile> files) {

    /** What the pages say of an upload the nightly has not read yet. */
    static final String PENDING = "已上传，待今晚汇总";
    private static final DateTimeFormatter UPLOADED = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);

    public Unit unit() {
        return standing.unit().unit();
    }

    public TaskCount tasks() {
        return standing.unit().tasks();
    }

    public boolean red() {
        return standing.light() == Light.RED;
    }

    /** 已上传，待今晚汇总（4月3日 10:20）; null without a pending upload. */
    public String pending() {
        return pendingUpload == null ? null : PENDING + "（" + UPLOADED.format(pendingUpload.atZone(AuditLog.ZONE)) + "）";
    }

    /** The lead tasks' completion rate, marked （沿用） when the statuses were carried forward, as 按单位 shows it. */
    public String rate() {
        String rate = String.format(Locale.ROOT, "%.1f%%", tasks().rate() * 100);
        return standing.carriedForward() ? rate + "（沿用）" : rate;
    }

    /** The CSS class of the light: light-red, light-yellow, light-green. */
    public String lightClass() {
        return "light-" + standing.light().name().toLowerCase(Locale.ROOT);
    }
}
