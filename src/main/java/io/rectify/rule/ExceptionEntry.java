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
}
