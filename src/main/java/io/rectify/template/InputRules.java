package io.rectify.template;

import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * What a template lets people type where: drop-down lists, date and whole-number validations on
 * the input cells, and sheet protection that keeps everything else as written.
 *
 * <p>Protection has no password, by choice: it guards against accidental edits, not against a
 * unit determined to change the ledger columns (intake flags every edited ledger value as
 * ledger-field-changed and the ledger wins anyway), and a password only the office knows would
 * turn every unit that needs to widen a column or fix a layout into a help-desk call.
 */
public final class InputRules {

    /** The lower bound of dates when the ledger gives no feedback date. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final String TODAY = "TODAY()";

    private final XSSFSheet sheet;
    private final DataValidationHelper helper;

    public InputRules(XSSFSheet sheet) {
        this.sheet = sheet;
        this.helper = sheet.getDataValidationHelper();
    }

    /** A drop-down list of {@code values} on rows {@code firstRow..lastRow} (0-based) of a column. */
    public void choice(int firstRow, int lastRow, int column, List<String> values, String title) {
        add(helper.createExplicitListConstraint(values.toArray(String[]::new)), firstRow, lastRow, column, title,
                "请从下拉列表中选择：" + String.join("、", values) + "。");
    }

    /**
     * A drop-down list of the values in {@code range} (a defined name or a reference), for lists
     * longer than an inline list may be (255 characters in Excel and WPS).
     */
    void choiceFrom(int firstRow, int lastRow, int column, String range, String title, String message) {
        add(helper.createFormulaListConstraint(range), firstRow, lastRow, column, title, message);
    }

    /** Dates after today, the day the unit fills the template in. */
    void dateAfterToday(int firstRow, int lastRow, int column, String title, String message) {
        add(helper.createDateConstraint(OperatorType.GREATER_THAN, TODAY, null, "yyyy-mm-dd"),
                firstRow, lastRow, column, title, message);
    }

    /** Dates between {@code earliest} and today, the day the unit fills the template in. */
    public void date(int firstRow, int lastRow, int column, LocalDate earliest, String title, String message) {
        add(helper.createDateConstraint(OperatorType.BETWEEN, formula(earliest), TODAY, "yyyy-mm-dd"),
                firstRow, lastRow, column, title, message);
    }

    /** Dates after {@code day} (a later deadline). */
    public void dateAfter(int firstRow, int lastRow, int column, LocalDate day, String title, String message) {
        add(helper.createDateConstraint(OperatorType.GREATER_THAN, formula(day), null, "yyyy-mm-dd"),
                firstRow, lastRow, column, title, message);
    }

    /** Whole numbers of at least 1. */
    public void count(int firstRow, int lastRow, int column, String title) {
        add(helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "1", null), firstRow, lastRow, column, title,
                "请填写不小于1的整数。");
    }

    /**
     * Turns protection on: locked cells can be selected but not changed, unlocked cells are
     * editable; columns and rows can still be resized, and where {@code rowsEditable} rows can be
     * inserted and deleted (the list sheets, whose cells are all input cells).
     */
    public void protect(boolean rowsEditable) {
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockInsertRows(!rowsEditable);
        sheet.lockDeleteRows(!rowsEditable);
        sheet.enableLocking();
    }

    public static String formula(LocalDate date) {
        return "DATE(" + date.getYear() + "," + date.getMonthValue() + "," + date.getDayOfMonth() + ")";
    }

    private void add(DataValidationConstraint constraint, int firstRow, int lastRow, int column, String title,
                     String message) {
        if (lastRow < firstRow) {
            return;
        }
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(firstRow, lastRow, column, column));
        validation.setEmptyCellAllowed(true);
        // XSSF inverts this flag: true shows the drop-down arrow of a list
        validation.setSuppressDropDownArrow(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(title, message);
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }
}
