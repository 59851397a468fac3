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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not readable returns: each is refused with what it is and what to do, never an
 * exception, and a file over one of the {@link ReadLimits} with a message naming that limit.
 */
class BadFilesTest {

    @TempDir
    Path dir;

    private final ReturnReader reader = new ReturnReader();

    private ReadOutcome.Refused refused(Path file) throws IOException {
        return refused(reader, file);
    }

    private static ReadOutcome.Refused refused(ReturnReader reader, Path file) throws IOException {
        return TestWorkbooks.refused(reader, file);
    }

    private Path bytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void passwordProtectedXlsxIsFileEncrypted() throws IOException {
        ReadOutcome.Refused refused = refused(HostileFiles.encrypted(dir.resolve("加密.xlsx"), TestWorkbooks::typicalReturn));

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
        ReadOutcome.Refused refused = refused(HostileFiles.empty(dir.resolve("empty.xlsx")));

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("文件为空");
    }

    @Test
    void randomBytesAreUnreadable() throws IOException {
        ReadOutcome.Refused refused = refused(HostileFiles.randomBytes(dir.resolve("noise.xls"), 4000));

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
        ReadOutcome.Refused refused = refused(HostileFiles.csv(dir.resolve("return.xlsx")));

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("文本文件").contains("另存为 .xlsx");
    }

    @Test
    void pdfRenamedXlsxIsUnreadableAndSaysItIsPdf() throws IOException {
        assertThat(refused(HostileFiles.pdf(dir.resolve("return.xlsx"))).message()).contains("PDF");
    }

    @Test
    void wordDocumentRenamedXlsxIsUnreadableAndSaysItIsWord() throws IOException {
        ReadOutcome.Refused refused = refused(HostileFiles.docx(dir.resolve("return.xlsx")));

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
        ReadOutcome.Refused refused = refused(HostileFiles.zipBomb(dir.resolve("bomb.xlsx"), TestWorkbooks::typicalReturn));

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("压缩炸弹", "压缩比上限", "1:100");
    }

    @Test
    void externalEntitiesInSheetXmlAreNeverResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path evil = HostileFiles.rewriteEntry(TestWorkbooks.xlsx(dir.resolve("evil.xlsx"), TestWorkbooks::typicalReturn),
                HostileFiles.FIRST_SHEET, xml -> {
                    int declarationEnd = xml.indexOf("?>") + 2;
                    return xml.substring(0, declarationEnd) + "<!DOCTYPE worksheet [<!ENTITY leak SYSTEM \"" + secret.toUri()
                            + "\">]>" + xml.substring(declarationEnd).replace("<sheetData>",
                            "<sheetData><row r=\"99\"><c r=\"A99\" t=\"inlineStr\"><is><t>&leak;</t></is></c></row>");
                });

        ReadOutcome outcome = reader.read(found(evil));

