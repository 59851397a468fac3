package io.rectify.intake;

import io.rectify.workbook.Cell;
import io.rectify.workbook.Column;
import io.rectify.workbook.HeaderFinder;
import io.rectify.workbook.SheetRow;
import io.rectify.workbook.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Collects one sheet's table from its rows: the header (found by {@link HeaderFinder} under any
 * title rows), then every row below it with something in the table's columns, cells keyed by
 * canonical column name. Columns the layout does not name are ignored, and so are rows that only
 * fill such columns, and rows repeating the header. Rows above the header go to the metadata
 * block when there is one, and so do rows below it that start with a metadata label.
 */
final class TableReader implements Predicate<SheetRow> {

    private final String sheet;
    private final List<Column> columns;
    private final HeaderFinder finder;
    private final MetadataBlock metadata;
    private final List<TableRow> rows = new ArrayList<>();
    /** The header's text in each required column, to recognise a repeated header row. */
    private final Map<String, String> headerTexts = new LinkedHashMap<>();
    private HeaderFinder.Header header;
    private boolean anyRow;

    /** @param metadata the block rows above (and labelled rows below) the table go to; null when the sheet has none */
    TableReader(String sheet, List<Column> columns, MetadataBlock metadata) {
        this.sheet = sheet;
        this.columns = columns;
        this.finder = new HeaderFinder(columns);
        this.metadata = metadata;
    }

    @Override
    public boolean test(SheetRow row) {
        anyRow = true;
        if (header == null) {
            if (finder.offer(row)) {
                header = finder.header().orElseThrow();
                columns.stream().filter(Column::required)
                        .forEach(c -> headerTexts.put(c.name(), Texts.header(header.text(row, c.name()))));
                return true;
            }
            if (metadata != null) {
                metadata.scan(row);
            }
            // past the rows searched there is no header to find: stop reading the sheet
            return finder.searching();
        }
        if (metadata != null && metadata.takeFooter(row) || repeatsHeader(row)) {
            return true;
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        header.columns().forEach((name, index) -> row.cell(index)
                .filter(cell -> !Texts.clean(cell.text()).isEmpty())
                .ifPresent(cell -> cells.put(name, cell)));
        if (!cells.isEmpty()) {
            rows.add(new TableRow(row.number(), Map.copyOf(cells)));
        }
        return true;
    }

    private boolean repeatsHeader(SheetRow row) {
        return !headerTexts.isEmpty() && headerTexts.entrySet().stream()
                .allMatch(e -> Texts.header(header.text(row, e.getKey())).equals(e.getValue()));
    }

    /**
     * Repeats the value of a cell merged down over several rows of the table into each of those
     * rows, as a person sees it (a status merged over the tasks it applies to). Only the column of
     * the range's first cell is filled, and only rows that are table rows.
     */
    void fillMerged(List<CellRangeAddress> regions) {
        if (header == null) {
            return;
        }
        for (CellRangeAddress region : regions) {
            String column = columnAt(region.getFirstColumn());
            Optional<Cell> top = rows.stream().filter(r -> r.row() == region.getFirstRow() + 1).findFirst()
                    .flatMap(r -> column == null ? Optional.empty() : r.cell(column));
            if (region.getFirstRow() == region.getLastRow() || top.isEmpty()) {
                continue;
            }
            for (int i = 0; i < rows.size(); i++) {
                TableRow row = rows.get(i);
                if (row.row() > region.getFirstRow() + 1 && row.row() <= region.getLastRow() + 1 && row.cell(column).isEmpty()) {
                    Map<String, Cell> cells = new LinkedHashMap<>(row.cells());
                    cells.put(column, top.get());
                    rows.set(i, new TableRow(row.row(), Map.copyOf(cells)));
                }
            }
        }
    }

    private String columnAt(int index) {
        return header.columns().entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** True when the sheet had no non-blank row at all. */
    boolean emptySheet() {
        return !anyRow;
    }

    Optional<SheetTable> table() {
        if (header == null) {
            return Optional.empty();
        }
        Map<String, String> letters = new LinkedHashMap<>();
        header.columns().forEach((name, index) -> letters.put(name, Cell.columnLetter(index)));
        return Optional.of(new SheetTable(sheet, Map.copyOf(letters), List.copyOf(rows)));
    }

    /** The required columns missing from the row that came closest to a header. */
    List<String> missingColumns() {
        return finder.missingColumns();
    }

    /** The Excel row that came closest to a header, null when no row matched any column. */
    Integer closestRow() {
        return finder.closestRow() == 0 ? null : finder.closestRow();
    }
}
