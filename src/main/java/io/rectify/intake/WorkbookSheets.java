package io.rectify.intake;

import io.rectify.workbook.Column;
import io.rectify.workbook.SheetInfo;
import io.rectify.workbook.Texts;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sheets of an opened workbook as intake finds them, for returns and review workbooks alike: by name
 * (white space a person typed around or inside it ignored), the hidden marker sheet's values, and the
 * tables of the layout's columns.
 */
final class WorkbookSheets {

    /** The top rows of a sheet in which a label is looked for, as a metadata block sits above a table. */
    private static final int TOP_ROWS = 20;

    private final WorkbookReader workbook;
    private Map<String, String> marker;

    WorkbookSheets(WorkbookReader workbook) {
        this.workbook = workbook;
    }

    List<SheetInfo> all() {
        return workbook.sheets();
    }

    /** A sheet by its name, ignoring white space. */
    Optional<String> named(String name) {
        return all().stream().map(SheetInfo::name).filter(n -> Texts.header(n).equals(name)).findFirst();
    }

    /** The names of the sheets a person sees, joined by 、; "" when there is none. */
    String visibleNames() {
        return String.join("、", all().stream().filter(s -> !s.hidden()).map(SheetInfo::name).toList());
    }

    /** The hidden marker sheet's values by key, empty when the workbook has none. */
    Map<String, String> marker() throws IOException {
        if (marker == null) {
            Map<String, String> values = new HashMap<>();
            if (all().stream().map(SheetInfo::name).anyMatch(TemplateMarker.SHEET::equals)) {
                workbook.rows(TemplateMarker.SHEET, row -> {
                    values.putIfAbsent(row.text(0), row.text(1));
                    return true;
                });
            }
            marker = Map.copyOf(values);
        }
        return marker;
    }

    /** A marker value, cleaned; empty when absent or blank. */
    Optional<String> marker(String key) throws IOException {
        return Optional.ofNullable(marker().get(key)).map(Texts::clean).filter(v -> !v.isEmpty());
    }

    /**
     * Reads a sheet's table, cells merged down its rows filled in.
     *
     * @param metadata where the rows above the table (and labelled rows below it) go; null when the sheet has no metadata block
     */
    TableReader table(String sheet, List<Column> columns, MetadataBlock metadata) throws IOException {
        TableReader reader = new TableReader(sheet, columns, metadata);
        workbook.rows(sheet, reader);
        reader.fillMerged(workbook.mergedRegions(sheet));
        return reader;
    }

    /**
     * An optional sheet's table: empty when the sheet is absent; a table without columns or rows
     * when the sheet is there but blank (nothing to report); a mismatch when it has content but no
     * header with the required columns.
     */
    Optional<SheetTable> optionalTable(String name, List<Column> columns, Mismatches mismatches) throws IOException {
        Optional<String> sheet = named(name);
        if (sheet.isEmpty()) {
            return Optional.empty();
        }
        TableReader reader = table(sheet.get(), columns, null);
        if (reader.emptySheet()) {
            return Optional.of(new SheetTable(sheet.get(), Map.of(), List.of()));
        }
        if (reader.table().isEmpty()) {
            mismatches.missingColumns(sheet.get(), columns, reader);
        }
        return reader.table();
    }

    /** Reads the top rows of a sheet into a metadata block, for a label that may tell whose a refused file is. */
    void scanTop(String sheet, MetadataBlock block) throws IOException {
        int[] read = {0};
        workbook.rows(sheet, row -> {
            block.scan(row);
            return ++read[0] < TOP_ROWS;
        });
    }
}
