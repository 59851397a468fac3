package io.rectify.marking;

import io.rectify.intake.ReturnLayout;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import io.rectify.workbook.Column;
import io.rectify.workbook.HeaderFinder;
import io.rectify.workbook.SafeText;
import io.rectify.workbook.SheetRow;
import io.rectify.workbook.TableSheet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Marks a unit's workbook in place: fills and comments on the excepted cells, a 校验结果 column
 * right of everything a sheet uses, and the file's note at the top of the first visible sheet.
 * Nothing of the unit's is moved or rewritten: a marked cell keeps its style but for the fill (a
 * clone, shared by the cells that had the same style and severity), its lock included, so that a
 * protected sheet stays as protected as it was.
 */
final class MarkedWorkbook {

    static final String RESULT_HEADER = "校验结果";
    static final String COMMENT_AUTHOR = "整改办";
    /** The 校验结果 column's width, in characters: its text wraps, so that printing to a page's width shrinks little. */
    private static final int RESULT_WIDTH = 40;
    /** The height of a wrapped line of the 校验结果 column, in points. */
    private static final float LINE_POINTS = 14.5f;
    /** A comment box: about this many characters wide, as high as its text but at most this many rows. */
    private static final int COMMENT_CHARS = 36;
    private static final int COMMENT_MAX_ROWS = 30;
    private static final int COMMENT_MAX_COLUMNS = 12;
    private static final List<List<Column>> TABLES = List.of(ReturnLayout.PROGRESS_COLUMNS,
            ReturnLayout.INSTITUTION_COLUMNS, ReturnLayout.ACCOUNTABILITY_COLUMNS);

    /** How the unit sees each severity's fill ({@link #colour}). */
    private static final Map<Severity, String> COLOUR_WORDS = Map.of(Severity.ERROR, "红", Severity.WARNING, "黄",
            Severity.INFO, "蓝");

    private final Workbook workbook;
    private final CreationHelper helper;
    /** Marked styles by original style index and severity. */
    private final Map<Short, Map<Severity, CellStyle>> fills = new HashMap<>();
    private final Map<Severity, CellStyle> resultStyles = new EnumMap<>(Severity.class);

    MarkedWorkbook(Workbook workbook) {
        this.workbook = workbook;
        this.helper = workbook.getCreationHelper();
    }

    void mark(Marks marks) {
        quoteFormulaLikeText();
        Sheet first = firstVisibleSheet();
        Map<Sheet, Integer> resultColumns = new HashMap<>();
        for (Map.Entry<String, Map<Marks.Place, List<ExceptionEntry>>> sheetCells : marks.cells().entrySet()) {
            Sheet sheet = workbook.getSheet(sheetCells.getKey());
            if (sheet == null) {
                continue;
            }
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            sheetCells.getValue().forEach((place, exceptions) -> {
                Cell cell = cell(sheet, place.row(), place.column());
                fill(cell, Marks.worst(exceptions));
                comment(drawing, cell, exceptions.stream().map(Marks::line).collect(Collectors.joining("\n")));
            });
        }
        for (Map.Entry<String, Map<Integer, List<ExceptionEntry>>> sheetRows : marks.rows().entrySet()) {
            Sheet sheet = workbook.getSheet(sheetRows.getKey());
            Map<Integer, List<ExceptionEntry>> rows = new TreeMap<>(sheetRows.getValue());
            // rows holding only the file's own problems (the metadata block) are in the note already
            rows.values().removeIf(list -> list.stream().allMatch(e -> e.rule().scope() == Rule.Scope.FILE));
            if (sheet == null || rows.isEmpty()) {
                continue;
            }
            int column = resultColumns.computeIfAbsent(sheet, MarkedWorkbook::freeColumn);
            if (column < 0) {
                continue;
            }
            header(sheet, column, rows.keySet().iterator().next());
            sheet.setColumnWidth(column, RESULT_WIDTH * 256);
            rows.forEach((row, exceptions) -> result(sheet, row, column,
                    exceptions.stream().map(Marks::line).collect(Collectors.joining("\n")), Marks.worst(exceptions)));
        }
        if (first != null) {
            boolean results = !resultColumns.isEmpty();
            note(first, resultColumns.computeIfAbsent(first, MarkedWorkbook::freeColumn), marks, results);
        }
    }

