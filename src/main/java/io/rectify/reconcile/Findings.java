package io.rectify.reconcile;

import io.rectify.intake.ReturnLayout;
import io.rectify.intake.ReviewLayout;
import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.util.CellReference;

/** The exceptions found while reconciling one period, put in report order at the end. */
final class Findings {

    private static final List<String> SHEET_ORDER = List.of(ReturnLayout.PROGRESS_SHEET,
            ReturnLayout.INSTITUTION_SHEET, ReturnLayout.ACCOUNTABILITY_SHEET, ReviewLayout.SIGN_OFF_SHEET,
            ReviewLayout.RECHECK_SHEET, ReviewLayout.EXTENSION_SHEET);

    /** Long texts (a task's measure) are quoted in messages up to this many characters. */
    private static final int QUOTED = 40;

    private final LedgerIndex ledger;
    private final List<ExceptionEntry> entries = new ArrayList<>();

    Findings(LedgerIndex ledger) {
        this.ledger = ledger;
    }

    /**
     * Records an exception. {@code unit} is the unit concerned (null when it cannot be told),
     * {@code task} the ledger task concerned (null when none); the problem code is the task's.
     */
    void add(Rule rule, Unit unit, Task task, Place place, String message) {
        entries.add(new ExceptionEntry(rule,
                unit == null ? null : unit.group(), unit == null ? null : unit.code(), unit == null ? null : unit.name(),
                task == null ? null : task.problemCode(), task == null ? null : task.code(),
                place.file(), place.sheet(), place.row(), place.column(), place.value(), message));
    }

    /**
     * Records an exception of the supervisors' or the office's review workbook: it reaches the group
     * {@code group} (null when it cannot be told), never a unit.
     */
    void addForGroup(Rule rule, String group, Task task, Place place, String message) {
        entries.add(new ExceptionEntry(rule, group, null, null,
                task == null ? null : task.problemCode(), task == null ? null : task.code(),
                place.file(), place.sheet(), place.row(), place.column(), place.value(), message));
    }

    /** Records exceptions found apart (a file's, checked on its own thread). */
    void addAll(List<ExceptionEntry> found) {
        entries.addAll(found);
    }

    /** The exceptions recorded so far, in the order found. */
    List<ExceptionEntry> entries() {
        return List.copyOf(entries);
    }

    /**
     * unknown-reference for the codes written in a reference cell (关联任务编号, 关联问题编号) that
     * {@code lookup} does not find in the ledger; {@code what} names the row in the message.
     */
    void unknownReferences(ReturnFile file, SheetTable table, TableRow row, String column,
                           Function<String, Optional<?>> lookup, String what) {
        List<String> unknown = LedgerIndex.unknownReferences(row.text(column), lookup);
        if (!unknown.isEmpty()) {
            add(Rule.UNKNOWN_REFERENCE, file.unit(), null, Place.cell(file.path(), table, row, column),
                    what + "的" + column + "“" + String.join("、", unknown) + "”在台账中不存在，请核对后更正");
        }
    }

    /**
     * All exceptions in report order: group and unit in ledger order (none last), then file (none
     * first), sheet (整改进展, 制度建设, 问责情况, 销号审核, 回头看, 延期审批, others), row (none first), column, rule in docs/RULES.md
     * order, task in ledger order and finally message, so that the order is total.
     */
    List<ExceptionEntry> sorted() {
        return entries.stream().sorted(Comparator
                        .comparingInt((ExceptionEntry e) -> ledger.groupOrder(e.group()))
                        .thenComparingInt(e -> ledger.unitOrder(e.unitCode()))
                        .thenComparing(ExceptionEntry::file, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(e -> sheetOrder(e.sheet()))
                        .thenComparing(ExceptionEntry::sheet, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ExceptionEntry::row, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(e -> e.column() == null ? -1 : CellReference.convertColStringToIndex(e.column()))
                        .thenComparing(ExceptionEntry::rule)
                        .thenComparingInt(e -> ledger.taskOrder(e.taskCode()))
                        .thenComparing(ExceptionEntry::message))
                .toList();
    }

    /** A text to quote in a message, shortened when long. */
    static String brief(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "…";
    }

    private static int sheetOrder(String sheet) {
        if (sheet == null) {
            return -1;
        }
        int i = SHEET_ORDER.indexOf(sheet);
        return i < 0 ? SHEET_ORDER.size() : i;
    }
}
