package io.rectify.nightly;

import io.rectify.ReceiptFiles;
import static io.rectify.NightlyFixture.unitReturn;
import static io.rectify.NightlyFixture.write;
import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.rectify.NightlyFixture;
import io.rectify.RectifyProcess;
import io.rectify.intake.HostileFiles;
import io.rectify.intake.RawXlsx;
import io.rectify.intake.RawXlsx.At;
import io.rectify.intake.RawXlsx.RawCell;
import io.rectify.intake.ReturnLayout;
import io.rectify.intake.TestWorkbooks;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.report.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hostile and broken input of docs/RELIABILITY.md in one period folder, beside the good
 * returns of units U01-U05, read by one nightly run in a JVM limited to 256 MB: the run completes,
 * each file gets its docs/RULES.md code or is read as a person sees it, nothing outside the input folder
 * is read, and the good units' results are those of a run without the hostile files (U05's receipt
 * also lists the broken files holding its code, as not adopted). A return
 * that was still being written is left for the next run, which reads it.
 */
class HostileInputRunIT {

    private static final String MARCH = "2024-03";
    private static final LocalDate SUBMITTED = LocalDate.of(2024, 4, 3);
    private static final String SECRET = "TOP-SECRET-42";
    private static final String WRITING = "H15 仍在保存.xlsx";
    /** The file being written stays so: the run waits two seconds for it, then leaves it for the next run. */
    private static final Map<String, String> SETTLE_A_MINUTE = Map.of("rectify.settle-seconds", "60",
            "rectify.settle-wait-seconds", "2");

    /** Each broken file and the file-scope rule it must get. */
    private static final Map<String, String> REFUSED = new TreeMap<>(Map.ofEntries(
            entry("broken/empty.xlsx", "file-unreadable"),
            entry("broken/truncated.xlsx", "file-unreadable"),
            entry("broken/random.xls", "file-unreadable"),
            entry("broken/zip-bomb.xlsx", "file-unreadable"),
            entry("broken/entity-bomb.xlsx", "file-unreadable"),
            entry("broken/xxe.xlsx", "file-unreadable"),
            entry("broken/encrypted.xlsx", "file-encrypted"),
            entry("broken/csv.xlsx", "file-unreadable"),
            entry("broken/docx.xlsx", "file-unreadable"),
            entry("broken/pdf.xlsx", "file-unreadable"),
            entry("broken/oversized.xlsx", "file-unreadable"),
            entry("broken/million-rows.xlsx", "file-unreadable"),
            entry("broken/overlong-cell.xlsx", "file-unreadable"),
            entry("broken/long-sheet-name.xlsx", "file-unreadable"),
            entry("broken/many-parts.xlsx", "file-unreadable"),
            entry("link.xlsx", "skipped-file"),
            entry("~$U01 区发展改革委.xlsx", "skipped-file"),
            entry(WRITING, "skipped-file")));
    /** What the refusal of some of them must say: the limit or danger it names. */
    private static final Map<String, String> SAYS = Map.of(
            "broken/zip-bomb.xlsx", "压缩炸弹",
            "broken/entity-bomb.xlsx", "DTD",
            "broken/xxe.xlsx", "DTD",
            "broken/oversized.xlsx", "文件大小上限",
            "broken/million-rows.xlsx", "读取行数上限",
            "broken/overlong-cell.xlsx", "单元格长度上限",
            "broken/long-sheet-name.xlsx", "工作表名称长度上限",
            "broken/many-parts.xlsx", "部件数上限",
            "link.xlsx", "符号链接",
            WRITING, "60 秒内刚被修改");
    /** The strange returns, each from its own unit, that must be read and accepted. */
    private static final Map<String, String> READ = new TreeMap<>(Map.ofEntries(
            entry("strange/H01 xls-saved-as.xlsx", "H01"),
            entry("strange/H02 xlsx-saved-as.xls", "H02"),
            entry("strange/H03 hidden.xlsx", "H03"),
            entry("strange/H04 very-hidden.xlsx", "H04"),
            entry("strange/H05 whole-grid.xlsx", "H05"),
            entry("strange/H06 formulas.xlsx", "H06"),
            entry("strange/H07 errors.xlsx", "H07"),
            entry("strange/H08 merged.xlsx", "H08"),
            entry("strange/H09 number-codes.xlsx", "H09"),
            entry("strange/H10 dates.xlsx", "H10"),
            entry("strange/H11 full-cells.xlsx", "H11"),
            entry("strange/H12 control.xlsx", "H12"),
            entry("第 一 组 🚀/报表 😀 تقرير Ω.xlsx", "H13"),
            entry("H14 folder.xlsx/inside.xlsx", "H14")));

