package io.rectify.report;

import io.rectify.rule.FileOutcome;
import io.rectify.rule.Rule;

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
            case SUPERSEDED -> Rule.SUPERSEDED.title() + "，未使用";
            case DUPLICATE -> Rule.DUPLICATE_FILE.title() + "，未使用";
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
