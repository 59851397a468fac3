package io.rectify.report;

import static io.rectify.NightlyFixture.unitReturn;
import static io.rectify.NightlyFixture.withLists;
import static io.rectify.NightlyFixture.write;
import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.NightlyFixture;
import io.rectify.RectifyApplication;
import io.rectify.intake.ReturnLayout;
import io.rectify.ledger.LedgerErrorReport;
import io.rectify.ledger.LedgerLayout;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.ops.DataLock;
import io.rectify.workbook.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Formula-like text (beginning with = + - @, a tab, CR or LF) in every place the office or a unit
 * can put text, run through every command that writes files: every output file there is, whatever
 * its kind, holds it neutralised and holds no formula (but 通报.txt, plain text that no spreadsheet
 * reads), except the look-ups of a template's 延期申请 sheet, made of cell references and a defined
 * name only. The sweep takes every file under the output folder, so an output added later is covered
 * without changing this test.
 */
class EveryOutputIsSafeIT {

    private static final String DANGEROUS_STARTS = "=+-@\t\r\n";
    /** The only formula an output may hold: a template's 延期申请 look-up of the chosen task's measure or deadline. */
    private static final Pattern EXTENSION_LOOKUP = Pattern.compile("IFERROR\\(VLOOKUP\\(\\$A\\d+,延期任务,[23],FALSE\\),\"\"\\)");

    @TempDir
    static Path root;

    private static Path output;

    @BeforeAll
    static void runEveryCommandThatWritesFiles() throws IOException {
        Path input = root.resolve("input");
        output = root.resolve("output");
        String[] folders = {"--input=" + input, "--output=" + output, "--data=" + root.resolve("data")};
        LedgerWorkbookFixture ledger = LedgerWorkbookFixture.standard().info(LedgerLayout.TITLE, "=某区巡视整改");
        ledger.problems().set(0, LedgerLayout.DESCRIPTION, "+重点区域功能定位不够清晰");
        ledger.problems().set(3, LedgerLayout.CATEGORY, "-二、关于落实全面从严治党责任方面");
        ledger.tasks().set(1, LedgerLayout.MEASURE, "=HYPERLINK(\"http://evil\",\"点击\")");
        ledger.tasks().set(2, LedgerLayout.MEASURE, "@SUM(1)建立重大项目月度推进机制");
        ledger.units().set(4, LedgerLayout.UNIT_NAME, "+区民政局");
        ledger.writeToMaster(input);
        Path march = input.resolve("returns/2024-03");
        write(march.resolve("=cmd.xlsx"), withLists(w -> w.sheet(ReturnLayout.PROGRESS_SHEET,
                        row(ReturnLayout.UNIT_CODE, "U01"), row(ReturnLayout.PERIOD, "2024-03"),
                        row(ReturnLayout.SUBMITTED_ON, LocalDate.of(2024, 4, 3)), row(ReturnLayout.REPORTER, "@张三"),
                        row(ReturnLayout.TASK_CODE, ReturnLayout.STATUS, ReturnLayout.COMPLETION_DATE, ReturnLayout.PROGRESS,
                                ReturnLayout.EVIDENCE, ReturnLayout.REMARK),
                        row("T01", "已完成", LocalDate.of(2024, 3, 10), "=1+2", "+cmd|' /C calc'!A0", "-2"),
                        row("T06", "推进中", null, "\n换行开头", null, "\r回车开头")),
                row("=HYPERLINK(\"http://x\")", "+区发改〔2024〕5号", "新建", LocalDate.of(2024, 3, 1)),
                row("诫勉谈话", 1, "@说明")));
        write(march.resolve("-rf.xlsx"), unitReturn("U02", "区财政局", "2024-03", LocalDate.of(2024, 4, 3),
                row("T02", "+推进中"), row("=T02", "推进中")));
        write(march.resolve("@U03.xlsx"), unitReturn("=U03", "区科委", "2024-03", LocalDate.of(2024, 4, 3), row("T03", "推进中")));
        NightlyFixture.dateEverything(input);

        assertThat(RectifyApplication.run(join(new String[] {"nightly"}, folders))).isZero();
        assertThat(RectifyApplication.run(join(new String[] {"templates", "--period=2024-04"}, folders))).isZero();

        Path broken = root.resolve("broken");
        LedgerWorkbookFixture.standard().writeToMaster(broken.resolve("input"));
        LedgerWorkbookFixture wrong = LedgerWorkbookFixture.standard();
        wrong.tasks().set(5, LedgerLayout.LEAD_UNIT, "=区不存在局");
        wrong.writeToMaster(broken.resolve("input"));
        assertThat(RectifyApplication.run("import-ledger", "--input=" + broken.resolve("input"),
                "--output=" + output, "--data=" + broken.resolve("data"))).isEqualTo(1);
    }

