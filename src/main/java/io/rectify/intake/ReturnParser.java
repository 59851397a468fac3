package io.rectify.intake;

import io.rectify.rule.Rule;
import io.rectify.workbook.SheetInfo;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an opened workbook into a {@link UnitReturn}, or refuses it as template-mismatch naming
 * everything missing at once (sheet, metadata labels, columns), so that the unit fixes all in one go.
 */
final class ReturnParser implements LimitedReading.Parser<ReadOutcome> {

    private final String file;
    private final WorkbookSheets sheets;
    private final Mismatches mismatches = new Mismatches();
    /** 整改进展 and its metadata block, once found. */
    private String progressSheet;
    private MetadataBlock progressBlock;

    ReturnParser(String file, WorkbookReader workbook) {
        this.file = file;
        this.sheets = new WorkbookSheets(workbook);
    }

    @Override
    public ReadOutcome parse() throws IOException {
        Optional<String> found = sheets.named(ReturnLayout.PROGRESS_SHEET);
        if (found.isEmpty()) {
            String names = sheets.visibleNames();
            return new ReadOutcome.Refused(Rule.TEMPLATE_MISMATCH, null, null, null, names,
                    "未找到工作表“" + ReturnLayout.PROGRESS_SHEET + "”（本文件的工作表：" + (names.isEmpty() ? "无" : names)
                            + "）；请使用整改办下发的报送模板填报，或把填报进展的工作表命名为“" + ReturnLayout.PROGRESS_SHEET + "”",
                    unitClues());
        }
        progressSheet = found.get();
        progressBlock = new MetadataBlock(ReturnLayout.METADATA_LABELS);
        TableReader progress = sheets.table(progressSheet, ReturnLayout.PROGRESS_COLUMNS, progressBlock);
        List<String> missingLabels = progressBlock.missing(ReturnLayout.REQUIRED_LABELS);
        if (!missingLabels.isEmpty()) {
            mismatches.add(progressSheet, null, "工作表“" + progressSheet + "”表格上方缺少"
                    + Mismatches.quoted(missingLabels) + "；请按模板保留这些标签，并在标签右侧的单元格填写");
        }
        if (progress.table().isEmpty()) {
            mismatches.missingColumns(progressSheet, ReturnLayout.PROGRESS_COLUMNS, progress);
        }
        Optional<SheetTable> institutions = sheets.optionalTable(ReturnLayout.INSTITUTION_SHEET, ReturnLayout.INSTITUTION_COLUMNS,
                mismatches);
        Optional<SheetTable> accountability = sheets.optionalTable(ReturnLayout.ACCOUNTABILITY_SHEET,
                ReturnLayout.ACCOUNTABILITY_COLUMNS, mismatches);
        Optional<SheetTable> extensions = sheets.optionalTable(ReturnLayout.EXTENSION_SHEET, ReturnLayout.EXTENSION_COLUMNS,
                mismatches);
        if (!mismatches.isEmpty()) {
            return mismatches.refusal().withUnitClues(unitClues());
        }
        return new ReadOutcome.Read(new UnitReturn(file, progressBlock.fields(), progress.table().orElseThrow(), institutions,
                accountability, extensions, sheets.marker(TemplateMarker.LEDGER_VERSION), sheets.marker(TemplateMarker.UNIT)));
    }

    @Override
    public ReadOutcome refused(ReadOutcome.Refused refusal) {
        // opened, then refused: what was read may still tell the unit
        return refusal.withUnitClues(unitClues());
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
                sheets.marker(TemplateMarker.UNIT).ifPresent(clues::add);
                for (SheetInfo sheet : sheets.all()) {
                    if (!sheet.name().equals(progressSheet) && !sheet.name().equals(TemplateMarker.SHEET)) {
                        MetadataBlock block = new MetadataBlock(ReturnLayout.METADATA_LABELS);
                        others.add(block);
                        sheets.scanTop(sheet.name(), block);
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
        block.value(label).ifPresent(clues::add);
    }
}
