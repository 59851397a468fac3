package io.rectify.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a table's header row among rows offered one by one: the first row that holds every
 * required column, wherever title rows, merged cells or reordered columns put it. When none does,
 * it reports the required columns missing from the row that came closest.
 */
public final class HeaderFinder {

    /** Tables whose header sits further down than this are not looked for. */
    public static final int MAX_ROWS_SEARCHED = 100;

    private final List<Column> columns;
    private int rowsSeen;
    private Header header;
    private Map<String, Integer> closest = Map.of();
    private int closestRow;

    public HeaderFinder(List<Column> columns) {
        this.columns = columns;
    }

    /** Offers the next row; returns true when it is the header row. */
    public boolean offer(SheetRow row) {
        if (header != null || ++rowsSeen > MAX_ROWS_SEARCHED) {
            return false;
        }
        Map<String, Integer> found = new LinkedHashMap<>();
        for (Column column : columns) {
            // the column's own name wins over a synonym found further left (责任单位 beside 牵头单位)
            Integer bySynonym = null;
            for (Cell cell : row.cells()) {
                if (cell.kind() != Cell.Kind.TEXT || !column.matches(cell.text())) {
                    continue;
                }
                if (Texts.header(cell.text()).equals(column.name())) {
                    found.put(column.name(), cell.column());
                    break;
                }
                if (bySynonym == null) {
                    bySynonym = cell.column();
                }
            }
            if (!found.containsKey(column.name()) && bySynonym != null) {
                found.put(column.name(), bySynonym);
            }
        }
        if (columns.stream().filter(Column::required).allMatch(c -> found.containsKey(c.name()))) {
            header = new Header(row.number(), found);
            return true;
        }
        if (found.size() > closest.size()) {
            closest = found;
            closestRow = row.number();
        }
        return false;
    }

    public boolean searching() {
        return header == null && rowsSeen < MAX_ROWS_SEARCHED;
    }

    public Optional<Header> header() {
        return Optional.ofNullable(header);
    }

    /** The required columns missing from the closest row (all of them when no row came close). */
    public List<String> missingColumns() {
        List<String> missing = new ArrayList<>();
        for (Column column : columns) {
            if (column.required() && !closest.containsKey(column.name())) {
                missing.add(column.name());
            }
        }
        return missing;
    }

    /** The Excel row number of the row that came closest to a header, or 0 when none matched at all. */
    public int closestRow() {
        return closestRow;
    }

    /**
     * A found header row.
     *
     * @param rowNumber the header's row as Excel numbers it
     * @param columns   column name (the canonical one, not the synonym) to zero-based column index
     */
    public record Header(int rowNumber, Map<String, Integer> columns) {

        public Optional<Integer> column(String name) {
            return Optional.ofNullable(columns.get(name));
        }

        public boolean has(String name) {
            return columns.containsKey(name);
        }

        /** The cleaned text of a named column in a row, "" when the column or cell is absent. */
        public String text(SheetRow row, String name) {
            Integer column = columns.get(name);
            return column == null ? "" : row.text(column);
        }

        public Optional<Cell> cell(SheetRow row, String name) {
            Integer column = columns.get(name);
            return column == null ? Optional.empty() : row.cell(column);
        }

        public String letter(String name) {
            Integer column = columns.get(name);
            return column == null ? "" : Cell.columnLetter(column);
        }
    }
}
