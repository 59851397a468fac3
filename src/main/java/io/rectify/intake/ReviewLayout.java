package io.rectify.intake;

import io.rectify.workbook.Column;
import java.util.List;

/**
 * The layout of the review workbooks (docs/REVIEWS.md) that the nightly job writes into
 * {@code output/<period>/} and reads back, filled, from {@code input/reviews/<period>/}: the
 * supervision group's 销号审核表 (sheets 销号审核 and 回头看) and the office's 延期审批表 (sheet 延期审批).
 * Like a unit's template, each has a metadata block above its table on its first sheet and the very
 * hidden marker sheet {@link TemplateMarker#SHEET}, here with keys {@link #KIND}, {@link TemplateMarker#PERIOD},
 * {@link #GROUP} and {@link TemplateMarker#LEDGER_VERSION}. Sheets are told by name, the metadata block by
 * its labels, columns by header (synonyms allowed), as for returns; the marker is a clue, never required.
 */
public final class ReviewLayout {

    /** Marker key: which review workbook it is, {@link #SIGN_OFF_KIND} or {@link #EXTENSION_KIND}. */
    public static final String KIND = "kind";
    /** Marker key: the supervision group of a 销号审核表. */
    public static final String GROUP = "group";
    public static final String SIGN_OFF_KIND = "sign-off";
    public static final String EXTENSION_KIND = "extension";

    /** {@code <督查组>-销号审核表.xlsx}, in {@code output/<period>/}{@value #SIGN_OFF_FOLDER}. */
    public static final String SIGN_OFF_FOLDER = "销号审核";
    public static final String SIGN_OFF_SUFFIX = "-销号审核表.xlsx";
    public static final String EXTENSION_FILE = "延期审批表.xlsx";

    // 销号审核表, first sheet: the tasks of the group's units awaiting sign-off
    public static final String SIGN_OFF_SHEET = "销号审核";
    // 销号审核表, second sheet: signed-off tasks checked again (regressions and the spot-check sample)
    public static final String RECHECK_SHEET = "回头看";
    // 延期审批表's only sheet
    public static final String EXTENSION_SHEET = "延期审批";

    // metadata block labels
    public static final String GROUP_LABEL = "督查组";
    public static final String PERIOD_LABEL = "审核期次";
    public static final String REVIEWER = "审核人";
    public static final String REVIEWED_ON = "审核日期";
    public static final List<String> SIGN_OFF_LABELS = List.of(GROUP_LABEL, PERIOD_LABEL, REVIEWER, REVIEWED_ON);
    public static final String EXTENSION_PERIOD_LABEL = "审批期次";
    public static final String APPROVER = "审批人";
    public static final String APPROVED_ON = "审批日期";
    public static final List<String> EXTENSION_LABELS = List.of(EXTENSION_PERIOD_LABEL, APPROVER, APPROVED_ON);

    // columns shared by the tables
    public static final String SEQ = "序号";
    public static final String TASK_CODE = ReturnLayout.TASK_CODE;
    public static final String PROBLEM_CODE = ReturnLayout.PROBLEM_CODE;
    public static final String LEAD_UNIT = "牵头单位";
    public static final String MEASURE = ReturnLayout.MEASURE;
    public static final String DEADLINE = ReturnLayout.DEADLINE;
    /** The unit's return the row comes from, relative to its period folder, and the Excel row in it. */
    public static final String SOURCE_FILE = "报送文件";
    public static final String SOURCE_ROW = "行号";

    // 销号审核
    public static final String COMPLETION_DATE = ReturnLayout.COMPLETION_DATE;
    public static final String EVIDENCE = ReturnLayout.EVIDENCE;
    public static final String PROGRESS = ReturnLayout.PROGRESS;
    public static final String DECISION = "审核结论";
    public static final String OPINION = "审核意见";
    public static final List<Column> SIGN_OFF_COLUMNS = List.of(
            Column.required(TASK_CODE, "措施编号"),
            Column.required(DECISION, "结论"),
            Column.optional(OPINION, "意见"),
            Column.optional(SEQ), Column.optional(PROBLEM_CODE), Column.optional(LEAD_UNIT, "责任单位"),
            Column.optional(MEASURE, "任务内容"), Column.optional(DEADLINE), Column.optional(COMPLETION_DATE),
            Column.optional(EVIDENCE), Column.optional(PROGRESS), Column.optional(SOURCE_FILE), Column.optional(SOURCE_ROW));

    // 回头看
    /** Why the task is checked again: {@link #REGRESSION} or {@link #SPOT_CHECK}. */
    public static final String RECHECK_REASON = "类别";
    public static final String REGRESSION = "整改反弹";
    public static final String SPOT_CHECK = "抽查";
    public static final String SIGNED_OFF_IN = "销号期次";
    public static final String CURRENT_STATUS = "本期状态";
    public static final String RECHECK_DECISION = "复核结论";
    public static final String RECHECK_OPINION = "复核意见";
    public static final List<Column> RECHECK_COLUMNS = List.of(
            Column.required(TASK_CODE, "措施编号"),
            Column.required(RECHECK_DECISION, "结论"),
            Column.optional(RECHECK_OPINION, "意见"),
            Column.optional(SEQ), Column.optional(RECHECK_REASON), Column.optional(PROBLEM_CODE),
            Column.optional(LEAD_UNIT, "责任单位"), Column.optional(MEASURE, "任务内容"),
            Column.optional(SIGNED_OFF_IN), Column.optional(CURRENT_STATUS));

    // 延期审批
    public static final String LEDGER_DEADLINE = "原完成时限";
    public static final String CURRENT_DEADLINE = ReturnLayout.CURRENT_DEADLINE;
    public static final String REQUESTED = ReturnLayout.REQUESTED;
    public static final String REASON = ReturnLayout.REASON;
    public static final String EXTENSION_DECISION = "审批结论";
    /** The day granted; blank with 批准 grants the requested day. */
    public static final String GRANTED_TO = "批准延期至";
    public static final String EXTENSION_OPINION = "审批意见";
    public static final List<Column> EXTENSION_COLUMNS = List.of(
            Column.required(TASK_CODE, "措施编号"),
            Column.required(EXTENSION_DECISION, "结论"),
            Column.optional(GRANTED_TO),
            Column.optional(EXTENSION_OPINION, "意见"),
            Column.optional(SEQ), Column.optional(PROBLEM_CODE), Column.optional(LEAD_UNIT, "责任单位"),
            Column.optional(MEASURE, "任务内容"), Column.optional(LEDGER_DEADLINE), Column.optional(CURRENT_DEADLINE),
            Column.optional(REQUESTED), Column.optional(REASON), Column.optional(SOURCE_FILE), Column.optional(SOURCE_ROW));

    private ReviewLayout() {
    }
}
