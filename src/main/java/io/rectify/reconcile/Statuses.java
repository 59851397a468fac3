package io.rectify.reconcile;

import io.rectify.workbook.Texts;
import java.util.Map;

/** The task statuses of SPEC §1 and the other words units use for them (SPEC §3). */
final class Statuses {

    static final String NOT_STARTED = "未启动";
    static final String IN_PROGRESS = "推进中";
    static final String COMPLETED = "已完成";
    static final String CHOICES = "未启动、推进中、已完成";

    private static final Map<String, String> WORDS = Map.of(
            NOT_STARTED, NOT_STARTED, "未开始", NOT_STARTED,
            IN_PROGRESS, IN_PROGRESS, "进行中", IN_PROGRESS, "正在推进", IN_PROGRESS,
            COMPLETED, COMPLETED, "完成", COMPLETED, "已办结", COMPLETED);

    private Statuses() {
    }

    /** The status a unit's word stands for, or null when it is blank or unknown. */
    static String of(String written) {
        return WORDS.get(Texts.code(written));
    }
}
