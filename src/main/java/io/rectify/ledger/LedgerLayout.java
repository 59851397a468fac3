package io.rectify.ledger;

import io.rectify.workbook.Column;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The layout of the master ledger workbook (docs/LEDGER.md): sheet names, the keys of 基本信息 and the
 * columns of each table with their synonyms. The reader accepts any layout these rules allow; the
 * sample generator writes this one.
 */
public final class LedgerLayout {

    public static final String FOLDER = "master";
    public static final String EXTENSION = ".xlsx";

    public static final String INFO_SHEET = "基本信息";
    public static final String UNITS_SHEET = "责任单位";
    public static final String PROBLEMS_SHEET = "问题清单";
    public static final String TASKS_SHEET = "任务清单";
    /** The deduction table of the monthly score (考核); optional, its items default when absent. */
    public static final String SCORING_SHEET = "考核规则";
    /** Sheets in workbook order; ledger errors are reported in this order. */
    public static final List<String> SHEETS = List.of(INFO_SHEET, UNITS_SHEET, PROBLEMS_SHEET, TASKS_SHEET,
            SCORING_SHEET);
    /** The sheets a ledger must have. */
    public static final List<String> REQUIRED_SHEETS = List.of(UNITS_SHEET, PROBLEMS_SHEET, TASKS_SHEET);

    public static final String TITLE = "名称";
    public static final String FEEDBACK_DATE = "反馈日期";
    public static final String CUTOFF_DAY = "报送截止日";
    public static final List<String> INFO_KEYS = List.of(TITLE, FEEDBACK_DATE, CUTOFF_DAY);

    public static final String UNIT_CODE = "单位代码";
    public static final String UNIT_NAME = "单位名称";
    public static final String GROUP = "督查组";
    public static final String CONTACT = "联系人";
    public static final String PHONE = "联系电话";
    public static final List<Column> UNIT_COLUMNS = List.of(
            Column.required(UNIT_CODE, "代码"),
            Column.required(UNIT_NAME, "单位"),
            Column.required(GROUP),
            Column.optional(CONTACT),
            Column.optional(PHONE));

    public static final String PROBLEM_CODE = "问题编号";
    public static final String CATEGORY = "方面";
    public static final String FEEDBACK_POINT = "反馈问题";
    public static final String DESCRIPTION = "问题描述";
    public static final List<Column> PROBLEM_COLUMNS = List.of(
            Column.required(PROBLEM_CODE),
            Column.required(CATEGORY),
            Column.optional(FEEDBACK_POINT),
            Column.required(DESCRIPTION, "问题"));

    public static final String TASK_CODE = "任务编号";
    public static final String MEASURE = "整改措施";
    public static final String LEAD_UNIT = "牵头单位";
    public static final String COOPERATORS = "配合单位";
    public static final String DEADLINE = "完成时限";
    public static final List<Column> TASK_COLUMNS = List.of(
            Column.required(TASK_CODE, "措施编号"),
            Column.required(PROBLEM_CODE),
            Column.required(MEASURE, "任务内容"),
            Column.required(LEAD_UNIT, "责任单位"),
            Column.optional(COOPERATORS),
            Column.required(DEADLINE, "整改时限"));

    public static final String SCORE_ITEM = "扣分项";
    public static final String SCORE_POINTS = "每次扣分";
    public static final String SCORE_NOTE = "说明";
    public static final List<Column> SCORING_COLUMNS = List.of(
            Column.required(SCORE_ITEM, "考核项目", "扣分项目"),
            Column.required(SCORE_POINTS, "扣分", "分值"),
            Column.optional(SCORE_NOTE));
    /** The most one occurrence may cost: a whole score. */
    public static final int MAX_POINTS = 100;

    /** Separators between the units of one 配合单位 cell. */
    public static final Pattern COOPERATOR_SEPARATORS = Pattern.compile("[、,，;；\\r\\n]+");

    private LedgerLayout() {
    }
}