    @Test
    void everyOutputFileHoldsFormulaLikeTextNeutralisedAndNoFormula() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(output)) {
            files = paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(DataLock.OUTPUT_FILE_NAME)).sorted().toList();
        }
        List<String> texts = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            List<String> found = switch (name.substring(name.lastIndexOf('.') + 1)) {
                case "xlsx" -> workbookTexts(file, output.relativize(file).startsWith("templates"));
                case "csv" -> Csv.parse(Files.readString(file, StandardCharsets.UTF_8).substring(1)).stream()
                        .flatMap(List::stream).toList();
                case "json" -> jsonTexts(JsonMapper.builder().build().readTree(Files.readString(file)));
                // read in Notepad or WPS, never as a spreadsheet: the office's text stays as typed
                case "txt" -> List.of();
                case "html" -> htmlTexts(Files.readString(file, StandardCharsets.UTF_8));
                default -> throw new AssertionError("an output this test does not know how to read: " + file);
            };
            assertThat(found).as("%s", file).noneMatch(EveryOutputIsSafeIT::formulaLike);
            texts.addAll(found);
            kinds.add(output.relativize(file).toString().replaceAll("^\\d{4}-\\d{2}/(回执|督办单)/.*", "$1")
                    .replaceAll("^templates/.*", "template"));
        }

        assertThat(kinds).contains("2024-03/汇总统计.xlsx", "2024-03/异常清单.xlsx", "回执", "督办单", "2024-03/通报.txt",
                "2024-03/summary.json", "2024-03/exceptions.csv", "2024-03/index.html", "template",
                LedgerErrorReport.FILE_NAME);
        assertThat(texts).as("the hostile text reached the outputs, neutralised").contains("'=某区巡视整改", "'=1+2",
                "'+cmd|' /C calc'!A0", "'=cmd.xlsx", "'-rf.xlsx", "'=HYPERLINK(\"http://x\")", "'+推进中", "'=T02", "'=U03",
                "'+区民政局", "'=区不存在局", "'=HYPERLINK(\"http://evil\",\"点击\")");
    }

    @Test
    void noDataEverGoesThroughSetCellFormula() throws IOException {
        List<Path> sources;
        try (Stream<Path> paths = Files.walk(Path.of("src/main/java"))) {
            sources = paths.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(100);
        for (Path source : sources) {
            String text = Files.readString(source);
            if (source.endsWith(Path.of("template/ExtensionSheet.java"))) {
                assertThat(text.split("setCellFormula", -1)).as("%s", source).hasSize(2);
                assertThat(text).contains("setCellFormula(lookup(");
            } else {
                assertThat(text).as("%s", source).doesNotContain("setCellFormula");
            }
        }
    }

    @Test
    void aTemplateFilledAndSentBackDoesNotFlagItsNeutralisedLedgerTextAsEdited() throws IOException {
        Path template;
        try (Stream<Path> paths = Files.list(output.resolve("templates/2024-04"))) {
            template = paths.filter(p -> p.getFileName().toString().startsWith("U02-")).findFirst().orElseThrow();
        }
        Path filled = root.resolve("input/returns/2024-04/U02.xlsx");
        Files.createDirectories(filled.getParent());
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(ReturnLayout.PROGRESS_SHEET);
            Row task = rowOf(sheet, "T02");
            assertThat(task.getCell(column(sheet, ReturnLayout.MEASURE)).getStringCellValue())
                    .isEqualTo("'=HYPERLINK(\"http://evil\",\"点击\")");
            task.getCell(column(sheet, ReturnLayout.STATUS)).setCellValue("推进中");
            try (OutputStream out = Files.newOutputStream(filled)) {
                workbook.write(out);
            }
        }
        NightlyFixture.dateEverything(root.resolve("input"));

        assertThat(RectifyApplication.run("nightly", "--period=2024-04", "--input=" + root.resolve("input"),
                "--output=" + root.resolve("april"), "--data=" + root.resolve("data"))).isZero();

        List<List<String>> exceptions = Csv.parse(Files.readString(root.resolve("april/2024-04/exceptions.csv")).substring(1));
        assertThat(exceptions).filteredOn(e -> e.get(6).equals("U02.xlsx")).extracting(e -> e.get(0))
                .doesNotContain("ledger-field-changed", "invalid-status", "template-mismatch");
    }

    private static boolean formulaLike(String text) {
        return !text.isEmpty() && DANGEROUS_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /**
     * Every text cell of a workbook; fails on a formula cell, or on a formula in any sheet's XML, but
     * for the 延期申请 look-ups of a {@code template}.
     */
    private static List<String> workbookTexts(Path file, boolean template) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().startsWith("xl/worksheets/") && !template) {
                    assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).as("%s %s", file, entry.getName())
                            .doesNotContain("<f>", "<f ");
                }
            }
        }
        List<String> texts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (template && cell.getCellType() == CellType.FORMULA) {
                            assertThat(sheet.getSheetName()).as("%s %s", file, cell.getAddress()).isEqualTo(ReturnLayout.EXTENSION_SHEET);
                            assertThat(cell.getCellFormula()).as("%s %s", file, cell.getAddress()).matches(EXTENSION_LOOKUP);
                            continue;
                        }
                        assertThat(cell.getCellType()).as("%s %s", file, cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            // a quote-prefixed cell (a unit's own text in its marked copy) is text to every spreadsheet program
                            texts.add((cell.getCellStyle().getQuotePrefixed() ? "'" : "") + cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        return texts;
    }

    private static List<String> jsonTexts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isString()) {
            texts.add(node.asString());
        }
        node.forEach(child -> texts.addAll(jsonTexts(child)));
        return texts;
    }

    /**
     * The texts of the dashboard: those between its tags, unescaped, and the strings of its chart
     * data; the inlined chart library and the page's own script are code, not text.
     */
    private static List<String> htmlTexts(String page) {
        Matcher data = Pattern.compile("(?s)<script type=\"application/json\" id=\"dashboard-data\">(.*?)</script>")
                .matcher(page);
        assertThat(data.find()).isTrue();
        List<String> texts = new ArrayList<>(jsonTexts(JsonMapper.builder().build().readTree(data.group(1))));
        String markup = page.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", "");
        for (String text : markup.split("<[^>]*>")) {
            if (!text.isBlank()) {
                texts.add(text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                        .replace("&amp;", "&"));
            }
        }
        return texts;
    }

    private static Row rowOf(Sheet sheet, String taskCode) {
        int codes = column(sheet, ReturnLayout.TASK_CODE);
        for (Row row : sheet) {
            Cell cell = row.getCell(codes);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(taskCode)) {
                return row;
            }
        }
        throw new AssertionError("no task " + taskCode);
    }

    private static int column(Sheet sheet, String header) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && Texts.header(cell.getStringCellValue()).equals(header)) {
                    return cell.getColumnIndex();
                }
            }
        }
        throw new AssertionError("no column " + header);
    }

    private static String[] join(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