    /**
     * Marks the unit's text cells that a spreadsheet program would take for a formula as text
     * (quote prefix, the cell's style otherwise kept): the value stays exactly as the unit wrote it,
     * and editing the cell cannot turn it into a formula.
     */
    private void quoteFormulaLikeText() {
        Map<Short, CellStyle> quoted = new HashMap<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.STRING) {
                        continue;
                    }
                    // the text first: a cell's style is an XML lookup, and few texts look like formulas
                    String text = cell.getStringCellValue();
                    if (!SafeText.neutralise(text).equals(text) && !cell.getCellStyle().getQuotePrefixed()) {
                        CellStyle original = cell.getCellStyle();
                        cell.setCellStyle(quoted.computeIfAbsent(original.getIndex(), i -> {
                            CellStyle style = workbook.createCellStyle();
                            style.cloneStyleFrom(original);
                            style.setQuotePrefixed(true);
                            return style;
                        }));
                    }
                }
            }
        }
    }

    /**
     * The note at the top of the first sheet: counts by severity, the file's own problems, and how
     * to read the marks; as a cell in row 1 right of the sheet's content (never shifting it) and as a
     * comment on A1, which a person sees first.
     */
    private void note(Sheet sheet, int column, Marks marks, boolean results) {
        Map<Severity, Long> counts = marks.all().stream()
                .collect(Collectors.groupingBy(ExceptionEntry::severity, () -> new EnumMap<>(Severity.class), Collectors.counting()));
        List<String> lines = new ArrayList<>(List.of("【校验意见】本文件有" + counts.entrySet().stream()
                .map(c -> c.getKey().label() + c.getValue() + "条").collect(Collectors.joining("、")) + "。"));
        marks.file().stream().map(Marks::line).forEach(lines::add);
        String colours = marks.cells().values().stream().flatMap(cells -> cells.values().stream()).map(Marks::worst)
                .distinct().sorted().map(s -> "标" + COLOUR_WORDS.get(s) + "的单元格有" + s.label())
                .collect(Collectors.joining("，"));
        if (!colours.isEmpty()) {
            lines.add(colours + "，鼠标移到单元格上可看批注（问题和整改要求）"
                    + (results ? "，每行的问题汇总在右侧“" + RESULT_HEADER + "”列" : "") + "；可直接在本文件上修改。");
        }
        if (column >= 0) {
            sheet.setColumnWidth(column, RESULT_WIDTH * 256);
            result(sheet, 0, column, String.join("\n", lines), Marks.worst(marks.all()));
        }
        Cell a1 = cell(sheet, 0, 0);
        if (a1.getCellComment() == null) {
            comment(sheet.createDrawingPatriarch(), a1, String.join("\n", lines));
        }
    }

    /**
     * Writes a cell this adds, filled by severity, its text wrapped in the column; the row grows to
     * show it (never shrinks), which moves none of the unit's cells.
     */
    private void result(Sheet sheet, int rowIndex, int column, String text, Severity severity) {
        Cell cell = cell(sheet, rowIndex, column);
        cell.setCellValue(SafeText.neutralise(text));
        cell.setCellStyle(resultStyle(severity));
        Row row = cell.getRow();
        float needed = TableSheet.lines(text, RESULT_WIDTH) * LINE_POINTS + 3;
        if (row.getHeightInPoints() < needed) {
            row.setHeightInPoints(needed);
        }
    }

    private void header(Sheet sheet, int column, int firstRow) {
        headerRow(sheet, firstRow).ifPresent(row -> {
            Cell cell = cell(sheet, row, column);
            cell.setCellValue(RESULT_HEADER);
            CellStyle style = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            style.setFont(bold);
            cell.setCellStyle(style);
        });
    }

    /** The zero-based row of the sheet's table header above {@code firstRow}, when the sheet holds one of the return's tables. */
    private static Optional<Integer> headerRow(Sheet sheet, int firstRow) {
        for (List<Column> columns : TABLES) {
            HeaderFinder finder = new HeaderFinder(columns);
            for (int r = 0; r < firstRow && finder.searching(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && finder.offer(textRow(row))) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    private static SheetRow textRow(Row row) {
        List<io.rectify.workbook.Cell> cells = new ArrayList<>();
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
                cells.add(io.rectify.workbook.Cell.text(cell.getColumnIndex(), cell.getStringCellValue()));
            }
        }
        return new SheetRow(row.getRowNum() + 1, cells);
    }

    /**
     * The first column right of everything the sheet uses (cells, merged regions, drop-down
     * ranges), so that nothing added covers the unit's content; -1 when the sheet is full.
     */
    private static int freeColumn(Sheet sheet) {
        int last = -1;
        for (Row row : sheet) {
            last = Math.max(last, row.getLastCellNum() - 1);
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            last = Math.max(last, merged.getLastColumn());
        }
        for (DataValidation validation : sheet.getDataValidations()) {
            for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                if (range.getLastColumn() < SpreadsheetVersion.EXCEL97.getLastColumnIndex()) {
                    last = Math.max(last, range.getLastColumn());
                }
            }
        }
        int free = last + 1;
        return free <= sheet.getWorkbook().getSpreadsheetVersion().getLastColumnIndex() ? free : -1;
    }

    private Sheet firstVisibleSheet() {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                return workbook.getSheetAt(i);
            }
        }
        return null;
    }

    /** The cell, created when absent with the style its row or column gives new cells (an input cell stays unlocked). */
    private static Cell cell(Sheet sheet, int rowIndex, int column) {
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        Cell cell = row.getCell(column);
        if (cell == null) {
            cell = row.createCell(column);
            CellStyle inherited = row.isFormatted() ? row.getRowStyle() : sheet.getColumnStyle(column);
            if (inherited != null) {
                cell.setCellStyle(inherited);
            }
        }
        return cell;
    }

    /** The cell's own style with the severity's fill: font, borders, number format, alignment and lock kept. */
    private void fill(Cell cell, Severity severity) {
        CellStyle original = cell.getCellStyle();
        CellStyle marked = fills.computeIfAbsent(original.getIndex(), i -> new EnumMap<>(Severity.class))
                .computeIfAbsent(severity, s -> {
                    CellStyle style = workbook.createCellStyle();
                    style.cloneStyleFrom(original);
                    style.setFillForegroundColor(colour(s));
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    return style;
                });
        cell.setCellStyle(marked);
    }

    /** The style of what this adds (校验结果 cells, the note): the severity's fill. */
    private CellStyle resultStyle(Severity severity) {
        return resultStyles.computeIfAbsent(severity, s -> {
            CellStyle style = workbook.createCellStyle();
            style.setFillForegroundColor(colour(s));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        });
    }

    /** Colours of the default palette, so that .xls and .xlsx show the same: coral red, yellow, light turquoise. */
    static short colour(Severity severity) {
        return switch (severity) {
            case ERROR -> IndexedColors.CORAL.getIndex();
            case WARNING -> IndexedColors.YELLOW.getIndex();
            case INFO -> IndexedColors.LIGHT_TURQUOISE.getIndex();
        };
    }

    private static float rowHeight(Sheet sheet, int rowIndex) {
        Row row = sheet.getRow(rowIndex);
        return row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
    }

    /** A comment unless the unit put one on the cell itself (which stays as it was). */
    private void comment(Drawing<?> drawing, Cell cell, String text) {
        if (cell.getCellComment() != null) {
            return;
        }
        Sheet sheet = cell.getSheet();
        int lines = TableSheet.lines(text, COMMENT_CHARS);
        int lastColumn = cell.getColumnIndex() + 1;
        int maxColumn = Math.min(lastColumn + COMMENT_MAX_COLUMNS, workbook.getSpreadsheetVersion().getLastColumnIndex());
        for (int width = sheet.getColumnWidth(lastColumn); width < COMMENT_CHARS * 256 && lastColumn < maxColumn;
             width += sheet.getColumnWidth(lastColumn)) {
            lastColumn++;
        }
        int lastRow = cell.getRowIndex();
        for (float height = rowHeight(sheet, lastRow); height < lines * LINE_POINTS + 6 && lastRow < cell.getRowIndex() + COMMENT_MAX_ROWS;
             height += rowHeight(sheet, lastRow)) {
            lastRow++;
        }
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(lastColumn + 1);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(lastRow + 1);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor(COMMENT_AUTHOR);
        cell.setCellComment(comment);
    }
}
