package io.rectify.intake;

import io.rectify.intake.ReviewWorkbook.Kind;
import io.rectify.rule.Rule;
import io.rectify.workbook.Column;
import io.rectify.workbook.SheetInfo;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an opened workbook into a {@link ReviewWorkbook}: its kind told by the marker, else by its sheets; the
 * metadata block of its first table sheet; its tables. Refuses a workbook that is no review workbook at all as
 * review-mismatch, and one missing its sheets or columns as template-mismatch naming everything missing at once.
 */
final class ReviewParser implements LimitedReading.Parser<ReviewOutcome> {

    private final String file;
    private final WorkbookSheets sheets;
    private final Mismatches mismatches = new Mismatches();
    /** The first table sheet's metadata block, once read. */
    private MetadataBlock metadata;

    ReviewParser(String file, WorkbookReader workbook) {
        this.file = file;
        this.sheets = new WorkbookSheets(workbook);
    }

    @Override
    public ReviewOutcome parse() throws IOException {
        Optional<Kind> kind = kind();
        if (kind.isEmpty()) {
            return refused(notAReview());
        }
        return kind.get() == Kind.SIGN_OFF ? signOff() : extension();
    }

    @Override
    public ReviewOutcome refused(ReadOutcome.Refused refusal) {
        return new ReviewOutcome.Refused(refusal, groupClue());
    }

    /** The marker's kind when it names one, else 销号审核 or 回头看 make a 销号审核表 and 延期审批 a 延期审批表. */
    private Optional<Kind> kind() throws IOException {
        Optional<String> marked = sheets.marker(ReviewLayout.KIND);
        if (marked.filter(ReviewLayout.SIGN_OFF_KIND::equals).isPresent()) {
            return Optional.of(Kind.SIGN_OFF);
        }
        if (marked.filter(ReviewLayout.EXTENSION_KIND::equals).isPresent()) {
            return Optional.of(Kind.EXTENSION);
        }
        if (sheets.named(ReviewLayout.SIGN_OFF_SHEET).isPresent() || sheets.named(ReviewLayout.RECHECK_SHEET).isPresent()) {
            return Optional.of(Kind.SIGN_OFF);
        }
        return sheets.named(ReviewLayout.EXTENSION_SHEET).map(sheet -> Kind.EXTENSION);
    }

    private ReviewOutcome signOff() throws IOException {
        Optional<String> signOffSheet = sheets.named(ReviewLayout.SIGN_OFF_SHEET);
        Optional<String> recheckSheet = sheets.named(ReviewLayout.RECHECK_SHEET);
        if (signOffSheet.isEmpty() && recheckSheet.isEmpty()) {
            return missingSheet("“" + ReviewLayout.SIGN_OFF_SHEET + "”或“" + ReviewLayout.RECHECK_SHEET + "”",
                    "销号审核表须至少有其中一张");
        }
        String metadataSheet = signOffSheet.orElseGet(recheckSheet::get);
        metadata = new MetadataBlock(ReviewLayout.SIGN_OFF_LABELS);
        Optional<SheetTable> signOff = table(signOffSheet, ReviewLayout.SIGN_OFF_COLUMNS, metadata);
        // the second sheet's labelled rows (审核人：… under its table) are metadata too, not rows to review
        Optional<SheetTable> recheck = table(recheckSheet, ReviewLayout.RECHECK_COLUMNS,
                signOffSheet.isEmpty() ? metadata : new MetadataBlock(ReviewLayout.SIGN_OFF_LABELS));
        return read(Kind.SIGN_OFF, metadataSheet, signOff, recheck, Optional.empty());
    }

    private ReviewOutcome extension() throws IOException {
        Optional<String> sheet = sheets.named(ReviewLayout.EXTENSION_SHEET);
        if (sheet.isEmpty()) {
            return missingSheet("“" + ReviewLayout.EXTENSION_SHEET + "”", "延期审批表须有这张工作表");
        }
        metadata = new MetadataBlock(ReviewLayout.EXTENSION_LABELS);
        Optional<SheetTable> extension = table(sheet, ReviewLayout.EXTENSION_COLUMNS, metadata);
        return read(Kind.EXTENSION, sheet.get(), Optional.empty(), Optional.empty(), extension);
    }

