package io.rectify.intake;

import io.rectify.rule.Rule;
import io.rectify.workbook.Column;
import io.rectify.workbook.SheetInfo;
import io.rectify.workbook.Texts;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an opened workbook into a {@link UnitReturn}, or refuses it as template-mismatch naming
 * everything missing at once (sheet, metadata labels, columns), so that the unit fixes all in one go.
 */
final class ReturnParser {

    /** The top rows of a sheet in which a 单位代码 or 单位名称 label is looked for, as the metadata block sits above a table. */
    private static final int CLUE_ROWS = 20;

    private final String file;
    private final WorkbookReader workbook;
    private final List<Mismatch> mismatches = new ArrayList<>();
    /** 整改进展 and its metadata block, once found. */
    private String progressSheet;
    private MetadataBlock progressBlock;
    private Map<String, String> marker;

    private record Mismatch(String sheet, Integer row, String message) {
    }

    ReturnParser(String file, WorkbookReader workbook) {
        this.file = file;
        this.workbook = workbook;
    }

    ReadOutcome parse() throws IOException {
        List<SheetInfo> sheets = workbook.sheets();
        Optional<String> found = sheet(sheets, ReturnLayout.PROGRESS_SHEET);
        if (found.isEmpty()) {
            String names = String.join("、", sheets.stream().filter(s -> !s.hidden()).map(SheetInfo::name).toList());
            return new ReadOutcome.Refused(Rule.TEMPLATE_MISMATCH, null, null, null, names,
                    "未找到工作表“" + ReturnLayout.PROGRESS_SHEET + "”（本文件的工作表：" + (names.isEmpty() ? "无" : names)
                            + "）；请使用整改办下发的报送模板填报，或把填报进展的工作表命名为“" + ReturnLayout.PROGRESS_SHEET + "”",
                    unitClues());
        }
        progressSheet = found.get();
        progressBlock = new MetadataBlock();
        TableReader progress = new TableReader(progressSheet, ReturnLayout.PROGRESS_COLUMNS, progressBlock);
        workbook.rows(progressSheet, progress);
        progress.fillMerged(workbook.mergedRegions(progressSheet));
        List<String> missingLabels = progressBlock.missing(ReturnLayout.REQUIRED_LABELS);
        if (!missingLabels.isEmpty()) {
            mismatches.add(new Mismatch(progressSheet, null, "工作表“" + progressSheet + "”表格上方缺少"
                    + quoted(missingLabels) + "；请按模板保留这些标签，并在标签右侧的单元格填写"));
        }
        if (progress.table().isEmpty()) {
            mismatches.add(missingColumns(progressSheet, ReturnLayout.PROGRESS_COLUMNS, progress));
        }
        Optional<SheetTable> institutions = optionalTable(sheets, ReturnLayout.INSTITUTION_SHEET, ReturnLayout.INSTITUTION_COLUMNS);
        Optional<SheetTable> accountability = optionalTable(sheets, ReturnLayout.ACCOUNTABILITY_SHEET,
                ReturnLayout.ACCOUNTABILITY_COLUMNS);
        if (!mismatches.isEmpty()) {
            Mismatch first = mismatches.get(0);
            String message = String.join("；另外，", mismatches.stream().map(Mismatch::message).toList());
            return new ReadOutcome.Refused(Rule.TEMPLATE_MISMATCH, first.sheet(), first.row(), null, null, message, unitClues());
        }
        Map<String, String> marker = marker(sheets);
        return new ReadOutcome.Read(new UnitReturn(file, progressBlock.fields(), progress.table().orElseThrow(), institutions,
                accountability, Optional.ofNullable(marker.get(TemplateMarker.LEDGER_VERSION)).filter(v -> !v.isEmpty()),
                Optional.ofNullable(marker.get(TemplateMarker.UNIT)).map(Texts::clean).filter(u -> !u.isEmpty())));
    }

