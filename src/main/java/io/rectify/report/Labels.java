package io.rectify.report;

import io.rectify.rule.FileOutcome;

/** The Chinese words the reports use for codes and values. */
final class Labels {

    private Labels() {
    }

    static String yesNo(boolean value) {
        return value ? "是" : "否";
    }

    static String outcome(FileOutcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> "已采纳";
            case SUPERSEDED -> "已被更新的报送替代，未使用";
            case DUPLICATE -> "重复文件，未使用";
            case REJECTED -> "未采纳";
            case SKIPPED -> "已跳过";
        };
    }

    static String submission(boolean expected, boolean submitted) {
        if (submitted) {
            return "已报送";
        }
        return expected ? "未报送" : "无需报送";
    }
}