    @TempDir
    static Path root;

    private static Path hostileOutput;
    private static RectifyProcess.Result hostileRun;

    @BeforeAll
    static void runOverEveryHostileInput() throws IOException {
        Path input = root.resolve("hostile/input");
        NightlyFixture.standard(input);
        ledger().writeToMaster(input);
        Path march = input.resolve("returns").resolve(MARCH);
        brokenFiles(march);
        strangeReturns(march);
        Path outside = NightlyFixture.write(root.resolve("outside/H16.xlsx"), unitReturn("H16", "测试单位16", MARCH, SUBMITTED,
                row("H16-1", "已完成", LocalDate.of(2024, 3, 1), SECRET, "佐证")));
        Files.createSymbolicLink(march.resolve("link.xlsx"), outside);
        Files.write(march.resolve("~$U01 区发展改革委.xlsx"), new byte[] {0, 1});
        write(march.resolve(WRITING), unitReturn("H15", "测试单位15", MARCH, SUBMITTED, row("H15-1", "推进中")));
        NightlyFixture.dateEverything(input);
        Files.setLastModifiedTime(march.resolve(WRITING), FileTime.from(Instant.now()));

        hostileOutput = root.resolve("hostile/output");
        hostileRun = nightly("hostile", SETTLE_A_MINUTE);
    }

