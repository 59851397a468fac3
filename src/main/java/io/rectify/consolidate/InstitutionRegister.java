package io.rectify.consolidate;

import io.rectify.ledger.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The district's institutions, each counted once: rows with the same 文号 are one institution;
 * a row without 文号 is the institution of the same 制度名称 (the one with a 文号 when there is
 * one). Both are compared by the keys reconcile stored ({@code InstitutionIdentity}), so the
 * count and reconcile's duplicate-institution exceptions agree.
 */
final class InstitutionRegister {

    private InstitutionRegister() {
    }

    static List<Institution> deduplicate(List<ListedInstitution> rows, LedgerLookup ledger) {
        List<ListedInstitution> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt((ListedInstitution r) -> ledger.unitOrder(r.unitCode()))
                .thenComparing(ListedInstitution::unitCode).thenComparingInt(ListedInstitution::excelRow));
        Map<String, String> docKeyByName = new HashMap<>();
        for (ListedInstitution row : ordered) {
            if (row.docKey() != null) {
                docKeyByName.putIfAbsent(row.nameKey(), "doc:" + row.docKey());
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (ListedInstitution row : ordered) {
            String key = row.docKey() != null ? "doc:" + row.docKey()
                    : docKeyByName.getOrDefault(row.nameKey(), "name:" + row.nameKey());
            entries.computeIfAbsent(key, k -> new Entry(row)).add(row, ledger.unit(row.unitCode()));
        }
        return entries.values().stream().map(Entry::institution).toList();
    }

    private static final class Entry {
        private final ListedInstitution first;
        private String docNo;
        private LocalDate issuedOn;
        private String taskRef;
        private final Set<Unit> units = new LinkedHashSet<>();

        Entry(ListedInstitution first) {
            this.first = first;
        }

        void add(ListedInstitution row, Unit unit) {
            docNo = docNo == null || docNo.isBlank() ? row.docNo() : docNo;
            issuedOn = issuedOn == null ? row.issuedOn() : issuedOn;
            taskRef = taskRef == null || taskRef.isBlank() ? row.taskRef() : taskRef;
            units.add(unit);
        }

        Institution institution() {
            return new Institution(first.name(), docNo, first.kind(), issuedOn, taskRef, List.copyOf(units));
        }
    }
}
