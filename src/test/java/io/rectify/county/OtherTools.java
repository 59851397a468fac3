package io.rectify.county;

import io.rectify.intake.HostileFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** What programs other than Excel make of a return: the bytes of the county's odd files. */
final class OtherTools {

    /**
     * A cell whose value element an export tool leaves empty: {@code <v></v>} in a number cell,
     * {@code <v/>} in a shared-string cell.
     *
     * @param value the value POI wrote there (the placeholder number, or the shared string's index)
     */
    record EmptyValue(String cell, String value, boolean sharedString) {
    }

    private OtherTools() {
    }

    /** Rewrites each of {@code cells} of the workbook's first sheet with an empty value element; each must be found once. */
    static void emptyValues(Path xlsx, List<EmptyValue> cells) {
        HostileFiles.rewriteEntry(xlsx, HostileFiles.FIRST_SHEET, xml -> {
            for (EmptyValue cell : cells) {
                Matcher m = Pattern.compile("(<c r=\"" + cell.cell() + "\"[^>]*>)<v>" + Pattern.quote(cell.value())
                        + "(\\.0)?</v>").matcher(xml);
                if (!m.find()) {
                    throw new IllegalStateException("no cell " + cell + " in the first sheet");
                }
                xml = xml.substring(0, m.start()) + m.group(1) + (cell.sharedString() ? "<v/>" : "<v></v>") + xml.substring(m.end());
            }
            return xml;
        });
    }

    /** The workbook encrypted as Excel encrypts it with its default password (agile), which Excel opens without asking. */
    static byte[] withDefaultPassword(byte[] xlsx) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(Decryptor.DEFAULT_PASSWORD);
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(xlsx);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An OpenDocument spreadsheet as WPS or LibreOffice saves it: the {@code mimetype} entry first
     * and stored, a manifest, and the unit's tasks in content.xml.
     */
    static byte[] ods(String unitName, String unitCode, List<List<String>> rows) {
        StringBuilder table = new StringBuilder();
        table.append(row(List.of("单位代码", unitCode))).append(row(List.of("单位名称", unitName)))
                .append(row(List.of("任务编号", "整改状态")));
        rows.forEach(r -> table.append(row(r)));
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
                <office:body><office:spreadsheet><table:table table:name="整改进展">%s</table:table></office:spreadsheet></office:body>
                </office:document-content>
                """.formatted(table);
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
                 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            first.setCompressedSize(mimetype.length);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            entry(zip, "META-INF/manifest.xml", manifest);
            entry(zip, "content.xml", content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String row(List<String> cells) {
        StringBuilder row = new StringBuilder("<table:table-row>");
        cells.forEach(c -> row.append("<table:table-cell office:value-type=\"string\"><text:p>").append(c)
                .append("</text:p></table:table-cell>"));
        return row.append("</table:table-row>").toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
