package io.rectify.intake;

import static io.rectify.intake.TestWorkbooks.found;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.rule.Rule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not readable returns: each is refused with what it is and what to do, never an exception. */
class BadFilesTest {

    @TempDir
    Path dir;

    private final ReturnReader reader = new ReturnReader();

    private ReadOutcome.Refused refused(Path file) throws IOException {
        ReadOutcome outcome = reader.read(found(file));
        assertThat(outcome).as("outcome of %s", file).isInstanceOf(ReadOutcome.Refused.class);
        return (ReadOutcome.Refused) outcome;
    }

    private Path bytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void passwordProtectedXlsxIsFileEncrypted() throws IOException {
        Path file = dir.resolve("加密.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = encryptor.getDataStream(fs)) {
                TestWorkbooks.typicalReturn(new TestWorkbooks.Writer(workbook));
                workbook.write(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.FILE_ENCRYPTED);
        assertThat(refused.message()).contains("密码");
    }

    @Test
    void passwordProtectedXlsIsFileEncrypted() throws IOException {
        Path file = dir.resolve("加密.xls");
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            TestWorkbooks.typicalReturn(new TestWorkbooks.Writer(workbook));
            workbook.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        assertThat(refused(file).rule()).isEqualTo(Rule.FILE_ENCRYPTED);
    }

    @Test
    void emptyFileIsUnreadable() throws IOException {
        ReadOutcome.Refused refused = refused(bytes("empty.xlsx", new byte[0]));

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("文件为空");
    }

    @Test
    void randomBytesAreUnreadable() throws IOException {
        byte[] noise = new byte[4000];
        new Random(7).nextBytes(noise);

        ReadOutcome.Refused refused = refused(bytes("noise.xls", noise));

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("无法识别").contains("另存为 .xlsx");
    }

    @Test
    void truncatedXlsxIsUnreadableAsDamagedWhereverTheUploadStopped() throws IOException {
        byte[] whole = Files.readAllBytes(TestWorkbooks.xlsx(dir.resolve("whole.xlsx"), TestWorkbooks::typicalReturn));

        for (int percent : new int[] {10, 50, 95, 99}) {
            byte[] part = java.util.Arrays.copyOf(whole, whole.length * percent / 100);
            ReadOutcome.Refused refused = refused(bytes("part" + percent + ".xlsx", part));

            assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
            assertThat(refused.message()).as("cut at %d%%", percent).contains("损坏或不完整");
        }
    }

    @Test
    void csvRenamedXlsxIsUnreadableAndSaysItIsText() throws IOException {
        byte[] csv = "任务编号,整改状态\n1-1,推进中\n".getBytes(StandardCharsets.UTF_8);

        ReadOutcome.Refused refused = refused(bytes("return.xlsx", csv));

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("文本文件").contains("另存为 .xlsx");
    }

    @Test
    void pdfRenamedXlsxIsUnreadableAndSaysItIsPdf() throws IOException {
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(refused(bytes("return.xlsx", pdf)).message()).contains("PDF");
    }

    @Test
    void wordDocumentRenamedXlsxIsUnreadableAndSaysItIsWord() throws IOException {
        Path file = dir.resolve("return.xlsx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            document.createParagraph().createRun().setText("整改进展");
            document.write(out);
        }

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("Word");
    }

    @Test
    void plainZipIsUnreadableAndSaysItIsAnArchive() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("报表.xlsx"));
            out.write(new byte[] {1, 2, 3});
        }

        assertThat(refused(bytes("returns.xlsx", zip.toByteArray())).message()).contains("ZIP 压缩包");
    }

    @Test
    void zipBombIsRefusedWithoutBeingInflated() throws IOException {
        Path good = TestWorkbooks.xlsx(dir.resolve("good.xlsx"), TestWorkbooks::typicalReturn);
        Path bomb = rewriteEntry(good, dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml",
                xml -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(30_000_000)));

        ReadOutcome.Refused refused = refused(bomb);

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("压缩炸弹");
    }

    @Test
    void externalEntitiesInSheetXmlAreNeverResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path good = TestWorkbooks.xlsx(dir.resolve("good.xlsx"), TestWorkbooks::typicalReturn);
        Path evil = rewriteEntry(good, dir.resolve("evil.xlsx"), "xl/worksheets/sheet1.xml", xml -> {
            int declarationEnd = xml.indexOf("?>") + 2;
            return xml.substring(0, declarationEnd) + "<!DOCTYPE worksheet [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>"
                    + xml.substring(declarationEnd).replace("区直单位巡视整改进展报送表", "&leak;");
        });

        ReadOutcome outcome = reader.read(found(evil));

        assertThat(outcome.toString()).doesNotContain("TOP-SECRET");
        assertThat(outcome).isInstanceOf(ReadOutcome.Refused.class);
        assertThat(((ReadOutcome.Refused) outcome).rule()).isEqualTo(Rule.FILE_UNREADABLE);
    }

    @Test
    void aBadFileDoesNotAffectTheNextOne() throws IOException {
        Path bad = bytes("bad.xlsx", "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1));
        Path good = TestWorkbooks.xlsx(dir.resolve("good.xlsx"), TestWorkbooks::typicalReturn);

        assertThat(reader.read(found(bad))).isInstanceOf(ReadOutcome.Refused.class);
        assertThat(reader.read(found(good))).isInstanceOf(ReadOutcome.Read.class);
    }

    /** Copies a zip, replacing the text of one entry. */
    private static Path rewriteEntry(Path source, Path target, String entry, UnaryOperator<String> change) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return target;
    }
}
