package io.rectify.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The big workbook of the reader benchmark: one sheet of {@code rows} data rows × 25 columns under
 * a header row, written as Excel writes it (shared strings table, cell references, a styles part
 * with a date and a decimal format): 10 text columns (one unique per row, the others from
 * vocabularies of 3 to 5,000 values), 10 number columns and 5 date columns. The XML is written
 * directly, so that generating 460,000 rows takes seconds and little memory. Deterministic.
 */
public final class BigWorkbook {

    public static final int COLUMNS = 25;
    private static final int TEXT_COLUMNS = 10;
    private static final int NUMBER_COLUMNS = 10;
    private static final int[] VOCABULARY = {0, 2000, 20, 4, 3, 5000, 500, 50, 1000};
    private static final String[] VOCABULARY_STEMS = {"", "责任单位", "督查组", "方面", "状态",
            "整改措施落实情况说明：健全长效机制，压实主体责任，第", "联系人", "备注事项", "办公地址：中山路"};
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final LocalDate FIRST_DATE = LocalDate.of(2023, 9, 1);

    private BigWorkbook() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    /** The vocabulary offsets in the shared strings table: headers first, then each vocabulary. */
    private static int[] offsets() {
        int[] offsets = new int[VOCABULARY.length + 1];
        offsets[0] = COLUMNS;
        for (int i = 1; i <= VOCABULARY.length; i++) {
            offsets[i] = offsets[i - 1] + (i < VOCABULARY.length ? VOCABULARY[i] : 0);
        }
        return offsets;
    }

    public static void write(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(out)) {
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    </Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    </Relationships>""");
            part(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                    <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
                    <fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>\
                    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                    <xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                    </styleSheet>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer sheet = writer(zip);
            sheet(sheet, rows);
            sheet.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            Writer strings = writer(zip);
            sharedStrings(strings, rows);
            strings.flush();
            zip.closeEntry();
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Writer writer(OutputStream zip) {
        return new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8) {
            @Override
            public void close() {
                // the zip stays open for the next part
            }
        }, 1 << 16);
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void sheet(Writer out, int rows) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet "
                + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:Y"
                + (rows + 1) + "\"/><sheetData>");
        out.write("<row r=\"1\">");
        for (int c = 0; c < COLUMNS; c++) {
            out.write("<c r=\"" + letter(c) + "1\" t=\"s\"><v>" + c + "</v></c>");
        }
        out.write("</row>");
        int[] offsets = offsets();
        int unique = offsets[offsets.length - 1];
        StringBuilder row = new StringBuilder(2048);
        for (int r = 1; r <= rows; r++) {
            int excelRow = r + 1;
            row.setLength(0);
            row.append("<row r=\"").append(excelRow).append("\">");
            for (int c = 0; c < COLUMNS; c++) {
                row.append("<c r=\"").append(letter(c)).append(excelRow).append('"');
                if (c == 0) {
                    row.append("><v>").append(r).append("</v></c>");
                } else if (c == 1) {
                    row.append(" t=\"s\"><v>").append(unique + r - 1).append("</v></c>");
                } else if (c < TEXT_COLUMNS) {
                    int v = VOCABULARY[c - 1];
                    row.append(" t=\"s\"><v>").append(offsets[c - 2] + (int) (mix(r, c) % v)).append("</v></c>");
                } else if (c < TEXT_COLUMNS + NUMBER_COLUMNS) {
                    long m = mix(r, c);
                    if (c % 2 == 0) {
                        row.append("><v>").append(m % 100000).append("</v></c>");
                    } else {
                        row.append(" s=\"2\"><v>").append(m % 1000000 / 100.0).append("</v></c>");
                    }
                } else {
                    long serial = ChronoUnit.DAYS.between(EPOCH, FIRST_DATE) + mix(r, c) % 400;
                    row.append(" s=\"1\"><v>").append(serial).append("</v></c>");
                }
            }
            row.append("</row>");
            out.append(row);
        }
        out.write("</sheetData></worksheet>");
    }

    private static void sharedStrings(Writer out, int rows) throws IOException {
        int[] offsets = offsets();
        int unique = offsets[offsets.length - 1] + rows;
        long count = COLUMNS + (long) rows * TEXT_COLUMNS;
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst "
                + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + count
                + "\" uniqueCount=\"" + unique + "\">");
        String[] headers = {"序号", "编号", "责任单位", "督查组", "方面", "状态", "进展情况", "联系人", "备注", "地址"};
        for (int c = 0; c < COLUMNS; c++) {
            out.write("<si><t>" + (c < headers.length ? headers[c] : c < TEXT_COLUMNS + NUMBER_COLUMNS
                    ? "数值" + (c - TEXT_COLUMNS + 1) : "日期" + (c - TEXT_COLUMNS - NUMBER_COLUMNS + 1)) + "</t></si>");
        }
        for (int v = 1; v < VOCABULARY.length; v++) {
            for (int i = 0; i < VOCABULARY[v]; i++) {
                out.write("<si><t>" + VOCABULARY_STEMS[v] + (i + 1) + (v == 5 ? "项" : "") + "</t></si>");
            }
        }
        for (int r = 1; r <= rows; r++) {
            out.write("<si><t>R" + String.format("%07d", r) + "</t></si>");
        }
        out.write("</sst>");
    }

    private static String letter(int column) {
        return String.valueOf((char) ('A' + column));
    }

    private static long mix(long row, long column) {
        long z = row * 0x9E3779B97F4A7C15L + column * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
