package io.rectify.intake;

import io.rectify.rule.Rule;
import io.rectify.workbook.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a workbook template-mismatch (a missing sheet, label or column), collected so that the
 * refusal names everything missing at once and the file is fixed in one go.
 */
final class Mismatches {

    private record Mismatch(String sheet, Integer row, String message) {
    }

    private final List<Mismatch> found = new ArrayList<>();

    /** @param sheet where it was found, null when it concerns the whole workbook */
    void add(String sheet, Integer row, String message) {
        found.add(new Mismatch(sheet, row, message));
    }

    /** A sheet whose table header was not found: the required columns, their synonyms, what is missing. */
    void missingColumns(String sheet, List<Column> columns, TableReader reader) {
        List<String> required = columns.stream().filter(Column::required).map(Mismatches::withSynonyms).toList();
        add(sheet, reader.closestRow(), "工作表“" + sheet + "”未找到表头行（须有一行同时包含"
                + String.join("、", required) + "），缺少" + quoted(reader.missingColumns()) + "；请按模板恢复表头");
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The template-mismatch refusal naming them all, placed at the first. */
    ReadOutcome.Refused refusal() {
        Mismatch first = found.get(0);
        String message = String.join("；另外，", found.stream().map(Mismatch::message).toList());
        return new ReadOutcome.Refused(Rule.TEMPLATE_MISMATCH, first.sheet(), first.row(), null, null, message);
    }

    static String quoted(List<String> names) {
        return String.join("、", names.stream().map(n -> "“" + n + "”").toList());
    }

    private static String withSynonyms(Column column) {
        String name = "“" + column.name() + "”";
        return column.synonyms().isEmpty() ? name : name + "（或" + quoted(column.synonyms()).replace("、", "或") + "）";
    }
}