    /**
     * What in the workbook may tell its unit, for a return that is refused: the 单位代码 and 单位名称 of
     * 整改进展's metadata block, the unit of the template marker, then the values beside a 单位代码 or
     * 单位名称 label in the top rows of any other sheet (codes before names). Never fails: a workbook
     * refused for its content may fail again while it is searched, and the clues found until then stand.
     */
    List<String> unitClues() {
        Set<String> clues = new LinkedHashSet<>();
        if (progressBlock != null) {
            clue(clues, progressBlock, ReturnLayout.UNIT_CODE);
            clue(clues, progressBlock, ReturnLayout.UNIT_NAME);
        }
        List<MetadataBlock> others = new ArrayList<>();
        try {
            if (!Thread.currentThread().isInterrupted()) {
                List<SheetInfo> sheets = workbook.sheets();
                Optional.ofNullable(marker(sheets).get(TemplateMarker.UNIT)).map(Texts::clean).filter(u -> !u.isEmpty())
                        .ifPresent(clues::add);
                for (SheetInfo sheet : sheets) {
                    if (!sheet.name().equals(progressSheet) && !sheet.name().equals(TemplateMarker.SHEET)) {
                        MetadataBlock block = new MetadataBlock();
                        others.add(block);
                        int[] rows = {0};
                        workbook.rows(sheet.name(), row -> {
                            block.scan(row);
                            return ++rows[0] < CLUE_ROWS;
                        });
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the clues found so far stand
        }
        others.forEach(block -> clue(clues, block, ReturnLayout.UNIT_CODE));
        others.forEach(block -> clue(clues, block, ReturnLayout.UNIT_NAME));
        return List.copyOf(clues);
    }

    private static void clue(Set<String> clues, MetadataBlock block, String label) {
        MetadataField field = block.fields().get(label);
        if (field != null && !field.text().isEmpty()) {
            clues.add(field.text());
        }
    }

    /**
     * An optional sheet's table: empty when the sheet is absent; a table without columns or rows
     * when the sheet is there but blank (the unit has nothing to report); a mismatch when it has
     * content but no header with the required columns.
     */
    private Optional<SheetTable> optionalTable(List<SheetInfo> sheets, String name, List<Column> columns) throws IOException {
        Optional<String> sheet = sheet(sheets, name);
        if (sheet.isEmpty()) {
            return Optional.empty();
        }
        TableReader reader = new TableReader(sheet.get(), columns, null);
        workbook.rows(sheet.get(), reader);
        if (reader.emptySheet()) {
            return Optional.of(new SheetTable(sheet.get(), Map.of(), List.of()));
        }
        if (reader.table().isEmpty()) {
            mismatches.add(missingColumns(sheet.get(), columns, reader));
        }
        reader.fillMerged(workbook.mergedRegions(sheet.get()));
        return reader.table();
    }

    private static Mismatch missingColumns(String sheet, List<Column> columns, TableReader reader) {
        List<String> required = columns.stream().filter(Column::required).map(ReturnParser::withSynonyms).toList();
        return new Mismatch(sheet, reader.closestRow(), "工作表“" + sheet + "”未找到表头行（须有一行同时包含"
                + String.join("、", required) + "），缺少" + quoted(reader.missingColumns()) + "；请按模板恢复表头");
    }

    private static String withSynonyms(Column column) {
        String name = "“" + column.name() + "”";
        return column.synonyms().isEmpty() ? name : name + "（或" + quoted(column.synonyms()).replace("、", "或") + "）";
    }

    /** The hidden marker sheet's values by key (ledger version, period, unit), empty when the workbook has none. */
    private Map<String, String> marker(List<SheetInfo> sheets) throws IOException {
        if (marker == null) {
            Map<String, String> values = new HashMap<>();
            if (sheets.stream().map(SheetInfo::name).anyMatch(TemplateMarker.SHEET::equals)) {
                workbook.rows(TemplateMarker.SHEET, row -> {
                    values.putIfAbsent(row.text(0), row.text(1));
                    return true;
                });
            }
            marker = Map.copyOf(values);
        }
        return marker;
    }

    /** A sheet by its name, ignoring white space a unit may have typed around or inside it. */
    private static Optional<String> sheet(List<SheetInfo> sheets, String name) {
        return sheets.stream().map(SheetInfo::name).filter(n -> Texts.header(n).equals(name)).findFirst();
    }

    private static String quoted(List<String> names) {
        return String.join("、", names.stream().map(n -> "“" + n + "”").toList());
    }
}
