package io.rectify.workbook;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads the sheets of one workbook row by row. Implementations never evaluate formulas and never
 * modify the file.
 */
public interface WorkbookReader extends Closeable {

    List<SheetInfo> sheets();

    /**
     * Streams the non-blank rows of a sheet in order to {@code handler} until it returns false.
     */
    void rows(String sheet, Predicate<SheetRow> handler) throws IOException;

    /**
     * The merged cell ranges of a sheet (zero-based rows and columns, as POI numbers them). Only the
     * top-left cell of a range holds a value.
     */
    List<CellRangeAddress> mergedRegions(String sheet) throws IOException;

    /** All non-blank rows of a sheet; for the small sheets of a ledger. */
    default List<SheetRow> allRows(String sheet) throws IOException {
        List<SheetRow> rows = new java.util.ArrayList<>();
        rows(sheet, rows::add);
        return rows;
    }

    @Override
    void close() throws IOException;
}
