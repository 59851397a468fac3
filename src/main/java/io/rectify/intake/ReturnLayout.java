package io.rectify.intake;

import io.rectify.workbook.Column;
import java.util.List;

/**
 * The layout of a unit return: sheet names, metadata labels and table columns with
 * their synonyms. The templates job writes this layout; intake reads any layout these rules accept.
 */
public final class ReturnLayout {

    public static final String PROGRESS_SHEET = "整改进展";
    public static final String INSTITUTION_SHEET = "制度建设";
    public static final String ACCOUNTABILITY_SHEET = "问责情况";
    /** Optional: the unit's requests to extend the deadline of its lead tasks (docs/RETURNS.md). */
    public static final String EXTENSION_SHEET = "延期申请";

    public static final String UNIT_CODE = "单位代码";
    public static final String UNIT_NAME = "单位名称";
    public static final String PERIOD = "报送期次";
    public static final String SUBMITTED_ON = "报送日期";
    public static final String REPORTER = "填报人";
    public static final String PHONE = "联系电话";
    public static final List<String> METADATA_LABELS = List.of(UNIT_CODE, UNIT_NAME, PERIOD, SUBMITTED_ON, REPORTER, PHONE);
    public static final List<String> REQUIRED_LABELS = List.of(UNIT_CODE, PERIOD);

    public static final String TASK_CODE = "任务编号";
    public static final String STATUS = "整改状态";
    public static final String COMPLETION_DATE = "完成日期";
    public static final String PROGRESS = "进展情况";
    public static final String EVIDENCE = "佐证材料";
    public static final String REMARK = "备注";
    public static final String PROBLEM_CODE = "问题编号";
    public static final String MEASURE = "整改措施";
    public static final String DEADLINE = "完成时限";
    public static final String ROLE = "责任类型";

    public static final List<Column> PROGRESS_COLUMNS = List.of(
            Column.required(TASK_CODE, "措施编号"),
            Column.required(STATUS, "状态"),
            Column.optional(COMPLETION_DATE),
            Column.optional(PROGRESS),
            Column.optional(EVIDENCE),
            Column.optional(REMARK),
            Column.optional(PROBLEM_CODE),
            Column.optional(MEASURE, "任务内容"),
            Column.optional(DEADLINE, "整改时限"),
            Column.optional(ROLE));

    /** The ledger columns a template copies; an edited value is flagged and the ledger wins. */
    public static final List<String> LEDGER_COLUMNS = List.of(PROBLEM_CODE, MEASURE, DEADLINE, ROLE);

    public static final String INSTITUTION_NAME = "制度名称";
    public static final String DOC_NO = "文号";
    public static final String KIND = "类型";
    public static final String ISSUED_ON = "印发日期";
    public static final String TASK_REF = "关联任务编号";
    public static final List<Column> INSTITUTION_COLUMNS = List.of(
            Column.required(INSTITUTION_NAME),
            Column.optional(DOC_NO),
            Column.required(KIND),
            Column.optional(ISSUED_ON),
            Column.optional(TASK_REF));

    public static final String PERSONS = "人数";
    public static final String PROBLEM_REF = "关联问题编号";
    public static final String NOTE = "说明";
    public static final List<Column> ACCOUNTABILITY_COLUMNS = List.of(
            Column.required(KIND),
            Column.required(PERSONS),
            Column.optional(PROBLEM_REF),
            Column.optional(NOTE));

    public static final String REQUESTED = "申请延期至";
    public static final String REASON = "延期理由";
    /** The deadline in force, copied by the template (the ledger's, or an extension granted before). */
    public static final String CURRENT_DEADLINE = "现完成时限";
    public static final List<Column> EXTENSION_COLUMNS = List.of(
            Column.required(TASK_CODE, "措施编号"),
            Column.required(REQUESTED, "延期至", "申请延期时限"),
            Column.required(REASON, "理由", "延期原因", "申请理由"),
            Column.optional(MEASURE, "任务内容"),
            Column.optional(CURRENT_DEADLINE, DEADLINE));

    public static final List<String> INSTITUTION_KINDS = List.of("新建", "修订");
    public static final List<String> ACCOUNTABILITY_KINDS = List.of("党纪政务立案", "党纪政务处分", "诫勉谈话", "组织处理");
    public static final String ROLE_LEAD = "牵头";
    public static final String ROLE_COOPERATING = "配合";

    private ReturnLayout() {
    }
}
