package io.rectify.reconcile;

import static io.rectify.intake.ReturnLayout.DOC_NO;
import static io.rectify.intake.ReturnLayout.INSTITUTION_KINDS;
import static io.rectify.intake.ReturnLayout.INSTITUTION_NAME;
import static io.rectify.intake.ReturnLayout.INSTITUTION_SHEET;
import static io.rectify.intake.ReturnLayout.ISSUED_ON;
import static io.rectify.intake.ReturnLayout.KIND;
import static io.rectify.intake.ReturnLayout.TASK_REF;

import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import io.rectify.ledger.Unit;
import io.rectify.reconcile.InstitutionIdentity.Key;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.workbook.ExcelDates;
import io.rectify.workbook.Texts;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of docs/RULES.md for 制度建设: invalid-institution, unknown-reference and
 * duplicate-institution, within one return and across the lists in force of all units.
 */
final class InstitutionCheck {

    private final LedgerIndex ledger;
    private final Findings findings;

    InstitutionCheck(LedgerIndex ledger, Findings findings) {
        this.ledger = ledger;
        this.findings = findings;
    }

    UnitList<InstitutionRow> check(ReturnFile file, Optional<SheetTable> sheet) {
        Matches<Integer> earlierRows = new Matches<>();
        return UnitList.read(sheet, (table, row) -> {
            InstitutionRow institution = accepted(file, table, row);
            if (institution == null) {
                return null;
            }
            Set<Integer> same = earlierRows.of(institution.key());
            if (!same.isEmpty()) {
                findings.add(Rule.DUPLICATE_INSTITUTION, file.unit(), null, institution.nameCell(),
                        prefix(row) + "制度“" + institution.name() + "”与第" + Collections.min(same)
                                + "行为同一制度，汇总时只计一次；请删除重复的行");
                return null;
            }
            earlierRows.add(institution.key(), row.row());
            return institution;
        });
    }

    /** The row as accepted (after its warnings), or null when it is rejected. */
    private InstitutionRow accepted(ReturnFile file, SheetTable table, TableRow row) {
        String name = row.text(INSTITUTION_NAME);
        String kind = Texts.code(row.text(KIND));
        boolean valid = true;
        if (name.isEmpty()) {
            valid = false;
            findings.add(Rule.INVALID_INSTITUTION, file.unit(), null, Place.cell(file.path(), table, row, INSTITUTION_NAME),
                    prefix(row) + "未填写制度名称，本行未采纳；请在下次报送时补充制度名称");
        }
        String what = prefix(row) + (name.isEmpty() ? "" : "制度“" + name + "”");
        if (!INSTITUTION_KINDS.contains(kind)) {
            valid = false;
            findings.add(Rule.INVALID_INSTITUTION, file.unit(), null, Place.cell(file.path(), table, row, KIND),
                    what + (kind.isEmpty() ? "未填写类型" : "的类型“" + row.text(KIND) + "”无效") + "，本行未采纳；请填写“新建”或“修订”");
        }
        LocalDate issuedOn = null;
        if (!row.text(ISSUED_ON).isEmpty()) {
            issuedOn = ExcelDates.date(row.cell(ISSUED_ON).get()).orElse(null);
            String problem = issuedOn == null ? "的印发日期“" + row.text(ISSUED_ON) + "”无法识别，本行未采纳；请按“2024-03-15”的格式填写"
                    : issuedOn.isAfter(file.submittedOn())
                    ? "的印发日期" + Periods.date(issuedOn) + "晚于报送日期" + Periods.date(file.submittedOn())
                            + "，本行未采纳；请核实并更正印发日期" : null;
            if (problem != null) {
                valid = false;
                findings.add(Rule.INVALID_INSTITUTION, file.unit(), null, Place.cell(file.path(), table, row, ISSUED_ON),
                        what + problem);
            }
        }
        if (!valid) {
            return null;
        }
        findings.unknownReferences(file, table, row, TASK_REF, ledger::task, what);
        String taskRef = row.text(TASK_REF);
        String docNo = row.text(DOC_NO);
        return new InstitutionRow(file, file.unit(), name, docNo.isEmpty() ? null : docNo, kind, issuedOn,
                taskRef.isEmpty() ? null : taskRef, Key.of(docNo, name), row.row(),
                Place.cell(file.path(), table, row, INSTITUTION_NAME));
    }

    /**
     * duplicate-institution across units: a row of this period's used returns whose institution is
     * also in another unit's list in force. Every such row is flagged (both units are told), naming
     * the other units; the district total counts the institution once.
     *
     * @param listsInForce each unit's list in force after this period, by unit code
     */
    void flagShared(Collection<InstitutionRow> reported, Map<String, List<Key>> listsInForce) {
        Matches<String> owners = new Matches<>();
        listsInForce.forEach((unit, keys) -> keys.forEach(k -> owners.add(k, unit)));
        for (InstitutionRow row : reported) {
            List<String> others = owners.of(row.key()).stream().filter(u -> !u.equals(row.unit().code()))
                    .sorted((a, b) -> Integer.compare(ledger.unitOrder(a), ledger.unitOrder(b))).toList();
            if (!others.isEmpty()) {
                String names = others.stream().map(u -> ledger.unit(u)).map(Unit::name).collect(Collectors.joining("、"));
                findings.add(Rule.DUPLICATE_INSTITUTION, row.unit(), null, row.nameCell(), "“" + INSTITUTION_SHEET + "”表第"
                        + row.excelRow() + "行制度“" + row.name() + "”也在" + names
                        + "的制度清单中，汇总时只计一次；如确为同一制度，请与相关单位商定由一家报送");
            }
        }
    }

    private static String prefix(TableRow row) {
        return "“" + INSTITUTION_SHEET + "”表第" + row.row() + "行";
    }

    /** Owners of institution keys, answering which owners hold the same institution as a key. */
    private static final class Matches<T> {

        private final Map<String, Set<T>> byDoc = new HashMap<>();
        private final Map<String, Set<T>> byNameWithoutDoc = new HashMap<>();
        private final Map<String, Set<T>> byName = new HashMap<>();

        void add(Key key, T owner) {
            if (key.docKey() != null) {
                byDoc.computeIfAbsent(key.docKey(), k -> new LinkedHashSet<>()).add(owner);
            } else {
                byNameWithoutDoc.computeIfAbsent(key.nameKey(), k -> new LinkedHashSet<>()).add(owner);
            }
            byName.computeIfAbsent(key.nameKey(), k -> new LinkedHashSet<>()).add(owner);
        }

        /** The owners of keys that are the same institution as {@code key} ({@link Key#same}). */
        Set<T> of(Key key) {
            Set<T> owners = new LinkedHashSet<>();
            if (key.docKey() != null) {
                owners.addAll(byDoc.getOrDefault(key.docKey(), Set.of()));
                owners.addAll(byNameWithoutDoc.getOrDefault(key.nameKey(), Set.of()));
            } else {
                owners.addAll(byName.getOrDefault(key.nameKey(), Set.of()));
            }
            return owners;
        }
    }
}
