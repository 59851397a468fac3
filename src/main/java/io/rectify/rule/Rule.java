package io.rectify.rule;

/**
 * The rule codes of docs/RULES.md, each with its severity and scope. The constant names are the codes.
 */
public enum Rule {
    FILE_UNREADABLE("file-unreadable", Severity.ERROR, Scope.FILE, "文件无法读取"),
    FILE_ENCRYPTED("file-encrypted", Severity.ERROR, Scope.FILE, "文件已加密"),
    TEMPLATE_MISMATCH("template-mismatch", Severity.ERROR, Scope.FILE, "模板不符"),
    UNKNOWN_UNIT("unknown-unit", Severity.ERROR, Scope.FILE, "单位代码无效"),
    UNIT_NAME_MISMATCH("unit-name-mismatch", Severity.ERROR, Scope.FILE, "单位名称不符"),
    PERIOD_MISMATCH("period-mismatch", Severity.ERROR, Scope.FILE, "报送期次不符"),
    TEMPLATE_OUTDATED("template-outdated", Severity.WARNING, Scope.FILE, "模板已过期"),
    LATE_SUBMISSION("late-submission", Severity.WARNING, Scope.FILE, "逾期报送"),
    SUPERSEDED("superseded", Severity.INFO, Scope.FILE, "已被更新报送替代"),
    DUPLICATE_FILE("duplicate-file", Severity.INFO, Scope.FILE, "重复文件"),
    SKIPPED_FILE("skipped-file", Severity.INFO, Scope.FILE, "已跳过的文件"),
    UNKNOWN_TASK("unknown-task", Severity.ERROR, Scope.ROW, "任务编号不存在"),
    NOT_ASSIGNED("not-assigned", Severity.ERROR, Scope.ROW, "非本单位任务"),
    DUPLICATE_TASK_ROW("duplicate-task-row", Severity.ERROR, Scope.ROW, "任务重复填报"),
    INVALID_STATUS("invalid-status", Severity.ERROR, Scope.ROW, "整改状态无效"),
    MISSING_COMPLETION_DATE("missing-completion-date", Severity.ERROR, Scope.ROW, "缺少完成日期"),
    INVALID_DATE("invalid-date", Severity.ERROR, Scope.ROW, "完成日期无效"),
    MISSING_EVIDENCE("missing-evidence", Severity.WARNING, Scope.ROW, "缺少佐证材料"),
    LEDGER_FIELD_CHANGED("ledger-field-changed", Severity.WARNING, Scope.ROW, "台账字段被修改"),
    TASK_NOT_REPORTED("task-not-reported", Severity.WARNING, Scope.TASK, "任务未填报"),
    MISSING_RETURN("missing-return", Severity.ERROR, Scope.UNIT, "未报送"),
    OVERDUE("overdue", Severity.ERROR, Scope.TASK, "逾期未完成"),
    DUE_SOON("due-soon", Severity.WARNING, Scope.TASK, "即将到期"),
    REGRESSION("regression", Severity.ERROR, Scope.TASK, "整改反弹"),
    COMPLETION_DATE_CHANGED("completion-date-changed", Severity.WARNING, Scope.TASK, "完成日期变更"),
    COMPLETED_LATE("completed-late", Severity.INFO, Scope.TASK, "超期完成"),
    INVALID_INSTITUTION("invalid-institution", Severity.ERROR, Scope.ROW, "制度建设填报有误"),
    DUPLICATE_INSTITUTION("duplicate-institution", Severity.INFO, Scope.ROW, "制度重复报送"),
    INVALID_ACCOUNTABILITY("invalid-accountability", Severity.ERROR, Scope.ROW, "问责情况填报有误"),
    UNKNOWN_REFERENCE("unknown-reference", Severity.WARNING, Scope.ROW, "关联编号不存在"),
    INVALID_EXTENSION_REQUEST("invalid-extension-request", Severity.ERROR, Scope.ROW, "延期申请有误"),
    EXTENSION_NOT_LEAD("extension-not-lead", Severity.ERROR, Scope.ROW, "非本单位牵头任务不能申请延期"),
    EXTENSION_TOO_LATE("extension-too-late", Severity.ERROR, Scope.ROW, "延期申请超时"),
    SIGNOFF_RETURNED("signoff-returned", Severity.ERROR, Scope.TASK, "销号退回"),
    RECHECK_FAILED("recheck-failed", Severity.ERROR, Scope.TASK, "回头看复核不属实"),
    EXTENSION_REFUSED("extension-refused", Severity.WARNING, Scope.TASK, "延期未批准"),
    EXTENSION_GRANTED("extension-granted", Severity.INFO, Scope.TASK, "延期已批准"),
    REVIEW_MISMATCH("review-mismatch", Severity.ERROR, Scope.FILE, "审核表不符"),
    REVIEW_UNKNOWN_TASK("review-unknown-task", Severity.ERROR, Scope.ROW, "审核任务不存在"),
    REVIEW_NOT_PENDING("review-not-pending", Severity.ERROR, Scope.ROW, "任务不在待审之列"),
    REVIEW_INVALID_DECISION("review-invalid-decision", Severity.ERROR, Scope.ROW, "审核结论无效"),
    REVIEW_MISSING_OPINION("review-missing-opinion", Severity.ERROR, Scope.ROW, "缺少审核意见");

    /** What an exception is about. */
    public enum Scope { FILE, ROW, TASK, UNIT }

    private final String code;
    private final Severity severity;
    private final Scope scope;
    private final String title;

    Rule(String code, Severity severity, Scope scope, String title) {
        this.code = code;
        this.severity = severity;
        this.scope = scope;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public Scope scope() {
        return scope;
    }

    /** An error about a whole file: the file is not used (the unit's return is not taken from it). */
    public boolean rejectsFile() {
        return severity == Severity.ERROR && scope == Scope.FILE;
    }

    /** An error about a row: the row is not taken (a task's row is reported as not adopted). */
    public boolean rejectsRow() {
        return severity == Severity.ERROR && scope == Scope.ROW;
    }

    /** A short Chinese name of the rule for report headings. */
    public String title() {
        return title;
    }

    public static Rule of(String code) {
        for (Rule r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule " + code);
    }
}