    @Test
    void theRunCompletesWithin256MegabytesAndEveryBrokenFileGetsItsCode() {
        assertThat(hostileRun.exit()).as(hostileRun.err()).isZero();
        Map<String, List<List<String>>> byFile = exceptionsByFile(hostileOutput);

        for (Map.Entry<String, String> refused : REFUSED.entrySet()) {
            assertThat(byFile.get(refused.getKey())).as(refused.getKey()).isNotNull()
                    .extracting(e -> e.get(0)).containsExactly(refused.getValue());
        }
        SAYS.forEach((file, words) -> assertThat(byFile.get(file).get(0).get(11)).as(file).contains(words));
        assertThat(hostileRun.err()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void everyStrangeReturnIsReadAsThePersonSawIt() throws IOException {
        Map<String, List<List<String>>> byFile = exceptionsByFile(hostileOutput);
        JsonNode summary = summary(hostileOutput);

        for (Map.Entry<String, String> read : READ.entrySet()) {
            List<String> rules = byFile.getOrDefault(read.getKey(), List.of()).stream().map(e -> e.get(0)).toList();
            assertThat(rules).as(read.getKey()).noneMatch(r -> r.startsWith("file-") || r.equals("template-mismatch")
                    || r.equals("unknown-unit") || r.equals("period-mismatch") || r.equals("unknown-task"));
            assertThat(unit(summary, read.getValue()).get("submitted").asBoolean()).as(read.getKey()).isTrue();
        }
        Map<String, Integer> completed = new LinkedHashMap<>();
        for (String unit : List.of("H01", "H02", "H03", "H04", "H05", "H06", "H07", "H08", "H09", "H10", "H11", "H12", "H13", "H14")) {
            completed.put(unit, unit(summary, unit).get("tasks").get("completed").asInt());
        }
        // H06: the cached 已完成, not the formula's 推进中; H07: #N/A status and #VALUE! date rejected;
        // H08: 已完成 merged over both tasks; H10: a serial-number date and a text date
        assertThat(completed).containsExactly(entry("H01", 1), entry("H02", 1), entry("H03", 1), entry("H04", 1),
                entry("H05", 1), entry("H06", 1), entry("H07", 0), entry("H08", 2), entry("H09", 1), entry("H10", 2),
                entry("H11", 0), entry("H12", 0), entry("H13", 1), entry("H14", 1));
        assertThat(byFile.get("strange/H07 errors.xlsx")).extracting(e -> e.get(0) + " " + e.get(9) + " " + e.get(10))
                .contains("invalid-status B #N/A", "invalid-date C #VALUE!");
        assertThat(Files.readString(hostileOutput.resolve(MARCH + "/exceptions.csv"))).doesNotContain(SECRET);
        assertThat(unit(summary, "H16").get("submitted").asBoolean()).as("the link's target outside the input").isFalse();
    }

    @Test
    void theGoodUnitsResultsAreThoseOfARunWithoutTheHostileFiles() throws Exception {
        Path input = root.resolve("good/input");
        NightlyFixture.standard(input);
        ledger().writeToMaster(input);
        NightlyFixture.dateEverything(input);

        RectifyProcess.Result good = nightly("good", Map.of());

        assertThat(good.exit()).as(good.err()).isZero();
        Path goodOutput = root.resolve("good/output");
        for (String unit : List.of("U01", "U02", "U03", "U04", "U05")) {
            assertThat(unit(summary(hostileOutput), unit)).as(unit).isEqualTo(unit(summary(goodOutput), unit));
        }
        for (String unit : List.of("U01", "U02", "U03", "U04")) {
            String receipt = ReceiptFiles.receipt(goodOutput, MARCH, unit);
            assertThat(Files.readAllBytes(hostileOutput.resolve(receipt))).as(receipt)
                    .isEqualTo(Files.readAllBytes(goodOutput.resolve(receipt)));
        }
        // the broken files holding U05's code are U05's: its receipt lists them as not adopted, and why; its tasks are as without them
        String receipt = ReceiptFiles.receipt(goodOutput, MARCH, "U05");
        try (XSSFWorkbook hostile = new XSSFWorkbook(hostileOutput.resolve(receipt).toFile());
             XSSFWorkbook without = new XSSFWorkbook(goodOutput.resolve(receipt).toFile())) {
            assertThat(texts(hostile.getSheet("任务情况"))).isEqualTo(texts(without.getSheet("任务情况")));
            List<String> received = received(hostile);
            assertThat(received).containsAll(received(without));
            assertThat(received).filteredOn(line -> !received(without).contains(line)).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).startsWith("收到的文件“broken/").contains("”未采纳，原因："));
        }
    }

    /** The lines of a receipt's 本期收到的文件. */
    private static List<String> received(XSSFWorkbook receipt) {
        List<String> row = texts(receipt.getSheet("回执")).stream().dropWhile(text -> !text.equals("本期收到的文件")).toList();
        return List.of(row.get(1).split("\n"));
    }

    private static List<String> texts(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        sheet.forEach(row -> row.forEach(cell -> texts.add(formatter.formatCellValue(cell))));
        return texts;
    }

    @Test
    void aReturnStillBeingWrittenIsLeftWithAnInfoLineAndReadByTheNextRun() throws IOException {
        Path writing = root.resolve("hostile/input/returns").resolve(MARCH).resolve(WRITING);
        assertThat(exceptionsByFile(hostileOutput).get(WRITING)).extracting(e -> e.get(1)).containsExactly("info");
        assertThat(unit(summary(hostileOutput), "H15").get("submitted").asBoolean()).isFalse();
        assertThat(hostileRun.out()).contains(WRITING + ": modified less than 60 s ago, left for the next run");

        Files.setLastModifiedTime(writing, FileTime.from(Instant.now().minusSeconds(120)));
        Path nextOutput = root.resolve("hostile/next-output");
        RectifyProcess.Result next = RectifyProcess.run(root.resolve("hostile/logs"), SETTLE_A_MINUTE, "nightly",
                "--input=" + root.resolve("hostile/input"), "--output=" + nextOutput, "--data=" + root.resolve("hostile/data"));

        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(unit(summary(nextOutput), "H15").get("submitted").asBoolean()).isTrue();
        assertThat(exceptionsByFile(nextOutput)).doesNotContainKey(WRITING);
    }

