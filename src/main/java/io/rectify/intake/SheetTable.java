package io.rectify.intake;

import java.util.List;
import java.util.Map;

/**
 * A table read from one sheet of a return.
 *
 * @param sheet   the sheet name
 * @param letters canonical column name to the column letter it was found in
 * @param rows    the non-blank data rows below the header, in sheet order
 */
public record SheetTable(String sheet, Map<String, String> letters, List<TableRow> rows) {

    public String letter(String column) {
        return letters.getOrDefault(column, "");
    }

    public boolean has(String column) {
        return letters.containsKey(column);
    }
}
