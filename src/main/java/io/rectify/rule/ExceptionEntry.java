package io.rectify.rule;

/**
 * One line of the exception list (异常清单): every field docs/RULES.md lists. Fields that do not
 * apply are null (row is null for a task-scope exception, task is null for a file-scope one...).
 *
 * @param file   the path relative to the period folder, '/' separated
 * @param row    the row as Excel numbers it
 * @param column the column letter
 * @param value  the original cell value as the unit wrote it
 * @param message what the unit must fix, in Chinese
 */
public record ExceptionEntry(Rule rule, String group, String unitCode, String unitName, String problemCode,
                             String taskCode, String file, String sheet, Integer row, String column, String value,
                             String message) {

    public Severity severity() {
        return rule.severity();
    }

    /**
     * Where it is, as a unit finds it in Excel: 整改进展!C9, 整改进展 第9行 without a column, the sheet alone
     * without a row, 整个文件 without a sheet.
     */
    public String location() {
        if (sheet == null || sheet.isBlank()) {
            return "整个文件";
        }
        if (row == null) {
            return sheet;
        }
        return column == null || column.isBlank() ? sheet + " 第" + row + "行" : sheet + "!" + column + row;
    }
}
