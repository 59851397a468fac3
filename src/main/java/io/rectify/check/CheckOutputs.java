package io.rectify.check;

import io.rectify.marking.ReturnMarker;
import io.rectify.ops.FileNames;
import io.rectify.report.CheckReceiptWorkbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Writes what a unit takes away from a check (docs/PORTAL.md): the check receipt (检查回执) and, when
 * the file opens as a workbook and has anything to mark, the file itself with its exceptions marked,
 * in the format it came in. Named after the file as sent, made safe:
 * {@code <stem>-检查回执.xlsx} and {@code <stem>-标注.<xlsx|xlsm|xls>}; a file of the same name is replaced.
 */
@Component
public class CheckOutputs {

    static final String RECEIPT_SUFFIX = "-检查回执.xlsx";
    static final String MARKED_SUFFIX = "-标注.";
    /** A stem longer than this is cut: with the suffix, a file name stays well within 255 bytes. */
    private static final int MAX_STEM = 60;
    private static final String NO_NAME = "报送表";

    /**
     * @param report      what {@link ReturnCheck#check} gave for {@code checkedFile}
     * @param checkedFile the file that was checked; only read
     * @param folder      where to write; created when missing
     */
    public CheckedFiles write(CheckReport report, Path checkedFile, Path folder) throws IOException {
        Files.createDirectories(folder);
        String stem = stem(report.file());
        Optional<Path> marked = ReturnMarker.write(checkedFile, report.exceptions(),
                extension -> folder.resolve(stem + MARKED_SUFFIX + extension));
        Path receipt = folder.resolve(stem + RECEIPT_SUFFIX);
        CheckReceiptWorkbook.write(report, marked.map(m -> m.getFileName().toString()).orElse(null), receipt);
        return new CheckedFiles(receipt, marked);
    }

    /**
     * The files {@link #write} writes for {@code report} into {@code folder}, named without writing
     * them (the portal writes them when first downloaded).
     *
     * @param format the checked file's format as its content tells it (xlsx, xlsm or xls), that of its
     *               marked copy; empty when it is no workbook
     */
    public CheckedFiles names(CheckReport report, Optional<String> format, Path folder) {
        String stem = stem(report.file());
        Optional<Path> marked = ReturnMarker.markable(report.exceptions())
                ? format.map(extension -> folder.resolve(stem + MARKED_SUFFIX + extension)) : Optional.empty();
        return new CheckedFiles(folder.resolve(stem + RECEIPT_SUFFIX), marked);
    }

    /**
     * The file's name as sent without its folders and extension, safe on every system (never a path:
     * no separators, no leading dot) and at most {@value #MAX_STEM} characters.
     */
    static String stem(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String stem = FileNames.safe(dot > 0 ? name.substring(0, dot) : name).replaceFirst("^[.\\s]+", "");
        if (stem.codePointCount(0, stem.length()) > MAX_STEM) {
            stem = stem.substring(0, stem.offsetByCodePoints(0, MAX_STEM)).strip();
        }
        return stem.isEmpty() ? NO_NAME : stem;
    }
}
