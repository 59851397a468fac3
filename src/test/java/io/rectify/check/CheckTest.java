package io.rectify.check;

import static io.rectify.NightlyFixture.unitReturn;
import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.NightlyFixture;
import io.rectify.PrintedSize;
import io.rectify.TempFolderContext;
import io.rectify.cli.CommandRunner;
import io.rectify.intake.HostileFiles;
import io.rectify.ledger.LedgerImporter;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.ops.CommandLine;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code check} and the check behind the portal, on real workbooks against the small standard ledger of
 * {@link NightlyFixture} (units U01-U05, tasks T01-T06, 报送截止日 the 10th) imported into a real H2 file
 * database; the open period is set to 2024-03.
 */
class CheckTest extends TempFolderContext {

    private static final Path MARCH_U01 = Path.of("input/returns/2024-03/U01 区发展改革委.xlsx");

    @Autowired
    private ReturnCheck check;
    @Autowired
    private CheckOutputs outputs;
    @Autowired
    private CommandRunner runner;
    @Autowired
    private LedgerImporter importer;
    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void openPeriod(DynamicPropertyRegistry registry) {
        registry.add("rectify.open-period", () -> "2024-03");
    }

    @BeforeEach
    void ledgerImported() {
        if (!Files.exists(root.resolve("input/master"))) {
            NightlyFixture.standard(root.resolve("input"));
            assertThat(importer.importFrom(root.resolve("input/master")).rejected()).isFalse();
        }
    }

    private record Ran(int exit, String out, String err) {
    }

