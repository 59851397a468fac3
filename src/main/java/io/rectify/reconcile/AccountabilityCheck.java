package io.rectify.reconcile;

import static io.rectify.intake.ReturnLayout.ACCOUNTABILITY_KINDS;
import static io.rectify.intake.ReturnLayout.ACCOUNTABILITY_SHEET;
import static io.rectify.intake.ReturnLayout.KIND;
import static io.rectify.intake.ReturnLayout.NOTE;
import static io.rectify.intake.ReturnLayout.PERSONS;
import static io.rectify.intake.ReturnLayout.PROBLEM_REF;

import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import io.rectify.rule.Rule;
import io.rectify.workbook.Cell;
import io.rectify.workbook.Texts;
import java.math.BigDecimal;
import java.util.Optional;

/** The rules of docs/RULES.md for 问责情况: invalid-accountability and unknown-reference. */
final class AccountabilityCheck {

    /** More people than this in one row is taken for a typing slip, not a number of people. */
    private static final int MAX_PERSONS = 100_000;

    private final LedgerIndex ledger;
    private final Findings findings;

    AccountabilityCheck(LedgerIndex ledger, Findings findings) {
        this.ledger = ledger;
        this.findings = findings;
    }

    UnitList<AccountabilityRow> check(ReturnFile file, Optional<SheetTable> sheet) {
        return UnitList.read(sheet, (table, row) -> accepted(file, table, row));
    }

    private AccountabilityRow accepted(ReturnFile file, SheetTable table, TableRow row) {
        String prefix = "“" + ACCOUNTABILITY_SHEET + "”表第" + row.row() + "行";
        String kind = Texts.code(row.text(KIND));
        boolean valid = true;
        if (!ACCOUNTABILITY_KINDS.contains(kind)) {
            valid = false;
            findings.add(Rule.INVALID_ACCOUNTABILITY, file.unit(), null, Place.cell(file.path(), table, row, KIND),
                    prefix + (kind.isEmpty() ? "未填写问责类型" : "的问责类型“" + row.text(KIND) + "”无效")
                            + "，本行未采纳；请从“" + String.join("、", ACCOUNTABILITY_KINDS) + "”中选择填写");
        }
        Integer persons = row.cell(PERSONS).map(AccountabilityCheck::persons).orElse(null);
        if (persons == null) {
            valid = false;
            findings.add(Rule.INVALID_ACCOUNTABILITY, file.unit(), null, Place.cell(file.path(), table, row, PERSONS),
                    prefix + (row.text(PERSONS).isEmpty() ? "未填写人数" : "的人数“" + row.text(PERSONS) + "”无效")
                            + "，本行未采纳；请填写不小于1的整数");
        }
        if (!valid) {
            return null;
        }
        findings.unknownReferences(file, table, row, PROBLEM_REF, ledger::problem, prefix);
        String problemRef = row.text(PROBLEM_REF);
        String note = row.text(NOTE);
        return new AccountabilityRow(file, file.unit(), kind, persons, problemRef.isEmpty() ? null : problemRef,
                note.isEmpty() ? null : note, row.row());
    }

    /** A number of people: a whole number ≥ 1, as a number cell or as text such as 3 or 3人; else null. */
    static Integer persons(Cell cell) {
        BigDecimal number;
        if (cell.kind() == Cell.Kind.NUMBER) {
            number = BigDecimal.valueOf(cell.number());
        } else if (cell.kind() == Cell.Kind.TEXT) {
            String text = Texts.code(cell.text());
            text = text.endsWith("人") ? text.substring(0, text.length() - 1) : text;
            try {
                number = new BigDecimal(text);
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        number = number.stripTrailingZeros();
        if (number.scale() > 0 || number.compareTo(BigDecimal.ONE) < 0
                || number.compareTo(BigDecimal.valueOf(MAX_PERSONS)) > 0) {
            return null;
        }
        return number.intValueExact();
    }
}
