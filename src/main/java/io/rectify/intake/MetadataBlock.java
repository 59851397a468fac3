package io.rectify.intake;

import io.rectify.workbook.Cell;
import io.rectify.workbook.SheetRow;
import io.rectify.workbook.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata block above a table (a return's 整改进展, a review workbook's first sheet): label cells
 * (the layout's labels, such as {@link ReturnLayout#METADATA_LABELS}, matched after header normalisation,
 * a trailing colon allowed) with their value in the next non-empty cell to the right. A cell holding
 * "单位代码：A01" carries label and value at once.
 * <p>
 * A label found with no value (nothing to its right, or only another label) gives a field whose
 * cell is blank, located just right of the label: that is where the unit should type the value.
 * A label never found gives no field.
 */
final class MetadataBlock {

    private final List<String> labels;
    private final Map<String, MetadataField> fields = new LinkedHashMap<>();

    MetadataBlock(List<String> labels) {
        this.labels = labels;
    }

    /** A row above the table: every label cell in it counts. */
    void scan(SheetRow row) {
        List<Cell> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            Optional<Label> label = label(cell);
            if (label.isEmpty()) {
                continue;
            }
            if (!label.get().inlineValue().isEmpty()) {
                add(new MetadataField(label.get().name(), row.number(), cell.columnLetter(),
                        Cell.text(cell.column(), label.get().inlineValue())));
                continue;
            }
            Cell value = nextNonEmpty(cells, i);
            if (value == null || label(value).isPresent()) {
                add(new MetadataField(label.get().name(), row.number(), Cell.columnLetter(cell.column() + 1),
                        Cell.text(cell.column() + 1, "")));
            } else {
                add(new MetadataField(label.get().name(), row.number(), value.columnLetter(), value));
            }
        }
    }

    /**
     * A row below the table's header that starts with a label (填报人：张三 under the table) is
     * metadata, not a data row: takes it and returns true.
     */
    boolean takeFooter(SheetRow row) {
        Cell first = row.cells().stream().filter(c -> !Texts.clean(c.text()).isEmpty()).findFirst().orElse(null);
        if (first == null || label(first).isEmpty()) {
            return false;
        }
        scan(row);
        return true;
    }

    Map<String, MetadataField> fields() {
        return Map.copyOf(fields);
    }

    /** The text of a label's value; empty when the label was not found or its value is blank. */
    Optional<String> value(String label) {
        return Optional.ofNullable(fields.get(label)).map(MetadataField::text).filter(t -> !t.isEmpty());
    }

    List<String> missing(List<String> labels) {
        List<String> missing = new ArrayList<>();
        for (String label : labels) {
            if (!fields.containsKey(label)) {
                missing.add(label);
            }
        }
        return missing;
    }

    /** The first occurrence of a label stands, unless it was blank and a later one has a value. */
    private void add(MetadataField field) {
        MetadataField present = fields.get(field.label());
        if (present == null || present.text().isEmpty() && !field.text().isEmpty()) {
            fields.put(field.label(), field);
        }
    }

    private static Cell nextNonEmpty(List<Cell> cells, int after) {
        for (int j = after + 1; j < cells.size(); j++) {
            if (!Texts.clean(cells.get(j).text()).isEmpty()) {
                return cells.get(j);
            }
        }
        return null;
    }

    private record Label(String name, String inlineValue) {
    }

    private Optional<Label> label(Cell cell) {
        if (cell.kind() != Cell.Kind.TEXT) {
            return Optional.empty();
        }
        String text = Texts.clean(cell.text());
        int colon = colon(text);
        String head = Texts.header(colon < 0 ? text : text.substring(0, colon));
        if (!labels.contains(head)) {
            return Optional.empty();
        }
        return Optional.of(new Label(head, colon < 0 ? "" : Texts.clean(text.substring(colon + 1))));
    }

    private static int colon(String text) {
        int ascii = text.indexOf(':');
        int wide = text.indexOf('：');
        if (ascii < 0 || wide < 0) {
            return Math.max(ascii, wide);
        }
        return Math.min(ascii, wide);
    }
}
