package io.rectify.consolidate;

import io.rectify.ledger.Unit;
import io.rectify.workbook.Texts;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The district's institutions, each counted once: rows with the same 文号 are one institution;
 * a row without 文号 is the institution of the same 制度名称 (the one with a 文号 when there is
 * one). Both are compared after folding white space, full-width forms, bracket styles and
 * title marks, as units type them differently.
 */
final class InstitutionRegister {

    private InstitutionRegister() {
    }

    static List<Institution> deduplicate(List<InstitutionRow> rows, LedgerIndex ledger) {
        List<InstitutionRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt((InstitutionRow r) -> ledger.unitOrder(r.unitCode()))
                .thenComparing(InstitutionRow::unitCode).thenComparingInt(InstitutionRow::excelRow));
        Map<String, String> docKeyByName = new HashMap<>();
        for (InstitutionRow row : ordered) {
            if (!fold(row.docNo()).isEmpty()) {
                docKeyByName.putIfAbsent(fold(row.name()), "doc:" + fold(row.docNo()));
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (InstitutionRow row : ordered) {
            String docNo = fold(row.docNo());
            String key = !docNo.isEmpty() ? "doc:" + docNo
                    : docKeyByName.getOrDefault(fold(row.name()), "name:" + fold(row.name()));
            entries.computeIfAbsent(key, k -> new Entry(row)).add(row, ledger.unit(row.unitCode()));
        }
        return entries.values().stream().map(Entry::institution).toList();
    }

    /** Text made comparable: NFKC (full-width to ASCII), no white space, one bracket style, no 《》, upper case. */
    static String fold(String text) {
        String folded = Normalizer.normalize(Texts.clean(text), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '《' || c == '》') {
                return;
            }
            out.appendCodePoint(switch (c) {
                case '(', '[', '【', '〖', '〔' -> '〔';
                case ')', ']', '】', '〗', '〕' -> '〕';
                default -> c;
            });
        });
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static final class Entry {
        private final InstitutionRow first;
        private String docNo;
        private LocalDate issuedOn;
        private String taskRef;
        private final Set<Unit> units = new LinkedHashSet<>();

        Entry(InstitutionRow first) {
            this.first = first;
        }

        void add(InstitutionRow row, Unit unit) {
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
