package io.rectify.marking;

import io.rectify.consolidate.PeriodFile;
import io.rectify.consolidate.UnitFigures;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.intake.Archive;
import io.rectify.ops.AtomicFiles;
import io.rectify.ops.RectifyProperties;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the marked copy of a unit's return: the file the unit sent (its accepted file of the
 * period, else the newest of its rejected ones), read from the archive, never from {@code input/},
 * with that file's exceptions marked ({@link MarkedWorkbook}). A file that cannot be opened as a
 * workbook (.ods, .csv, encrypted, damaged) or whose archived copy is missing gets no copy: the
 * run goes on, and the log says why. A return checked on its own, never archived, is marked from
 * where it is ({@link #write(Path, List, Function)}).
 */
@Component
public class ReturnMarker {

    private static final Logger log = LoggerFactory.getLogger(ReturnMarker.class);

    /** Rules that say the file could not be opened: there is nothing to mark it in. */
    private static final List<Rule> UNOPENED = List.of(Rule.FILE_UNREADABLE, Rule.FILE_ENCRYPTED);

    private final Archive archive;

    public ReturnMarker(RectifyProperties properties) {
        this.archive = new Archive(properties.data());
    }

    /**
     * Writes the marked copy of the unit's file, when it has one with something to mark. POI saves
     * the same bytes for the same input only inside {@code Reproducibility.runWithSourceDateEpoch}:
     * call this within it.
     *
     * @param target the file to write, given the extension of the copy's format: {@code xlsx},
     *               {@code xlsm} (macros kept) or {@code xls}
     * @return the file written; empty when the unit sent no file, its file has no exception, or it
     *         cannot be opened
     * @throws IOException when the copy cannot be written
     */
    public Optional<Path> write(UnitReceipt receipt, Function<String, Path> target) throws IOException {
        Optional<PeriodFile> chosen = chosen(receipt.unit());
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        PeriodFile file = chosen.get();
        List<ExceptionEntry> exceptions = receipt.exceptions().stream().filter(e -> file.path().equals(e.file())).toList();
        if (!markable(exceptions)) {
            return Optional.empty();
        }
        Optional<byte[]> archived = archived(file);
        if (archived.isEmpty()) {
            return Optional.empty();
        }
        return mark(archived.get(), exceptions, target, file.path() + " (" + file.unitCode() + ")");
    }

    /**
     * Writes the marked copy of a return checked where it is, before anything archived it (the check
     * of one file): as {@link #write(UnitReceipt, Function)}, with {@code exceptions}, the file's own.
     *
     * @return the file written; empty when there is no exception or the file cannot be opened as a workbook
     * @throws IOException when the file cannot be read again or the copy cannot be written
     */
    public static Optional<Path> write(Path file, List<ExceptionEntry> exceptions, Function<String, Path> target)
            throws IOException {
        if (!markable(exceptions)) {
            return Optional.empty();
        }
        return mark(Files.readAllBytes(file), exceptions, target, file.toString());
    }

    /** Whether a file with these exceptions has anything to mark and was opened when checked. */
    public static boolean markable(List<ExceptionEntry> exceptions) {
        return !exceptions.isEmpty() && exceptions.stream().noneMatch(e -> UNOPENED.contains(e.rule()));
    }

    /** Marks the workbook in {@code bytes} and writes it; empty when they cannot be opened as a workbook. */
    private static Optional<Path> mark(byte[] bytes, List<ExceptionEntry> exceptions, Function<String, Path> target,
                                       String what) throws IOException {
        Optional<Workbook> opened = open(bytes, what);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (Workbook workbook = opened.get()) {
            new MarkedWorkbook(workbook).mark(Marks.of(exceptions));
            Path copy = target.apply(extension(workbook));
            AtomicFiles.write(copy, workbook::write);
            return Optional.of(copy);
        }
    }

    /** The file a unit's copy is made of: its accepted file of the period, else the newest it sent that was rejected. */
    static Optional<PeriodFile> chosen(UnitFigures unit) {
        if (unit.accepted() != null) {
            return Optional.of(unit.accepted());
        }
        return unit.rejected().stream().max(Comparator.comparing(PeriodFile::submittedOn,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(PeriodFile::id));
    }

    /** The archived content of a unit's file; empty, with a line in the log, when it has none or it cannot be read. */
    private Optional<byte[]> archived(PeriodFile file) {
        if (file.sha256() == null) {
            log.warn("No marked copy of {} ({}): no archived content is recorded for it", file.path(), file.unitCode());
            return Optional.empty();
        }
        Path archived = archive.pathOf(file.sha256());
        try {
            return Optional.of(Files.readAllBytes(archived));
        } catch (NoSuchFileException e) {
            log.warn("No marked copy of {} ({}): its archived copy {} is missing", file.path(), file.unitCode(), archived);
        } catch (IOException e) {
            log.warn("No marked copy of {} ({}): its archived copy {} cannot be read: {}", file.path(), file.unitCode(),
                    archived, e.toString());
        }
        return Optional.empty();
    }

    private static Optional<Workbook> open(byte[] bytes, String what) {
        try {
            Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes));
            if (workbook instanceof XSSFWorkbook || workbook instanceof HSSFWorkbook) {
                return Optional.of(workbook);
            }
            workbook.close();
        } catch (IOException | RuntimeException e) {
            log.warn("No marked copy of {}: it cannot be opened as a workbook: {}", what, e.toString());
        }
        return Optional.empty();
    }

    /** The copy's extension by its content; a template (.xltx, .xltm) is saved as the workbook it would make. */
    private static String extension(Workbook workbook) {
        if (workbook instanceof XSSFWorkbook xssf) {
            boolean macros = xssf.getPackagePart().getContentType().toLowerCase(Locale.ROOT).contains("macroenabled");
            XSSFWorkbookType type = macros ? XSSFWorkbookType.XLSM : XSSFWorkbookType.XLSX;
            if (xssf.getWorkbookType() != type) {
                xssf.setWorkbookType(type);
            }
            return type.getExtension();
        }
        return "xls";
    }
}
