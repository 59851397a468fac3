package io.rectify.sample;

import io.rectify.ledger.Task;
import io.rectify.rule.TaskStatus;
import io.rectify.template.InstitutionLine;
import java.time.LocalDate;
import java.util.List;

/**
 * What units write in the free-text columns of a return (进展情况, 佐证材料), in the words such
 * returns use. The wording is picked from the task code, so a task reads the same in every file.
 */
final class SampleWording {

    private static final List<String> DONE = List.of(
            "已按要求完成整改，相关工作已纳入日常管理，持续巩固整改成效。",
            "整改任务已完成，经单位党组（党委）会议审议通过，已形成长效工作机制。",
            "已完成，相关做法已固化为制度规范，正在抓好贯彻落实。",
            "已全部完成，整改情况已报区委巡视整改工作领导小组办公室。",
            "已完成整改并开展“回头看”，未发现问题反弹。");
    private static final List<String> DONE_EVIDENCE = List.of(
            "会议纪要、工作方案",
            "工作台账及现场照片",
            "整改情况报告",
            "印发文件及签收单",
            "专项检查报告、整改销号表");
    private static final List<String> IN_PROGRESS = List.of(
            "正在推进，已完成前期调研和方案起草，按计划推进实施。",
            "持续推进中，已完成阶段性目标，剩余工作正按时间节点推进。",
            "已列入本单位年度重点工作，正在按计划推进。");
    private static final String LONG_TERM = "长期坚持，按月推进并报送进展，已建立常态化工作机制。";
    private static final String NOT_STARTED = "已制定工作计划，待前置事项完成后启动实施。";
    private static final String COOPERATED = "已配合牵头单位完成相关工作。";
    private static final String COOPERATING = "正在配合牵头单位推进相关工作。";
    private static final String COOPERATION_EVIDENCE = "配合工作情况说明";

    private SampleWording() {
    }

    /**
     * @param lead        the unit writing is the task's lead unit (else a cooperating one)
     * @param institution the institution the task's lead unit issued, null when none
     */
    static String progress(Task task, boolean lead, TaskStatus status, LocalDate completed, InstitutionLine institution) {
        if (!lead) {
            return status == TaskStatus.COMPLETED ? COOPERATED : COOPERATING;
        }
        return switch (status) {
            case COMPLETED -> institution != null
                    ? "《" + institution.name() + "》已于" + chinese(completed) + "印发实施，正在抓好贯彻落实。"
                    : pick(DONE, task);
            case NOT_STARTED -> NOT_STARTED;
            case IN_PROGRESS -> task.longTerm() ? LONG_TERM : pick(IN_PROGRESS, task);
        };
    }

    /** 佐证材料 of a completed task; nothing for one that is not. */
    static String evidence(Task task, boolean lead, TaskStatus status, InstitutionLine institution) {
        if (status != TaskStatus.COMPLETED) {
            return "";
        }
        if (!lead) {
            return COOPERATION_EVIDENCE;
        }
        return institution != null ? "《" + institution.name() + "》印发文件" : pick(DONE_EVIDENCE, task);
    }

    /** A date as people write it in Chinese text: 2024年3月15日. */
    static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String pick(List<String> texts, Task task) {
        return texts.get(Math.floorMod(task.code().hashCode(), texts.size()));
    }
}
