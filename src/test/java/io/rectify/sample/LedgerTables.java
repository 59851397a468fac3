package io.rectify.sample;

import io.rectify.workbook.Cell;
import io.rectify.workbook.Column;
import io.rectify.workbook.HeaderFinder;
import io.rectify.workbook.PoiWorkbookReader;
import io.rectify.workbook.SheetRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the tables of a written ledger back with POI, finding each header row as docs/LEDGER.md says. */
final class LedgerTables {

    private LedgerTables() {
    }

    /** The rows under the header that holds all the given columns, as column name to cell (absent when empty). */
    static List<Map<String, Cell>> read(Path file, String sheet, String... columns) throws IOException {
        List<Column> wanted = new ArrayList<>();
        for (String column : columns) {
            wanted.add(Column.required(column));
        }
        HeaderFinder finder = new HeaderFinder(wanted);
        List<Map<String, Cell>> rows = new ArrayList<>();
        try (PoiWorkbookReader reader = PoiWorkbookReader.open(file)) {
            reader.rows(sheet, row -> {
                if (finder.header().isEmpty()) {
                    finder.offer(row);
                    return true;
                }
                rows.add(cells(finder.header().get(), row));
                return true;
            });
        }
        if (finder.header().isEmpty()) {
            throw new AssertionError("no header " + List.of(columns) + " in sheet " + sheet);
        }
        return rows;
    }

    /** The 基本信息 sheet: key to value cell. */
    static Map<String, Cell> info(Path file) throws IOException {
        Map<String, Cell> info = new LinkedHashMap<>();
        try (PoiWorkbookReader reader = PoiWorkbookReader.open(file)) {
            reader.rows("基本信息", row -> {
                row.cell(1).ifPresent(value -> info.put(row.text(0), value));
                return true;
            });
        }
        return info;
    }

    static String text(Map<String, Cell> row, String column) {
        Cell cell = row.get(column);
        return cell == null ? "" : cell.text().strip();
    }

    private static Map<String, Cell> cells(HeaderFinder.Header header, SheetRow row) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        header.columns().forEach((name, column) -> row.cell(column).ifPresent(cell -> cells.put(name, cell)));
        return cells;
    }
}
