package io.rectify.ledger;

import io.rectify.workbook.Cell;
import io.rectify.workbook.HeaderFinder;
import io.rectify.workbook.SheetRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One table of the ledger: its sheet, its found header row and its data rows. A cell merged down
 * over several data rows (a 方面 written once for all its problems) counts as written in each.
 */
record LedgerTable(String sheet, HeaderFinder.Header header, List<SheetRow> rows) {

    static LedgerTable of(String sheet, HeaderFinder.Header header, List<SheetRow> rowsBelowHeader,
                          List<CellRangeAddress> merged) {
        Map<Integer, SheetRow> byNumber = new HashMap<>();
        rowsBelowHeader.forEach(r -> byNumber.put(r.number(), r));
        for (CellRangeAddress range : merged) {
            int top = range.getFirstRow() + 1;
            SheetRow topRow = byNumber.get(top);
            Optional<Cell> value = topRow == null ? Optional.empty() : topRow.cell(range.getFirstColumn());
            if (value.isEmpty()) {
                continue;
            }
            for (int number = top + 1; number <= range.getLastRow() + 1; number++) {
                SheetRow row = byNumber.get(number);
                if (row != null && row.cell(range.getFirstColumn()).isEmpty()) {
                    List<Cell> cells = new ArrayList<>(row.cells());
                    cells.add(value.get());
                    cells.sort((a, b) -> Integer.compare(a.column(), b.column()));
                    byNumber.put(number, new SheetRow(number, List.copyOf(cells)));
                }
            }
        }
        return new LedgerTable(sheet, header, rowsBelowHeader.stream().map(r -> byNumber.get(r.number())).toList());
    }

    /** The cleaned text of a column in a row, "" when blank. */
    String text(SheetRow row, String column) {
        return header.text(row, column);
    }

    Optional<Cell> cell(SheetRow row, String column) {
        return header.cell(row, column).filter(c -> !c.text().isBlank());
    }

    String letter(String column) {
        return header.letter(column);
    }
}