    private ReviewOutcome read(Kind kind, String metadataSheet, Optional<SheetTable> signOff, Optional<SheetTable> recheck,
                               Optional<SheetTable> extension) throws IOException {
        if (!mismatches.isEmpty()) {
            return refused(mismatches.refusal());
        }
        return new ReviewOutcome.Read(new ReviewWorkbook(file, kind, metadata.fields(), metadataSheet, signOff, recheck,
                extension, sheets.marker()));
    }

    /**
     * A review sheet's table: empty when the sheet is absent; a table without rows when the sheet holds no
     * table at all (blank, or only its metadata block and a line saying there is nothing to review: no cell
     * names any of its columns); template-mismatch when a header row is there but lacks a required column.
     */
    private Optional<SheetTable> table(Optional<String> sheet, List<Column> columns, MetadataBlock block) throws IOException {
        if (sheet.isEmpty()) {
            return Optional.empty();
        }
        TableReader reader = sheets.table(sheet.get(), columns, block);
        if (reader.table().isPresent()) {
            return reader.table();
        }
        if (reader.closestRow() == null) {
            return Optional.of(new SheetTable(sheet.get(), Map.of(), List.of()));
        }
        mismatches.missingColumns(sheet.get(), columns, reader);
        return Optional.empty();
    }

    private ReviewOutcome missingSheet(String sheetNames, String why) {
        String names = sheets.visibleNames();
        return refused(new ReadOutcome.Refused(Rule.TEMPLATE_MISMATCH, null, null, null, names,
                "未找到工作表" + sheetNames + "（本文件的工作表：" + (names.isEmpty() ? "无" : names) + "），" + why
                        + "；请在本系统生成的审核表上填写，不要删除或改名其中的工作表"));
    }

    private ReadOutcome.Refused notAReview() {
        String names = sheets.visibleNames();
        String unitReturn = sheets.named(ReturnLayout.PROGRESS_SHEET).isPresent()
                ? "这是单位的整改进展报送表，应放入报送文件夹（returns），不是审核表文件夹（reviews）；" : "";
        return new ReadOutcome.Refused(Rule.REVIEW_MISMATCH, null, null, null, names,
                "本文件不是审核表：未找到工作表“" + ReviewLayout.SIGN_OFF_SHEET + "”“" + ReviewLayout.RECHECK_SHEET + "”或“"
                        + ReviewLayout.EXTENSION_SHEET + "”（本文件的工作表：" + (names.isEmpty() ? "无" : names) + "）；" + unitReturn
                        + "审核表文件夹只放督查组填写的销号审核表（工作表“" + ReviewLayout.SIGN_OFF_SHEET + "”“" + ReviewLayout.RECHECK_SHEET
                        + "”）和整改办填写的延期审批表（工作表“" + ReviewLayout.EXTENSION_SHEET + "”），均须在本系统生成的表上填写");
    }

    /**
     * The group the workbook names, as written: the 督查组 of its metadata block, else its marker's group, else a
     * 督查组 label at the top of any of its sheets, else its path. Never fails: a workbook refused for its content
     * may fail again while it is searched, and the path still tells.
     */
    private Optional<String> groupClue() {
        Optional<String> written = metadata == null ? Optional.empty() : metadata.value(ReviewLayout.GROUP_LABEL);
        if (written.isPresent()) {
            return written;
        }
        try {
            if (!Thread.currentThread().isInterrupted()) {
                Optional<String> marked = sheets.marker(ReviewLayout.GROUP);
                if (marked.isPresent()) {
                    return marked;
                }
                for (SheetInfo sheet : sheets.all()) {
                    if (sheet.name().equals(TemplateMarker.SHEET)) {
                        continue;
                    }
                    MetadataBlock block = new MetadataBlock(List.of(ReviewLayout.GROUP_LABEL));
                    sheets.scanTop(sheet.name(), block);
                    Optional<String> labelled = block.value(ReviewLayout.GROUP_LABEL);
                    if (labelled.isPresent()) {
                        return labelled;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the path still tells
        }
        return GroupClues.inPath(file);
    }
}