    /** Runs {@code check} as the command line does, in this context. */
    private Ran check(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            List<String> line = new ArrayList<>(List.of("check"));
            line.addAll(List.of(args));
            int exit = runner.run(CommandLine.parse(line.toArray(String[]::new)));
            return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private Path returnFile(String name, String code, String unitName, String period, Object[]... tasks) {
        return NightlyFixture.write(root.resolve("sent").resolve(name),
                unitReturn(code, unitName, period, LocalDate.of(2024, 4, 3), tasks));
    }

    @Test
    void anAcceptedReturnExitsZeroWithItsRowsAndAReceiptAndLeavesTheInputAsItWas() {
        Path file = root.resolve(MARCH_U01);
        Map<String, byte[]> input = NightlyFixture.snapshot(root.resolve("input"));

        Ran ran = check(file.toString());

        assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
        assertThat(ran.out()).contains("文件：" + file, "单位：U01 区发展改革委", "报送期次：2024年3月",
                "结论：本文件可以接收：整改进展可采纳 2 行。", "未发现需要更正之处。",
                "检查回执：" + root.resolve("output/check/U01 区发展改革委-检查回执.xlsx"));
        assertThat(ran.out()).as("nothing to mark").doesNotContain("标注文件");
        assertThat(root.resolve("output/check/U01 区发展改革委-检查回执.xlsx")).isRegularFile();
        assertThat(NightlyFixture.differences(input, NightlyFixture.snapshot(root.resolve("input")))).isEmpty();
    }

    @Test
    void rowErrorsComeWithTheirCellAndValueErrorsFirstAndAreMarkedInTheCopy() throws IOException {
        Path file = returnFile("U01-三月.xlsx", "U01", "区发展改革委", "2024-03",
                row("T06", "已完成", LocalDate.of(2024, 3, 20), "已开展回头看"), row("T01", "差不多了"), row("X-9", "推进中"),
                row("T01", "已完成", null, "实施意见已印发"));

        CheckReport report = check.check(file, "U01-三月.xlsx", Optional.empty());

        assertThat(report.accepted()).isTrue();
        assertThat(report.unitCode()).isEqualTo("U01");
        assertThat(report.period()).isEqualTo(YearMonth.of(2024, 3));
        assertThat(report.rowsAccepted()).isEqualTo(1);
        assertThat(report.rowsRejected()).isEqualTo(3);
        assertThat(report.exceptions()).extracting(ExceptionEntry::severity).contains(Severity.WARNING)
                .isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(report.exceptions()).extracting(ExceptionEntry::rule, ExceptionEntry::location, ExceptionEntry::value)
                .contains(org.assertj.core.groups.Tuple.tuple(Rule.INVALID_STATUS, "整改进展!B9", "差不多了"),
                        org.assertj.core.groups.Tuple.tuple(Rule.UNKNOWN_TASK, "整改进展!A10", "X-9"));
        assertThat(report.exceptions()).allMatch(e -> e.file().equals("U01-三月.xlsx"));

        CheckedFiles written = outputs.write(report, file, root.resolve("portal-out"));

        assertThat(written.receipt().getFileName().toString()).isEqualTo("U01-三月-检查回执.xlsx");
        assertThat(written.marked()).hasValueSatisfying(m -> assertThat(m.getFileName().toString()).isEqualTo("U01-三月-标注.xlsx"));
        try (Workbook marked = WorkbookFactory.create(written.marked().get().toFile())) {
            Cell status = marked.getSheet("整改进展").getRow(8).getCell(1);
            assertThat(status.getCellComment()).isNotNull();
            assertThat(status.getCellComment().getString().getString()).contains("整改状态无效");
            assertThat(status.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(marked.getSheet("整改进展").getRow(9).getCell(0).getCellComment()).isNotNull();
        }
        try (Workbook receipt = WorkbookFactory.create(written.receipt().toFile())) {
            Sheet sheet = receipt.getSheetAt(0);
            String text = text(sheet);
            assertThat(text).contains("一、检查结论：可以接收", "整改进展可采纳 1 行，另有 3 行有错误、不予采纳",
                    "整改进展!B9", "差不多了", "整改进展!A10", "X-9", "U01-三月-标注.xlsx");
            assertThat(column(sheet, 1).stream().filter(label -> List.of("错误", "警告", "提示").contains(label)).toList())
                    .as("errors first").isNotEmpty().contains("警告")
                    .isSortedAccordingTo(Comparator.comparing(label -> List.of("错误", "警告", "提示").indexOf(label)));
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(PrintedSize.smallestFontPoints(sheet)).isGreaterThanOrEqualTo(9);
            assertThat(sheet.getRepeatingRows()).as("the exception table's header on every page").isNotNull();
        }
    }

    @Test
    void aReturnOfAnotherPeriodAnUnknownUnitOrNoReturnAtAllIsNotAcceptedAndExitsOne() throws IOException {
        Path february = root.resolve("input/returns/2024-02/U02.xlsx");
        Path unknown = returnFile("U99.xlsx", "U99", "区不存在局", "2024-03", row("T01", "推进中"));
        Path notAReturn = NightlyFixture.write(root.resolve("sent/名单.xlsx"), w -> w.sheet("Sheet1", row("姓名", "电话")));

        Ran ran = check(february.toString(), unknown.toString(), notAReturn.toString(), "--period=2024-03");

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.out()).contains("错误 报送期次不符（period-mismatch） 整改进展!B4 “2024-02”", "错误 单位代码无效（unknown-unit） 整改进展!B2 “U99”",
                "错误 模板不符（template-mismatch）", "本文件不予接收（报送期次不符）", "本文件不予接收（单位代码无效）",
                "共检查 3 个文件：可以接收 0 个，不予接收 3 个。");
        assertThat(ran.err()).isEmpty();
        assertThat(check.check(february, "U02.xlsx", Optional.empty()).accepted())
                .as("without --period a file is checked for the period it states").isTrue();
    }

    @Test
    void hostileFilesAreRefusedWithAClearExceptionNotAStackTrace() throws IOException {
        Path sent = Files.createDirectories(root.resolve("hostile"));
        Path bomb = HostileFiles.zipBomb(sent.resolve("U01-炸弹.xlsx"),
                unitReturn("U01", "区发展改革委", "2024-03", LocalDate.of(2024, 4, 3), row("T01", "推进中")));
        Path encrypted = HostileFiles.encrypted(sent.resolve("U02-加密.xlsx"),
                unitReturn("U02", "区财政局", "2024-03", LocalDate.of(2024, 4, 3), row("T02", "推进中")));
        Path csv = HostileFiles.csv(sent.resolve("U03-表格.xlsx"));

        Ran ran = check(bomb.toString(), encrypted.toString(), csv.toString());

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.out()).contains("错误 文件无法读取（file-unreadable） 整个文件", "错误 文件已加密（file-encrypted） 整个文件", "取消打开密码后重新报送",
                "共检查 3 个文件：可以接收 0 个，不予接收 3 个。");
        assertThat(ran.out() + ran.err()).doesNotContain("Exception", "\tat ");
        assertThat(ran.out()).as("a file that cannot be opened has no marked copy").doesNotContain("标注文件");
        CheckReport encryptedReport = check.check(encrypted, "U02-加密.xlsx", Optional.empty());
        assertThat(encryptedReport.unitCode()).as("the unit its name tells").isEqualTo("U02");
        assertThat(encryptedReport.period()).as("the open period").isEqualTo(YearMonth.of(2024, 3));
    }