        assertThat(outcome.toString()).doesNotContain("TOP-SECRET");
        assertThat(outcome).isInstanceOf(ReadOutcome.Refused.class);
        assertThat(((ReadOutcome.Refused) outcome).rule()).isEqualTo(Rule.FILE_UNREADABLE);
    }

    @Test
    void externalEntitiesInSharedStringsAreNeverResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path evil = HostileFiles.externalEntity(dir.resolve("evil.xlsx"), TestWorkbooks::typicalReturn, secret, "区财政局");

        ReadOutcome outcome = reader.read(found(evil));

        assertThat(outcome.toString()).doesNotContain("TOP-SECRET");
        assertThat(outcome).isInstanceOfSatisfying(ReadOutcome.Refused.class, refused -> {
            assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
            assertThat(refused.message()).contains("出于安全原因未读取");
        });
    }

    @Test
    void entityBombInSheetXmlIsRefusedWithoutExpandingIt() throws IOException {
        ReadOutcome.Refused refused = refused(HostileFiles.entityBomb(dir.resolve("laughs.xlsx"), TestWorkbooks::typicalReturn));

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("DTD", "出于安全原因未读取");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedUnopenedNamingTheLimit() throws IOException {
        ReadLimits small = new ReadLimits(64 * 1024, 10_000, Duration.ofSeconds(60), 25L << 20, 0.01, 1000);
        Path big = HostileFiles.oversized(dir.resolve("附图.xlsx"), TestWorkbooks::typicalReturn, 100 * 1024);

        ReadOutcome.Refused refused = refused(new ReturnReader(small), big);

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("文件大小上限", "超过 64 KB");
        assertThat(new ReturnReader(small).withinSizeLimit(found(big))).isFalse();
        assertThat(reader.read(found(big))).as("the same file under the default 20 MB").isInstanceOf(ReadOutcome.Read.class);
    }

    @Test
    void aMillionRowsStopAtTheRowLimitNamingItAndTheRow() throws IOException {
        Path file = HostileFiles.millionRows(dir.resolve("百万行.xlsx"), ReturnLayout.PROGRESS_SHEET,
                TestWorkbooks.row("单位代码", "A01"), TestWorkbooks.row("报送期次", "2024-03"),
                TestWorkbooks.row("任务编号", "整改状态"));

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("10000 行", "读取行数上限");
        assertThat(refused.sheet()).isEqualTo(ReturnLayout.PROGRESS_SHEET);
        assertThat(refused.row()).isEqualTo(10_001);
    }

    @Test
    void aFileThatTakesLongerThanTheTimeLimitIsGivenUpNamingTheLimit() throws IOException {
        // a million rows that hold nothing reach no row handler: only the time limit stops them
        Path file = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, null, "A1:A1048576", out -> {
            for (int r = 1; r <= 1_048_576; r++) {
                out.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"/></row>");
            }
        }, "").write(dir.resolve("慢.xlsx"));
        ReadLimits quick = new ReadLimits(20L << 20, 10_000, Duration.ofMillis(200), 1L << 30, 0.001, 1000);

        ReadOutcome.Refused refused = refused(new ReturnReader(quick), file);

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("读取时间上限");
        assertThat(new ReturnReader(quick).read(found(TestWorkbooks.xlsx(dir.resolve("ok.xlsx"), TestWorkbooks::typicalReturn))))
                .as("the next file is read as usual").isInstanceOf(ReadOutcome.Read.class);
    }

    @Test
    void aPartInflatingPastThePartLimitIsRefusedNamingTheLimit() throws IOException {
        java.util.Random random = new java.util.Random(3);
        Path file = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, out -> {
            out.write(RawXlsx.row(1, "单位代码", "A01") + RawXlsx.row(2, "报送期次", "2024-03") + RawXlsx.row(3, "任务编号", "整改状态"));
            for (int r = 4; r <= 20_000; r++) {
                out.write(RawXlsx.row(r, Long.toString(random.nextLong(), 36), Long.toString(random.nextLong(), 36)));
            }
        }).write(dir.resolve("大表.xlsx"));
        ReadLimits parts = new ReadLimits(20L << 20, 100_000, Duration.ofSeconds(60), 1L << 20, 0.01, 1000);

        ReadOutcome.Refused refused = refused(new ReturnReader(parts), file);

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("单个部件解压大小上限", "1 MB");
    }

    @Test
    void aPackageWithTooManyPartsIsRefusedNamingTheLimit() throws IOException {
        ReadOutcome.Refused refused = refused(HostileFiles.manyParts(dir.resolve("碎片.xlsx"), TestWorkbooks::typicalReturn, 1200));

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("部件数上限", "1000");
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedWithItsPlace() throws IOException {
        Path file = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, RawXlsx.rows(
                TestWorkbooks.row("单位代码", "A01"), TestWorkbooks.row("报送期次", "2024-03"),
                TestWorkbooks.row("任务编号", "整改状态", "进展情况"),
                TestWorkbooks.row("1-1", "推进中", HostileFiles.text(40_000)))).write(dir.resolve("超长.xlsx"));

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("40000 个字符", "单元格长度上限");
        assertThat(refused).extracting(ReadOutcome.Refused::sheet, ReadOutcome.Refused::row, ReadOutcome.Refused::column)
                .containsExactly(ReturnLayout.PROGRESS_SHEET, 4, "C");
    }

    @Test
    void aSheetNameLongerThanExcelAllowsIsRefused() throws IOException {
        Path file = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET + " ".repeat(40), RawXlsx.rows(TestWorkbooks.row("x")))
                .write(dir.resolve("长名.xlsx"));

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(refused.message()).contains("工作表名称长度上限");
    }

    @Test
    void aBadFileDoesNotAffectTheNextOne() throws IOException {
        Path bad = bytes("bad.xlsx", "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1));
        Path good = TestWorkbooks.xlsx(dir.resolve("good.xlsx"), TestWorkbooks::typicalReturn);

        assertThat(reader.read(found(bad))).isInstanceOf(ReadOutcome.Refused.class);
        assertThat(reader.read(found(good))).isInstanceOf(ReadOutcome.Read.class);
    }

    @Test
    void spreadsheetsInFormatsUnitsUseButThisSystemDoesNotReadAreRefusedNamingTheFormatAndHowToSaveAsXlsx() throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("这是 OpenDocument 表格（.ods）", HostileFiles.ods(dir.resolve("U01.ods")));
        files.put("这是 CSV 文本文件（.csv）", HostileFiles.csv(dir.resolve("U02.csv")));
        // a WPS spreadsheet is an OLE2 file much like a .xls: its name tells it, and it is not read as one
        files.put("这是 WPS 表格文件（.et）", TestWorkbooks.xls(dir.resolve("U03.et"), TestWorkbooks::typicalReturn));
        files.put("这是 WPS 表格模板文件（.ett）", TestWorkbooks.xls(dir.resolve("U04.ETT"), TestWorkbooks::typicalReturn));
        files.put("这是 WPS 文字文档（.wps），不是表格", HostileFiles.wpsDocument(dir.resolve("U05.wps")));
        files.put("这是 Excel 二进制工作簿（.xlsb）", HostileFiles.xlsb(dir.resolve("U06.xlsb")));

        files.forEach((format, file) -> {
            ReadOutcome.Refused refused = refusedUnchecked(file);

            assertThat(refused.rule()).as("%s", file).isEqualTo(Rule.FILE_UNREADABLE);
            assertThat(refused.message()).as("%s", file).startsWith(format)
                    .contains("文件 → 另存为 → 保存类型选“Excel 工作簿(*.xlsx)”", "文件 → 另存为 → 文件类型选“Microsoft Excel 文件(*.xlsx)”");
        });
        assertThat(refused(HostileFiles.numbers(dir.resolve("U07.numbers"))).message())
                .startsWith("这是苹果 Numbers 表格（.numbers）").contains("文件 → 导出为 → Excel");
    }

    @Test
    void anOpenDocumentBinaryOrNumbersSpreadsheetNamedXlsxIsRefusedForWhatItIs() throws IOException {
        assertThat(refused(HostileFiles.ods(dir.resolve("a.xlsx"))).message()).startsWith("这是 OpenDocument 表格（.ods）");
        assertThat(refused(HostileFiles.xlsb(dir.resolve("b.xlsx"))).message()).startsWith("这是 Excel 二进制工作簿（.xlsb）");
        assertThat(refused(HostileFiles.numbers(dir.resolve("c.xlsx"))).message()).startsWith("这是苹果 Numbers 表格");
    }

    @Test
    void aRealPasswordStaysFileEncryptedWithEitherEncryptionExcelUses() throws IOException {
        for (EncryptionMode mode : List.of(EncryptionMode.agile, EncryptionMode.standard)) {
            Path file = HostileFiles.encrypted(dir.resolve(mode + ".xlsx"), TestWorkbooks::typicalReturn, mode, "VelvetSweatshop2");

            assertThat(refused(file).rule()).as("%s", mode).isEqualTo(Rule.FILE_ENCRYPTED);
        }
    }

    @Test
    void aSheetListedWithoutItsPartOrWithARelationshipPointingNowhereIsRefusedNamingTheSheet() throws IOException {
        Path noPart = HostileFiles.rewriteEntry(TestWorkbooks.xlsx(dir.resolve("no-part.xlsx"), TestWorkbooks::typicalReturn),
                "xl/_rels/workbook.xml.rels", xml -> xml.replace("worksheets/sheet1.xml", "worksheets/gone.xml"));
        Path nowhere = HostileFiles.rewriteEntry(TestWorkbooks.xlsx(dir.resolve("nowhere.xlsx"), TestWorkbooks::typicalReturn),
                "xl/workbook.xml", xml -> xml.replaceFirst("(<sheet [^>]*r:id=\")[^\"]+", "$1rId99"));

        for (Path file : List.of(noPart, nowhere)) {
            ReadOutcome.Refused refused = refused(file);

            assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
            assertThat(refused.sheet()).isEqualTo(ReturnLayout.PROGRESS_SHEET);
            assertThat(refused.message()).as("%s", file).startsWith("工作簿中列有工作表“整改进展”，但文件中没有这张工作表的内容（文件内部结构不完整），无法读取；")
                    .contains("另存为 .xlsx");
        }
    }

    @Test
    void badRowNumbersAreRefusedWithTheSheetTheRowAndTheNumber() throws IOException {
        Map<String, String> rows = Map.of("0", "行号为“0”", "abc", "行号为“abc”", "1048577", "行号为“1048577”",
                "2", "第 3 行之后又出现了第 2 行（行顺序错乱）");
        for (Map.Entry<String, String> bad : rows.entrySet()) {
            Path file = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, out -> {
                out.write(RawXlsx.row(1, "单位代码", "A01") + RawXlsx.row(2, "报送期次", "2024-03") + RawXlsx.row(3, "任务编号", "整改状态"));
                out.write("<row r=\"" + bad.getKey() + "\"><c t=\"inlineStr\"><is><t>1-1</t></is></c></row>");
            }).write(dir.resolve("row-" + bad.getKey() + ".xlsx"));

            ReadOutcome.Refused refused = refused(file);

            assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
            assertThat(refused.message()).as(bad.getKey()).startsWith("工作表“整改进展”").contains(bad.getValue(), "无法读取");
            assertThat(refused).extracting(ReadOutcome.Refused::sheet, ReadOutcome.Refused::value)
                    .containsExactly(ReturnLayout.PROGRESS_SHEET, bad.getKey());
        }
    }

    @Test
    void badCellReferencesSharedStringIndexesAndNumbersAreRefusedWithTheCell() throws IOException {
        Map<String, String> cells = Map.of(
                "<c r=\"4A\" t=\"inlineStr\"><is><t>x</t></is></c>", "第 4 行有一个单元格的地址为“4A”，不是有效的单元格地址",
                "<c r=\"XFE4\"><v>1</v></c>", "第 4 行有一个单元格的地址为“XFE4”",
                "<c r=\"C4\" t=\"s\"><v>7</v></c>", "单元格 C4 引用的文字不存在（共享文本编号“7”无效）",
                "<c r=\"C4\"><v>1,5</v></c>", "单元格 C4 中的数值“1,5”不是数字");
        int i = 0;
        for (Map.Entry<String, String> bad : cells.entrySet()) {
            Path file = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, RawXlsx.rows(TestWorkbooks.row("单位代码", "A01"),
                    TestWorkbooks.row("报送期次", "2024-03"), TestWorkbooks.row("任务编号", "整改状态", "备注"),
                    TestWorkbooks.row("1-1", "推进中", new RawXlsx.RawCell(bad.getKey())))).write(dir.resolve("cell" + i++ + ".xlsx"));

            ReadOutcome.Refused refused = refused(file);

            assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE);
            assertThat(refused.message()).as(bad.getKey()).startsWith("工作表“整改进展”").contains(bad.getValue(), "无法读取");
            assertThat(refused.row()).isEqualTo(4);
        }
    }

    @Test
    void malformedXmlIsRefusedNamingTheSheetOrThePart() throws IOException {
        Path sheet = HostileFiles.rewriteEntry(TestWorkbooks.xlsx(dir.resolve("sheet.xlsx"), TestWorkbooks::typicalReturn),
                HostileFiles.FIRST_SHEET, xml -> xml.replace("</sheetData>", "<row></sheetData>"));
        Path strings = HostileFiles.rewriteEntry(TestWorkbooks.xlsx(dir.resolve("strings.xlsx"), TestWorkbooks::typicalReturn),
                HostileFiles.SHARED_STRINGS, xml -> xml.substring(0, xml.length() / 2));

        assertThat(refused(sheet)).extracting(ReadOutcome.Refused::rule, ReadOutcome.Refused::sheet, ReadOutcome.Refused::message)
                .containsExactly(Rule.FILE_UNREADABLE, ReturnLayout.PROGRESS_SHEET,
                        "工作表“整改进展”的内部数据不是格式正确的 XML，无法读取；文件可能被其他软件改写或已损坏，请用 Excel 或 WPS 打开"
                                + "（如提示修复，请选择修复），核对内容后另存为 .xlsx 格式再报送");
        assertThat(refused(strings).message()).startsWith("文件内部数据（/xl/sharedStrings.xml）不是格式正确的 XML，无法读取；");
    }

    private ReadOutcome.Refused refusedUnchecked(Path file) {
        try {
            return refused(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
