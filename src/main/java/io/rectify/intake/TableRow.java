package io.rectify.intake;

import io.rectify.workbook.Cell;
import io.rectify.workbook.Texts;
import java.util.Map;
import java.util.Optional;

/**
 * A data row of a return's table, its cells keyed by canonical column name (任务编号, 整改状态...).
 *
 * @param row the row as Excel numbers it
 */
public record TableRow(int row, Map<String, Cell> cells) {

    public Optional<Cell> cell(String column) {
        return Optional.ofNullable(cells.get(column));
    }

    /** The cleaned text of a column, "" where the cell is empty or the column absent. */
    public String text(String column) {
        Cell cell = cells.get(column);
        return cell == null ? "" : Texts.clean(cell.text());
    }
}
