package io.rectify.ledger;

import static io.rectify.ledger.LedgerLayout.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rectify.RectifyApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import-ledger run as the office runs it: through the command line, in a fresh application each time. */
class ImportLedgerJobTest {

    @TempDir
    Path root;

    private record Run(int exit, String out) {
    }

    private Run importLedger() {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // the failure line on standard error is ExitStatusTest's subject; here it is only kept off the build's output
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            int exit = RectifyApplication.run("import-ledger", "--input=" + root.resolve("input"),
                    "--output=" + root.resolve("output"), "--data=" + root.resolve("data"));
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void goodLedgerExitsZeroWithItsCountsAndAnUnchangedOneSaysSo() throws Exception {
        LedgerWorkbookFixture.standard().writeToMaster(root.resolve("input"));
        Map<String, String> inputBefore = snapshot(root.resolve("input"));

        Run first = importLedger();
        Run second = importLedger();

        assertEquals(0, first.exit(), first.out());
        assertTrue(first.out().contains("台账已导入: 2 个方面 / 3 个反馈问题 / 5 项问题 / 6 条整改措施 / 5 个责任单位 / 3 个督查组"),
                first.out());
        assertEquals(0, second.exit(), second.out());
        assertTrue(second.out().contains("台账未变化，无需重新导入: 2 个方面 / 3 个反馈问题 / 5 项问题 / 6 条整改措施 / 5 个责任单位 / 3 个督查组"),
                second.out());
        assertEquals(inputBefore, snapshot(root.resolve("input")));
        assertFalse(Files.exists(root.resolve("output").resolve(LedgerErrorReport.FILE_NAME)));
    }

    @Test
    void brokenLedgerExitsOneListingEveryErrorOnScreenAndInTheCheckReport() throws Exception {
        LedgerWorkbookFixture broken = LedgerWorkbookFixture.standard();
        broken.units().add("U01", "区审计局", "第三督查组");
        broken.tasks().set(3, DEADLINE, "六月底").set(5, LEAD_UNIT, "=区不存在局");
        broken.writeToMaster(root.resolve("input"));
        Map<String, String> inputBefore = snapshot(root.resolve("input"));

        Run run = importLedger();

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("整改台账有 3 处错误，未导入任何内容（整改台账.xlsx）"), run.out());
        assertTrue(run.out().contains("1. 【责任单位 A9】“U01” 单位代码重复：第4行已有相同的单位代码"), run.out());
        assertTrue(run.out().contains("2. 【任务清单 F7】“六月底” 完成时限无法识别"), run.out());
        assertTrue(run.out().contains("3. 【任务清单 D9】“=区不存在局” 牵头单位在责任单位表中不存在"), run.out());
        assertTrue(run.out().contains("尚未导入过台账。"), run.out());
        assertEquals(inputBefore, snapshot(root.resolve("input")));

        Path report = root.resolve("output").resolve(LedgerErrorReport.FILE_NAME);
        assertEquals(List.of(
                List.of("序号", "工作表", "单元格", "行", "列", "内容", "问题及修改方法"),
                List.of("1", UNITS_SHEET, "A9", "9", "A", "U01", "单位代码重复：第4行已有相同的单位代码，不能重复"),
                List.of("2", TASKS_SHEET, "F7", "7", "F", "六月底",
                        "完成时限无法识别：" + Deadline.ACCEPTED_FORMS),
                List.of("3", TASKS_SHEET, "D9", "9", "D", "'=区不存在局",
                        "牵头单位在责任单位表中不存在：请填写责任单位表中的单位代码或单位名称")),
                table(report));

        LedgerWorkbookFixture.standard().writeToMaster(root.resolve("input"));
        Run fixed = importLedger();

        assertEquals(0, fixed.exit(), fixed.out());
        assertFalse(Files.exists(report), "the report of the rejected ledger no longer applies");
    }

    /** The report's rows from its header row on, as text; nothing in it may be a formula. */
    private static List<List<String>> table(Path report) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(report.toFile(), null, true)) {
            Sheet sheet = workbook.getSheet("台账错误");
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    assertFalse(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA);
                    cells.add(formatter.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static Map<String, String> snapshot(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString(), Files.getLastModifiedTime(path) + " "
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))));
            }
        }
        return files;
    }
}
