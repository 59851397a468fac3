package io.rectify.intake;

import io.rectify.rule.Rule;
import io.rectify.workbook.Column;
import io.rectify.workbook.SheetInfo;
import io.rectify.workbook.Texts;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an opened workbook into a {@link UnitReturn}, or refuses it as template-mismatch naming
 * everything missing at once (sheet, metadata labels, columns), so that the unit fixes all in one go.
 */
final class ReturnParser {

    private final String file;
    private final WorkbookReader workbook;
    private final List<Mismatch> mismatches = new ArrayList<>();

    private record Mismatch(String sheet, Integer row, String message) {
    }

    ReturnParser(String file, WorkbookReader workbook) {
        this.file = file;
        this.workbook = workbook;
    }

    ReadOutcome parse() throws IOException {
        List<SheetInfo> sheets = workbook.sheets();
        Optional<String> progressSheet = sheet(sheets, ReturnLayout.PROGRESS_SHEET);
        if (progressSheet.isEmpty()) {
            String found = String.join("、", sheets.stream().filter(s -> !s.hidden()).map(SheetInfo::name).toList());
            return new ReadOutcome.Refused(Rule.TEMPLATE_MISMATCH, null, null, null, found,
                    "未找到工作表“" + ReturnLayout.PROGRESS_SHEET + "”（本文件的工作表：" + (found.isEmpty() ? "无" : found)
                            + "）；请使用整改办下发的报送模板填报，或把填报进展的工作表命名为“" + ReturnLayout.PROGRESS_SHEET + "”");
        }
        MetadataBlock metadata = new MetadataBlock();
        TableReader progress = new TableReader(progressSheet.get(), ReturnLayout.PROGRESS_COLUMNS, metadata);
        workbook.rows(progressSheet.get(), progress);
        progress.fillMerged(workbook.mergedRegions(progressSheet.get()));
        List<String> missingLabels = metadata.missing(ReturnLayout.REQUIRED_LABELS);
        if (!missingLabels.isEmpty()) {
            mismatches.add(new Mismatch(progressSheet.get(), null, "工作表“" + progressSheet.get() + "”表格上方缺少"
                    + quoted(missingLabels) + "；请按模板保留这些标签，并在标签右侧的单元格填写"));
        }
        if (progress.table().isEmpty()) {
            mismatches.add(missingColumns(progressSheet.get(), ReturnLayout.PROGRESS_COLUMNS, progress));
        }
        Optional<SheetTable> institutions = optionalTable(sheets, ReturnLayout.INSTITUTION_SHEET, ReturnLayout.INSTITUTION_COLUMNS);
        Optional<SheetTable> accountability = optionalTable(sheets, ReturnLayout.ACCOUNTABILITY_SHEET,
                ReturnLayout.ACCOUNTABILITY_COLUMNS);
        if (!mismatches.isEmpty()) {
            Mismatch first = mismatches.get(0);
            String message = String.join("；另外，", mismatches.stream().map(Mismatch::message).toList());
            return new ReadOutcome.Refused(Rule.TEMPLATE_MISMATCH, first.sheet(), first.row(), null, null, message);
        }
        return new ReadOutcome.Read(new UnitReturn(file, metadata.fields(), progress.table().orElseThrow(), institutions,
                accountability, ledgerMarker(sheets)));
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

    /** The version of the ledger the template was made from, from its hidden marker sheet. */
    private Optional<String> ledgerMarker(List<SheetInfo> sheets) throws IOException {
        Optional<String> marker = sheets.stream().map(SheetInfo::name).filter(TemplateMarker.SHEET::equals).findFirst();
        if (marker.isEmpty()) {
            return Optional.empty();
        }
        String[] version = new String[1];
        workbook.rows(marker.get(), row -> {
            if (TemplateMarker.LEDGER_VERSION.equals(row.text(0))) {
                version[0] = row.text(1);
                return false;
            }
            return true;
        });
        return Optional.ofNullable(version[0]).filter(v -> !v.isEmpty());
    }

    /** A sheet by its name, ignoring white space a unit may have typed around or inside it. */
    private static Optional<String> sheet(List<SheetInfo> sheets, String name) {
        return sheets.stream().map(SheetInfo::name).filter(n -> Texts.header(n).equals(name)).findFirst();
    }

    private static String quoted(List<String> names) {
        return String.join("、", names.stream().map(n -> "“" + n + "”").toList());
    }
}