    /** The standard ledger and one unit (H01-H16, 测试单位NN) per strange return, each leading one task (H09's numbered 9001). */
    private static LedgerWorkbookFixture ledger() {
        LedgerWorkbookFixture ledger = LedgerWorkbookFixture.standard();
        for (int i = 1; i <= 16; i++) {
            String code = "H%02d".formatted(i);
            ledger.units().add(code, "测试单位%02d".formatted(i), "第三督查组", "", "");
            ledger.tasks().add(i == 9 ? "9001" : code + "-1", "P05", "测试任务" + code, code, "", LocalDate.of(2024, 12, 31));
        }
        for (String second : List.of("H07", "H08", "H10")) {
            ledger.tasks().add(second + "-2", "P05", "测试任务" + second + "第二项", second, "", LocalDate.of(2024, 12, 31));
        }
        return ledger;
    }

    private static void brokenFiles(Path march) throws IOException {
        Consumer<TestWorkbooks.Writer> u05 = unitReturn("U05", "区民政局", MARCH, SUBMITTED, row("T05", "已完成",
                LocalDate.of(2024, 3, 1), "若读入则改变 U05 的结果", "佐证"));
        Path broken = Files.createDirectories(march.resolve("broken"));
        HostileFiles.empty(broken.resolve("empty.xlsx"));
        HostileFiles.truncated(broken.resolve("truncated.xlsx"), u05);
        HostileFiles.randomBytes(broken.resolve("random.xls"), 8192);
        HostileFiles.zipBomb(broken.resolve("zip-bomb.xlsx"), u05);
        HostileFiles.entityBomb(broken.resolve("entity-bomb.xlsx"), u05);
        HostileFiles.externalEntity(broken.resolve("xxe.xlsx"), u05,
                Files.writeString(root.resolve("secret.txt"), SECRET), "区民政局");
        HostileFiles.encrypted(broken.resolve("encrypted.xlsx"), u05);
        HostileFiles.csv(broken.resolve("csv.xlsx"));
        HostileFiles.docx(broken.resolve("docx.xlsx"));
        HostileFiles.pdf(broken.resolve("pdf.xlsx"));
        HostileFiles.oversized(broken.resolve("oversized.xlsx"), u05, 21 << 20);
        HostileFiles.millionRows(broken.resolve("million-rows.xlsx"), ReturnLayout.PROGRESS_SHEET,
                row(ReturnLayout.UNIT_CODE, "U05"), row(ReturnLayout.PERIOD, MARCH), row(ReturnLayout.TASK_CODE, ReturnLayout.STATUS));
        new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, RawXlsx.rows(row(ReturnLayout.UNIT_CODE, "U05"),
                row(ReturnLayout.PERIOD, MARCH), row(ReturnLayout.TASK_CODE, ReturnLayout.STATUS, ReturnLayout.PROGRESS),
                row("T05", "已完成", HostileFiles.text(40_000)))).write(broken.resolve("overlong-cell.xlsx"));
        new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET + "（" + "很长的名称".repeat(8) + "）", RawXlsx.rows(row("x")))
                .write(broken.resolve("long-sheet-name.xlsx"));
        HostileFiles.manyParts(broken.resolve("many-parts.xlsx"), u05, 1200);
    }

    private static void strangeReturns(Path march) throws IOException {
        Path strange = Files.createDirectories(march.resolve("strange"));
        TestWorkbooks.xls(strange.resolve("H01.xls"), simple("H01", "已完成"));
        Files.move(strange.resolve("H01.xls"), strange.resolve("H01 xls-saved-as.xlsx"));
        TestWorkbooks.xlsx(strange.resolve("H02.xlsx"), simple("H02", "已完成"));
        Files.move(strange.resolve("H02.xlsx"), strange.resolve("H02 xlsx-saved-as.xls"));
        TestWorkbooks.xlsx(strange.resolve("H03 hidden.xlsx"), hidden("H03", SheetVisibility.HIDDEN));
        TestWorkbooks.xlsx(strange.resolve("H04 very-hidden.xlsx"), hidden("H04", SheetVisibility.VERY_HIDDEN));
        new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, null, "A1:XFD1048576", out -> {
            out.write(RawXlsx.row(2, ReturnLayout.UNIT_CODE, "H05") + RawXlsx.row(4, ReturnLayout.PERIOD, MARCH)
                    + RawXlsx.row(5, ReturnLayout.SUBMITTED_ON, "2024-04-03")
                    + RawXlsx.row(7, ReturnLayout.TASK_CODE, ReturnLayout.STATUS, ReturnLayout.COMPLETION_DATE,
                    ReturnLayout.PROGRESS, ReturnLayout.EVIDENCE, new At(16_383, ReturnLayout.REMARK))
                    + RawXlsx.row(1_048_576, "H05-1", "已完成", "2024-03-15", "最后一行", "佐证", new At(16_383, "最后一列")));
        }, "").write(strange.resolve("H05 whole-grid.xlsx"));
        new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, RawXlsx.rows(row(ReturnLayout.UNIT_CODE, "H06"),
                row(ReturnLayout.PERIOD, MARCH), row(ReturnLayout.SUBMITTED_ON, "2024-04-03"),
                row(ReturnLayout.TASK_CODE, ReturnLayout.STATUS, ReturnLayout.COMPLETION_DATE, ReturnLayout.EVIDENCE),
                row(new RawCell("<c r=\"$REF\" t=\"str\"><f>\"H06-\"&amp;2</f><v>H06-1</v></c>"),
                        new RawCell("<c r=\"$REF\" t=\"str\"><f>\"推进\"&amp;\"中\"</f><v>已完成</v></c>"), "2024-03-15", "佐证")))
                .write(strange.resolve("H06 formulas.xlsx"));
        TestWorkbooks.xlsx(strange.resolve("H07 errors.xlsx"), unitReturn("H07", "测试单位07", MARCH, SUBMITTED,
                row("H07-1"), row("H07-2", "已完成", null, "完成", "佐证")).andThen(w -> {
                    Sheet sheet = w.workbook().getSheet(ReturnLayout.PROGRESS_SHEET);
                    sheet.getRow(7).createCell(1).setCellErrorValue(FormulaError.NA.getCode());
                    sheet.getRow(8).createCell(2).setCellErrorValue(FormulaError.VALUE.getCode());
                }));
        TestWorkbooks.xlsx(strange.resolve("H08 merged.xlsx"), unitReturn("H08", "测试单位08", MARCH, SUBMITTED,
                row("H08-1", "已完成", LocalDate.of(2024, 3, 15), "两项一并完成", "佐证"), row("H08-2", null, LocalDate.of(2024, 3, 15),
                        null, "佐证")).andThen(w -> w.workbook().getSheet(ReturnLayout.PROGRESS_SHEET)
                .addMergedRegion(new CellRangeAddress(7, 8, 1, 1))));
        TestWorkbooks.xlsx(strange.resolve("H09 number-codes.xlsx"), unitReturn("H09", "测试单位09", MARCH, SUBMITTED,
                row(9001, "已完成", LocalDate.of(2024, 3, 15), "完成", "佐证")));
        TestWorkbooks.xlsx(strange.resolve("H10 dates.xlsx"), unitReturn("H10", "测试单位10", MARCH, SUBMITTED,
                row("H10-1", "已完成", 45366, "完成", "佐证"), row("H10-2", "已完成", "2024年3月16日", "完成", "佐证")));
        String full = "=" + HostileFiles.text(32_766);
        TestWorkbooks.xlsx(strange.resolve("H11 full-cells.xlsx"), NightlyFixture.withLists(w -> w.sheet(ReturnLayout.PROGRESS_SHEET,
                        row(ReturnLayout.UNIT_CODE, "H11"), row(ReturnLayout.PERIOD, MARCH), row(ReturnLayout.SUBMITTED_ON, SUBMITTED),
                        row(ReturnLayout.REPORTER, full), row(ReturnLayout.TASK_CODE, ReturnLayout.STATUS, ReturnLayout.PROGRESS,
                                ReturnLayout.REMARK), row("H11-1", "推进中", full, full)),
                row(full, full, "新建", LocalDate.of(2024, 3, 1)), row("组织处理", 1, full)));
        new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, RawXlsx.rows(row(ReturnLayout.UNIT_CODE, "H12"),
                row(ReturnLayout.PERIOD, MARCH), row(ReturnLayout.SUBMITTED_ON, "2024-04-03"),
                row(ReturnLayout.TASK_CODE, ReturnLayout.STATUS, ReturnLayout.PROGRESS, ReturnLayout.REMARK),
                row("H12-1", "推进中", "进展_x0001_报告_x0007_已提交\t换行\n", "_x0008_备注_x001B_")))
                .write(strange.resolve("H12 control.xlsx"));
        write(march.resolve("第 一 组 🚀/报表 😀 تقرير Ω.xlsx"), unitReturn("H13", "测试单位13", MARCH, SUBMITTED,
                row("H13-1", "已完成", LocalDate.of(2024, 3, 15), "完成 ✅ 👍🏽 Ελληνικά العربية עברית 𠀋", "佐证 📎")));
        write(march.resolve("H14 folder.xlsx/inside.xlsx"), simple("H14", "已完成"));
    }

    private static Consumer<TestWorkbooks.Writer> simple(String unit, String status) {
        return unitReturn(unit, "测试单位" + unit.substring(1), MARCH, SUBMITTED,
                row(unit + "-1", status, LocalDate.of(2024, 3, 15), "完成", "佐证"));
    }

    private static Consumer<TestWorkbooks.Writer> hidden(String unit, SheetVisibility visibility) {
        return ((Consumer<TestWorkbooks.Writer>) w -> w.sheet("说明", row("填报说明"))).andThen(simple(unit, "已完成"))
                .andThen(w -> w.workbook().setSheetVisibility(1, visibility));
    }

    private static RectifyProcess.Result nightly(String name, Map<String, String> properties) {
        return RectifyProcess.run(root.resolve(name).resolve("logs"), properties, "nightly",
                "--input=" + root.resolve(name).resolve("input"), "--output=" + root.resolve(name).resolve("output"),
                "--data=" + root.resolve(name).resolve("data"));
    }

    /** exceptions.csv's records by their file column. */
    private static Map<String, List<List<String>>> exceptionsByFile(Path output) {
        try {
            List<List<String>> records = Csv.parse(Files.readString(output.resolve(MARCH + "/exceptions.csv"),
                    StandardCharsets.UTF_8).substring(1));
            Map<String, List<List<String>>> byFile = new TreeMap<>();
            records.stream().skip(1).forEach(r -> byFile.computeIfAbsent(r.get(6), f -> new ArrayList<>()).add(r));
            return byFile;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode summary(Path output) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(output.resolve(MARCH + "/summary.json")));
    }

    private static JsonNode unit(JsonNode summary, String code) {
        for (JsonNode unit : summary.get("byUnit")) {
            if (unit.get("code").asText().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code + " in summary.json");
    }
}
