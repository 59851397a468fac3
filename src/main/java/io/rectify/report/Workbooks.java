package io.rectify.report;

import io.rectify.ops.AtomicFiles;
import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.util.Reproducibility;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Creating and saving the report workbooks: pinned properties, safe sheet names, print titles, same bytes for same content. */
final class Workbooks {

    /** Rows kept in memory per sheet before they are flushed; enough to style a table's last rows after writing them. */
    private static final int WINDOW_ROWS = 200;

    private Workbooks() {
    }

    /**
     * A new workbook whose document properties hold the title and the as-of date, never the time of
     * the run. Streamed: rows go to a temporary file as they are written, so that a city's tens of
     * thousands of exception and problem rows need no more heap than a district's (a row height set
     * in a streamed sheet is always marked custom).
     */
    static SXSSFWorkbook create(String title, LocalDate asOf) {
        return properties(new ReportWorkbook(false), title, asOf);
    }

    /**
     * As {@link #create}, for a workbook of a few hundred rows (a unit's receipt): its rows and the
     * package are kept in memory until saved. The temporary file per sheet and the one for the
     * package cost more than writing such a workbook's rows; thousands of receipts are written each night.
     */
    static SXSSFWorkbook createSmall(String title, LocalDate asOf) {
        return properties(new ReportWorkbook(true), title, asOf);
    }

    private static SXSSFWorkbook properties(SXSSFWorkbook workbook, String title, LocalDate asOf) {
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        Date date = Date.from(asOf.atStartOfDay().toInstant(ZoneOffset.UTC));
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setCreator("Rectify");
        core.setTitle(title);
        return workbook;
    }

    /** Saves atomically; POI's SOURCE_DATE_EPOCH mode zeroes the zip entries' times, which it otherwise sets to now. */
    static void save(SXSSFWorkbook workbook, Path target) throws IOException {
        save(workbook, target, true);
    }

    /**
     * Saves atomically, in POI's SOURCE_DATE_EPOCH mode when {@code pinned}. That mode is one flag for
     * the whole JVM, restored when a save ends: a workbook saved while a night may be writing its outputs
     * on other threads (a check in the portal) is saved unpinned, so that it never unpins theirs.
     */
    static void save(SXSSFWorkbook workbook, Path target, boolean pinned) throws IOException {
        ReportWorkbook report = (ReportWorkbook) workbook;
        try {
            AtomicFiles.write(target, out -> {
                if (pinned) {
                    Reproducibility.runWithSourceDateEpoch(() -> report.save(out));
                } else {
                    report.save(out);
                }
            });
        } finally {
            report.dispose();
            // not close(): closing a package made in memory saves it once more, only to drop the bytes
            report.getXSSFWorkbook().getPackage().revert();
        }
    }

    /** A new sheet named as close to {@code name} as Excel allows, unique in the workbook. */
    static Sheet sheet(SXSSFWorkbook workbook, String name) {
        return sheet(workbook, name, Set.of());
    }

    /** As {@link #sheet(SXSSFWorkbook, String)}, never taking one of the {@code reserved} names (sheets made later). */
    static Sheet sheet(SXSSFWorkbook workbook, String name, Set<String> reserved) {
        String safe = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? "Sheet" : name);
        String unique = safe;
        for (int n = 2; reserved.contains(unique) || workbook.getSheet(unique) != null; n++) {
            String suffix = "(" + n + ")";
            unique = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
        }
        return workbook.createSheet(unique);
    }

    /** The title printed at the top of every page ({@link TableSheet} puts the page numbers at the bottom). */
    static void printTitle(Sheet sheet, String title) {
        sheet.getHeader().setCenter(title.replace("&", "&&"));
    }

    /** A bold title across {@code columns} columns in row {@code row}. */
    static void title(Sheet sheet, Styles styles, int row, int columns, String text) {
        Row titleRow = sheet.createRow(row);
        titleRow.setHeightInPoints(24);
        Cell cell = titleRow.createCell(0);
        cell.setCellValue(SafeText.neutralise(text));
        cell.setCellStyle(styles.title());
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
        }
    }

    /** Wrapped free text merged across {@code columns} columns, the row as tall as the text needs. */
    static void note(Sheet sheet, Styles styles, int row, int columns, String text) {
        Row noteRow = sheet.createRow(row);
        Cell cell = noteRow.createCell(0);
        cell.setCellValue(SafeText.neutralise(text));
        cell.setCellStyle(styles.note());
        int width = 0;
        for (int i = 0; i < columns; i++) {
            width += sheet.getColumnWidth(i) / 256;
        }
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
        }
        noteRow.setHeightInPoints(TableSheet.lines(text, width) * 15f + 3);
    }

    /** A report workbook, its sheets' rows streamed to temporary files or kept in memory. */
    private static final class ReportWorkbook extends SXSSFWorkbook {

        private final boolean inMemory;

        ReportWorkbook(boolean inMemory) {
            super(new XSSFWorkbook(), WINDOW_ROWS, false);
            this.inMemory = inMemory;
            // ZIP64 data descriptors (commons-compress's default for a stream) are misread by stream readers
            // such as java.util.zip.ZipInputStream; a report is never near 4 GB
            setZip64Mode(Zip64Mode.Never);
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return inMemory ? new SheetDataInMemory() : super.createSheetDataWriter();
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }

        void save(OutputStream out) throws IOException {
            if (!inMemory) {
                write(out);
                return;
            }
            flushSheets();
            ByteArrayOutputStream template = new ByteArrayOutputStream();
            getXSSFWorkbook().write(template);
            injectData(new TemplateEntries(template.toByteArray()), out);
        }

        @Override
        public boolean dispose() {
            // sheets kept in memory have no temporary file to delete (POI's dispose expects one)
            return inMemory || super.dispose();
        }
    }

    /**
     * The parts of the package POI saved without the sheets' rows, read back from memory in their
     * order and with their sizes, as {@link SXSSFWorkbook#write} reads them back from its temporary
     * file: the same bytes come out (POI's own in-memory save reorders the parts).
     */
    private static final class TemplateEntries implements ZipEntrySource {

        private final Map<String, byte[]> parts = new LinkedHashMap<>();
        private final Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
        private boolean closed;

        TemplateEntries(byte[] zip) throws IOException {
            try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip))) {
                for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    byte[] bytes = in.readAllBytes();
                    entry.setSize(bytes.length);
                    parts.put(entry.getName(), bytes);
                    entries.put(entry.getName(), entry);
                }
            }
        }

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return Collections.enumeration(entries.values());
        }

        @Override
        public ZipArchiveEntry getEntry(String path) {
            return entries.get(path);
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) {
            return new ByteArrayInputStream(parts.get(entry.getName()));
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }

    /** A sheet's rows written as XML into memory instead of a temporary file. */
    private static final class SheetDataInMemory extends SheetDataWriter {

        SheetDataInMemory() throws IOException {
            super(new TextWriter());
        }

        @Override
        public InputStream getWorksheetXMLInputStream() {
            return new ByteArrayInputStream(((TextWriter) _out).text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Text gathered in a StringBuilder: POI writes a sheet's XML in many small pieces, and the
     * profile showed them costing more through a BufferedWriter and an encoder (a lock and a copy
     * each) than the rows themselves. Encoded once, when the sheet is saved.
     */
    private static final class TextWriter extends Writer {

        private final StringBuilder text = new StringBuilder(1 << 14);

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
