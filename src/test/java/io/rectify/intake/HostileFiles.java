package io.rectify.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The hostile and broken files of docs/RELIABILITY.md, made by the tests rather than committed:
 * each is a real file of its kind, most made from a return's content so that only the one thing
 * wrong with it decides its outcome.
 */
public final class HostileFiles {

    /** The sheet XML of a workbook POI writes with one sheet: where the tests inject what POI would not write. */
    public static final String FIRST_SHEET = "xl/worksheets/sheet1.xml";
    public static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    private HostileFiles() {
    }

    public static Path empty(Path file) {
        return bytes(file, new byte[0]);
    }

    /** The first half of a workbook, as an upload that broke off leaves it. */
    public static Path truncated(Path file, Consumer<TestWorkbooks.Writer> content) {
        byte[] whole = read(xlsx(file, content));
        return bytes(file, Arrays.copyOf(whole, whole.length / 2));
    }

    public static Path randomBytes(Path file, int length) {
        byte[] noise = new byte[length];
        new Random(7).nextBytes(noise);
        return bytes(file, noise);
    }

    /** A workbook whose first sheet inflates from a few kilobytes to 30 MB of spaces. */
    public static Path zipBomb(Path file, Consumer<TestWorkbooks.Writer> content) {
        return rewriteEntry(xlsx(file, content), FIRST_SHEET,
                xml -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(30_000_000)));
    }

    /** "Billion laughs": nested entities in the sheet XML that would expand to gigabytes. */
    public static Path entityBomb(Path file, Consumer<TestWorkbooks.Writer> content) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        return rewriteEntry(xlsx(file, content), FIRST_SHEET, xml -> afterDeclaration(xml, dtd.toString())
                .replace("<sheetData>", "<sheetData><row r=\"1000\"><c r=\"A1000\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>"));
    }

    /** An external entity in the shared strings that would pull {@code secret} into a cell. */
    public static Path externalEntity(Path file, Consumer<TestWorkbooks.Writer> content, Path secret, String replacedText) {
        return rewriteEntry(xlsx(file, content), SHARED_STRINGS, xml -> afterDeclaration(xml,
                "<!DOCTYPE sst [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>").replace(replacedText, "&leak;"));
    }

    /** A workbook saved with an opening password (agile encryption, as Excel 2010 and later do). */
    public static Path encrypted(Path file, Consumer<TestWorkbooks.Writer> content) {
        return encrypted(file, content, EncryptionMode.agile, "secret");
    }

    /** A workbook encrypted as Excel encrypts one: agile (Excel 2010 and later) or standard (Excel 2007). */
    public static Path encrypted(Path file, Consumer<TestWorkbooks.Writer> content, EncryptionMode mode, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(mode).getEncryptor();
            encryptor.confirmPassword(password);
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = encryptor.getDataStream(fs)) {
                content.accept(new TestWorkbooks.Writer(workbook));
                workbook.write(out);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    public static Path csv(Path file) {
        return bytes(file, "任务编号,整改状态\nT01,推进中\n".getBytes(StandardCharsets.UTF_8));
    }

    /** An OpenDocument spreadsheet as LibreOffice writes one: a zip whose first entry, stored, names its type. */
    public static Path ods(Path file) {
        return zip(file, Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>",
                "content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"));
    }

    /** An Excel binary workbook's package: an OOXML package whose main part is binary. */
    public static Path xlsb(Path file) {
        return zip(file, Map.of("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>\
                </Types>""", "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="xl/workbook.bin"/></Relationships>""", "xl/workbook.bin", "\u0083\u0001\u0000"));
    }

    /** An Apple Numbers document: a zip of .iwa archives. */
    public static Path numbers(Path file) {
        return zip(file, Map.of("Index/Document.iwa", "\u0000", "Metadata/Properties.plist", "<plist/>"));
    }

    /** A WPS Writer document (.wps): an OLE2 compound file like a Word 97-2003 document. */
    public static Path wpsDocument(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[512]), "WordDocument");
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A zip of text entries, "mimetype" first and stored when there is one, as OpenDocument requires. */
    private static Path zip(Path file, Map<String, String> entries) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
                if (entries.containsKey("mimetype")) {
                    byte[] type = entries.get("mimetype").getBytes(StandardCharsets.US_ASCII);
                    out.putNextEntry(stored("mimetype", type));
                    out.write(type);
                    out.closeEntry();
                }
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                    if (!e.getKey().equals("mimetype")) {
                        out.putNextEntry(new ZipEntry(e.getKey()));
                        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                        out.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static Path pdf(Path file) {
        return bytes(file, "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII));
    }

    public static Path docx(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
                document.createParagraph().createRun().setText("整改进展");
                document.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A valid return made at least {@code bytes} long by an unused part of noise, stored uncompressed. */
    public static Path oversized(Path file, Consumer<TestWorkbooks.Writer> content, int bytes) {
        byte[] picture = new byte[bytes];
        new Random(11).nextBytes(picture);
        // named .xml: every part of a package needs a content type, and the package declares one for xml
        return addEntry(xlsx(file, content), "xl/media/padding.xml", picture, true);
    }

    /** A valid return whose package also holds {@code count} small parts. */
    public static Path manyParts(Path file, Consumer<TestWorkbooks.Writer> content, int count) {
        return rewrite(xlsx(file, content), (n, c) -> c, out -> {
            for (int i = 0; i < count; i++) {
                out.putNextEntry(new ZipEntry("xl/media/part" + i + ".bin"));
                out.write(i);
                out.closeEntry();
            }
        });
    }

    /** A sheet of 1,048,576 rows, every one with text: Excel's whole height. */
    public static Path millionRows(Path file, String sheet, Object[]... firstRows) {
        return new RawXlsx().sheet(sheet, null, "A1:B1048576", out -> {
            for (int r = 0; r < firstRows.length; r++) {
                out.write(RawXlsx.row(r + 1, firstRows[r]));
            }
            for (int r = firstRows.length + 1; r <= 1_048_576; r++) {
                out.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>");
            }
        }, "").write(file);
    }

    /** Chinese text of {@code length} characters that does not compress far (a zip-bomb guard would stop a repeat). */
    public static String text(int length) {
        Random random = new Random(length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('\u4e00' + random.nextInt(2000)));
        }
        return text.toString();
    }

    /** Copies a zip onto itself, replacing the text of one entry. */
    public static Path rewriteEntry(Path file, String entry, UnaryOperator<String> change) {
        return rewrite(file, (name, content) -> name.equals(entry)
                ? change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8) : content, null);
    }

    private static Path addEntry(Path file, String name, byte[] content, boolean stored) {
        return rewrite(file, (n, c) -> c, out -> {
            out.putNextEntry(stored ? stored(name, content) : new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        });
    }

    /** A zip entry stored without compression, which must say its size and checksum before its content. */
    private static ZipEntry stored(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        return entry;
    }

    private interface EntryChange {
        byte[] apply(String name, byte[] content);
    }

    private interface Extra {
        void write(ZipOutputStream out) throws IOException;
    }

    private static Path rewrite(Path file, EntryChange change, Extra extra) {
        try {
            byte[] original = Files.readAllBytes(file);
            try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(original));
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    byte[] content = change.apply(e.getName(), in.readAllBytes());
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(content);
                    out.closeEntry();
                }
                if (extra != null) {
                    extra.write(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String afterDeclaration(String xml, String insert) {
        int end = xml.indexOf("?>") + 2;
        return xml.substring(0, end) + insert + xml.substring(end);
    }

    static Path xlsx(Path file, Consumer<TestWorkbooks.Writer> content) {
        try {
            return TestWorkbooks.xlsx(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path bytes(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
