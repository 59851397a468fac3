package io.rectify.intake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;

/**
 * Writes .xlsx packages from sheet XML written directly, for the workbooks POI will not make or
 * would make too slowly: a sheet whose dimension is the whole grid (A1:XFD1048576) with a few real
 * rows, a million rows, formulas whose cached value is not what they compute, cells and sheet names
 * longer than Excel allows. Text goes in as inline strings; the package has no styles part.
 */
public final class RawXlsx {

    /** Writes a sheet's {@code <row>} elements. */
    @FunctionalInterface
    public interface Rows {
        void write(Writer out) throws IOException;
    }

    /** A cell written as given: {@code xml} is the whole {@code <c>} element. */
    public record RawCell(String xml) {
    }

    /** A value placed in a given column (zero-based), instead of the next one. */
    public record At(int column, Object value) {
    }

    private record Sheet(String name, String state, String dimension, Rows rows, String afterData) {
    }

    private final List<Sheet> sheets = new ArrayList<>();

    public RawXlsx sheet(String name, Rows rows) {
        return sheet(name, null, "A1", rows, "");
    }

    /**
     * @param state     null, "hidden" or "veryHidden"
     * @param dimension the sheet's {@code <dimension ref>}
     * @param afterData XML after {@code </sheetData>}, such as {@code <mergeCells>}
     */
    public RawXlsx sheet(String name, String state, String dimension, Rows rows, String afterData) {
        sheets.add(new Sheet(name, state, dimension, rows, afterData));
        return this;
    }

    /** A sheet of rows from 1 down, each an array of values as {@link #row} takes them. */
    public static Rows rows(Object[]... rows) {
        return out -> {
            for (int r = 0; r < rows.length; r++) {
                out.write(row(r + 1, rows[r]));
            }
        };
    }

    /**
     * One {@code <row>}: a String is an inline string, a Number a number, a {@link RawCell} as given,
     * an {@link At} placed in its column; null leaves a column empty.
     */
    public static String row(int number, Object... values) {
        StringBuilder xml = new StringBuilder("<row r=\"").append(number).append("\">");
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            int column = c;
            if (value instanceof At at) {
                column = at.column();
                value = at.value();
            }
            if (value == null) {
                continue;
            }
            String ref = CellReference.convertNumToColString(column) + number;
            if (value instanceof RawCell raw) {
                xml.append(raw.xml().replace("$REF", ref));
            } else if (value instanceof Number n) {
                xml.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
            } else {
                xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        .append(escape(value.toString())).append("</t></is></c>");
            }
        }
        return xml.append("</row>").toString();
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                entry(zip, "[Content_Types].xml", contentTypes());
                entry(zip, "_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                        Target="xl/workbook.xml"/></Relationships>""");
                entry(zip, "xl/workbook.xml", workbook());
                entry(zip, "xl/_rels/workbook.xml.rels", workbookRelations());
                for (int i = 0; i < sheets.size(); i++) {
                    Sheet sheet = sheets.get(i);
                    zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (i + 1) + ".xml"));
                    Writer out = new BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8));
                    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            + "<dimension ref=\"" + sheet.dimension() + "\"/><sheetData>");
                    sheet.rows().write(out);
                    out.write("</sheetData>" + sheet.afterData() + "</worksheet>");
                    out.flush();
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private String contentTypes() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
        for (int i = 1; i <= sheets.size(); i++) {
            xml.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"")
                    .append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return xml.append("</Types>").toString();
    }

    private String workbook() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (int i = 0; i < sheets.size(); i++) {
            Sheet sheet = sheets.get(i);
            xml.append("<sheet name=\"").append(escape(sheet.name())).append("\" sheetId=\"").append(i + 1).append('"');
            if (sheet.state() != null) {
                xml.append(" state=\"").append(sheet.state()).append('"');
            }
            xml.append(" r:id=\"rId").append(i + 1).append("\"/>");
        }
        return xml.append("</sheets></workbook>").toString();
    }

    private String workbookRelations() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (int i = 1; i <= sheets.size(); i++) {
            xml.append("<Relationship Id=\"rId").append(i)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"")
                    .append(" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
        }
        return xml.append("</Relationships>").toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Lets a writer be flushed into the current zip entry without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