    @Test
    void aMissingFileAndAFolderAreNamedAsSuchAndTheOtherFilesAreStillChecked() throws IOException {
        Path missing = root.resolve("sent/不存在.xlsx");
        Path folder = Files.createDirectories(root.resolve("sent/一个文件夹.xlsx"));

        Ran ran = check(missing.toString(), folder.toString(), root.resolve(MARCH_U01).toString());

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.out()).contains("找不到文件或文件夹：" + missing, "是一个文件夹，不是报送表文件",
                "结论：本文件可以接收：整改进展可采纳 2 行。", "共检查 3 个文件：可以接收 1 个，不予接收 2 个。");
    }

    @Test
    void checkingStoresNothingAndArchivesNothing() throws Exception {
        Path file = returnFile("U05.xlsx", "U05", "区民政局", "2024-03", row("T05", "推进中"), row("T99", "推进中"));
        String before = databaseFingerprint();
        List<String> dataBefore = files(root.resolve("data"));

        Ran ran = check(file.toString(), root.resolve(MARCH_U01).toString());

        assertThat(ran.exit()).as("one file has an error row but both would be accepted").isZero();
        assertThat(ran.out()).contains("错误 任务编号不存在（unknown-task） 整改进展!A9 “T99”", "标注文件：");
        assertThat(databaseFingerprint()).isEqualTo(before);
        assertThat(files(root.resolve("data"))).as("nothing archived").isEqualTo(dataBefore);
    }

    @Test
    void aLedgerImportedSinceTheLastCheckJudgesTheNextOne() {
        Path file = returnFile("U02-新任务.xlsx", "U02", "区财政局", "2024-03", row("T02", "推进中"), row("T07", "推进中"));
        assertThat(check.check(file, "U02-新任务.xlsx", Optional.empty()).exceptions()).extracting(ExceptionEntry::rule)
                .containsExactly(Rule.UNKNOWN_TASK);

        LedgerWorkbookFixture ledger = LedgerWorkbookFixture.standard();
        ledger.tasks().add("T07", "P03", "建立企业诉求快速响应机制", "U02", "", LocalDate.of(2024, 12, 31));
        ledger.writeToMaster(root.resolve("input"));
        assertThat(importer.importFrom(root.resolve("input/master")).rejected()).isFalse();

        CheckReport again = check.check(file, "U02-新任务.xlsx", Optional.empty());
        assertThat(again.exceptions()).isEmpty();
        assertThat(again.rowsAccepted()).isEqualTo(2);
    }

    /** Every row of every table of the database, as text. */
    private String databaseFingerprint() {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.sql("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "ORDER BY TABLE_NAME").query(String.class).list()) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM \"" + table + "\"").query().listOfRows()) {
                row.forEach((column, value) -> all.append(table).append('.').append(column).append('=')
                        .append(value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value).append('\n'));
            }
        }
        return all.toString();
    }

    /** The files under a folder but the logs and H2's own, by path and size. */
    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/logs/") && !p.toString().contains("/db/"))
                    .map(p -> folder.relativize(p) + " " + p.toFile().length()).sorted().toList();
        }
    }

    private static List<String> column(Sheet sheet, int column) {
        DataFormatter formatter = new DataFormatter();
        List<String> values = new ArrayList<>();
        sheet.forEach(row -> values.add(row.getCell(column) == null ? "" : formatter.formatCellValue(row.getCell(column))));
        return values;
    }

    private static String text(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                text.append(formatter.formatCellValue(cell)).append('\t');
            }
            text.append('\n');
        }
        return text.toString();
    }
}
