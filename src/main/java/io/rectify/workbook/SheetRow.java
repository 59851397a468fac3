package io.rectify.workbook;

import java.util.List;
import java.util.Optional;

/**
 * One row of a sheet with its non-empty cells in column order.
 *
 * @param number the row number as Excel shows it (1-based)
 */
public record SheetRow(int number, List<Cell> cells) {

    public Optional<Cell> cell(int column) {
        for (Cell cell : cells) {
            if (cell.column() == column) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /** The cleaned text of a column, or "" where the cell is empty. */
    public String text(int column) {
        return cell(column).map(c -> Texts.clean(c.text())).orElse("");
    }

    public boolean blank() {
        return cells.stream().allMatch(c -> Texts.clean(c.text()).isEmpty());
    }
}
