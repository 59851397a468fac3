package io.rectify.intake;

import io.rectify.workbook.Cell;
import io.rectify.workbook.SheetInfo;
import io.rectify.workbook.SheetRow;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A workbook read within {@link ReadLimits}: at most {@code maxRows} rows over all the sheets read,
 * no cell and no sheet name longer than Excel allows, and reading stops as soon as the reading
 * thread is interrupted (the reader's time limit has passed).
 */
final class LimitedWorkbook implements WorkbookReader {

    private final WorkbookReader workbook;
    private final int maxRows;
    private int rows;

    LimitedWorkbook(WorkbookReader workbook, int maxRows) {
        this.workbook = workbook;
        this.maxRows = maxRows;
    }

    @Override
    public List<SheetInfo> sheets() {
        List<SheetInfo> sheets = workbook.sheets();
        for (SheetInfo sheet : sheets) {
            if (sheet.name().length() > ReadLimits.MAX_SHEET_NAME_CHARS) {
                throw new LimitExceeded("工作表名称有 " + sheet.name().length() + " 个字符，超过 Excel 允许的 "
                        + ReadLimits.MAX_SHEET_NAME_CHARS + " 个字符（工作表名称长度上限），文件可能被其他软件改写，未读取；"
                        + WorkbookOpener.SAVE_AS_XLSX, null, null, null, brief(sheet.name()));
            }
        }
        return sheets;
    }

    @Override
    public void rows(String sheet, Predicate<SheetRow> handler) throws IOException {
        workbook.rows(sheet, row -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new ReadCancelled();
            }
            if (++rows > maxRows) {
                throw new LimitExceeded("文件中有内容的行超过 " + maxRows + " 行（每份报表读取行数上限），未读取；"
                        + "报送表通常只有几十行，请删除多余的行和工作表后重新报送", sheet, row.number(), null, null);
            }
            for (Cell cell : row.cells()) {
                if (cell.text().length() > ReadLimits.MAX_CELL_CHARS) {
                    throw new LimitExceeded("单元格内容有 " + cell.text().length() + " 个字符，超过 Excel 允许的 "
                            + ReadLimits.MAX_CELL_CHARS + " 个字符（单元格长度上限），文件可能被其他软件改写，未读取；"
                            + WorkbookOpener.SAVE_AS_XLSX, sheet, row.number(), cell.columnLetter(), brief(cell.text()));
                }
            }
            return handler.test(row);
        });
    }

    @Override
    public List<CellRangeAddress> mergedRegions(String sheet) throws IOException {
        return workbook.mergedRegions(sheet);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private static String brief(String text) {
        return text.length() <= 50 ? text : text.substring(0, 50) + "…";
    }

    /** The reader gave up on this file (its time limit passed): unwinds the read, reports nothing. */
    static final class ReadCancelled extends RuntimeException {
        ReadCancelled() {
            super("reading cancelled after the time limit", new InterruptedIOException(), false, false);
        }
    }
}
