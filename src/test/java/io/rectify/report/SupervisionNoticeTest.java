package io.rectify.report;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.PrintedSize;
import io.rectify.TempFolderContext;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.Consolidator;
import io.rectify.consolidate.ReconciledFixture;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.ledger.LedgerRepository;
import io.rectify.standing.Standings;
import io.rectify.standing.UnitStanding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SupervisionNoticeTest extends TempFolderContext {

    private static final double A4_HEIGHT_POINTS = 841.9;
    private static final String U03_NOTICE = "U03-区教育局-2024-03-督办单.xlsx";

    @Autowired
    Consolidator consolidator;
    @Autowired
    ReportWriter writer;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    JdbcTemplate jdbc;

    Path output;
    Path notices;

    @BeforeEach
    void storeMarch() {
        new ReconciledFixture(jdbc).store(ledgers);
        output = root.resolve("output");
        notices = output.resolve("2024-03/督办单");
    }

    @Test
    void onlyTheRedUnitGetsANotice() throws IOException {
        writer.write(consolidator.consolidate(MARCH, AS_OF), output);

        assertThat(names(notices)).containsExactly(U03_NOTICE);
        assertThat(ReportWriter.noticeFile(ReconciledFixture.ledger().units().get(2), MARCH)).isEqualTo(U03_NOTICE);
    }

    @Test
    void noticeSaysWhyTheUnitIsRedListsItsOverdueTaskAndTheDeadlineToRespond() throws IOException {
        try (XSSFWorkbook notice = notice(AS_OF, "U03")) {
            Sheet sheet = notice.getSheet("督办单");
            List<String> lines = firstCells(sheet);

            assertThat(lines.get(0)).isEqualTo("闵行区巡视整改督办单");
            assertThat(texts(sheet.getRow(1))).contains("督查组：第二督查组", "编号：U03-2024-03");
            assertThat(lines).contains("区教育局：");
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("统计截至2024年3月31日",
                    "红灯：本期报送未采纳，状态沿用此前报送；逾期未完成1条。"));
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .contains("收到你单位报送的文件1份，均未采纳（原因见回执“U03-区教育局-2024-03-回执.xlsx”）"));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("1条逾期未完成"));
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .contains("请于2024年4月5日前将整改落实情况随2024年3月整改进展报送表一并报送", "抄报第二督查组"));
            assertThat(rowStarting(sheet, "序号")).containsExactly("序号", "督办事项", "任务编号", "问题编号", "整改措施",
                    "完成时限", "当前状态", "逾期天数");
            assertThat(rowStarting(sheet, "1")).containsExactly("1", "逾期未完成", "T04", "P03", "开展专项督查",
                    "2024年3月15日前", "推进中（沿用2024年2月报送）", "16天");
            assertThat(rowStarting(sheet, "第二督查组签发：")).contains("日期：　　　　年　　月　　日");
            assertThat(rowStarting(sheet, "责任单位签收：")).contains("日期：　　　　年　　月　　日");
        }
    }

    @Test
    void aUnitResendingItsReturnIsGivenTheDeadlineItsReceiptGives() throws IOException {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);
        UnitReceipt u03 = march.receipts().get(2);

        assertThat(u03.nextReturnDue()).isEqualTo(LocalDate.of(2024, 4, 5)).isEqualTo(u03.deadlines().resubmit());
        try (XSSFWorkbook notice = notice(march, "U03")) {
            assertThat(firstCells(notice.getSheet("督办单"))).anySatisfy(line -> assertThat(line).contains("请于2024年4月5日前"));
        }
    }

    @Test
    void theNoticeCitesOnlyWhyTheLightIsRed() throws IOException {
        new ReconciledFixture(jdbc).exception(MARCH, 100, "due-soon", "第二督查组", "U03", "区教育局", "P03", "T05",
                null, null, null, null, "2024-12-31", "完成时限2024年12月31日将至，请抓紧推进。");

        try (XSSFWorkbook notice = notice(AS_OF, "U03")) {
            assertThat(firstCells(notice.getSheet("督办单"))).anySatisfy(line -> assertThat(line)
                    .contains("红灯：本期报送未采纳，状态沿用此前报送；逾期未完成1条。").doesNotContain("即将到期"));
        }
    }

    @Test
    void aNoticeWithoutATableHasPageNumbersToo() throws IOException {
        jdbc.update("DELETE FROM rule_exception WHERE period = '2024-03' AND unit_code = 'U03' AND rule = 'overdue'");

        try (XSSFWorkbook notice = notice(AS_OF, "U03")) {
            Sheet sheet = notice.getSheet("督办单");
            assertThat(firstCells(sheet)).doesNotContain("序号");
            assertThat(sheet.getFooter().getCenter()).isEqualTo("第 &P 页，共 &N 页");
        }
    }

    @Test
    void pastTheDueDateTheDeadlineIsTheFirstReturnDueAfterTheAsOfDayNeverOneAlreadyPast() throws IOException {
        try (XSSFWorkbook notice = notice(LocalDate.of(2024, 9, 30), "U03")) {
            Sheet sheet = notice.getSheet("督办单");
            assertThat(firstCells(sheet)).anySatisfy(line -> assertThat(line).contains("请于2024年10月5日前将整改落实情况随2024年9月整改进展报送表"));
        }
    }

    @Test
    void aDeadlineOnTheAsOfDayIsToday() throws IOException {
        try (XSSFWorkbook notice = notice(LocalDate.of(2024, 4, 5), "U03")) {
            assertThat(firstCells(notice.getSheet("督办单")))
                    .anySatisfy(line -> assertThat(line).contains("请于今日（2024年4月5日）将整改落实情况随2024年3月整改进展报送表"));
        }
    }

    @Test
    void aRegressedTaskMakesItsUnitRedAndIsListedWithoutOverdueDays() throws IOException {
        new ReconciledFixture(jdbc).exception(MARCH, 100, "regression", "第一督查组", "U01", "区发改委", "P02", "T03",
                "U01/区发改委.xlsx", "整改进展", 6, "B", "推进中", "任务“T03”在2024年2月已报已完成，本期报为“推进中”");

        writer.write(consolidator.consolidate(MARCH, AS_OF), output);

        assertThat(names(notices)).containsExactly("U01-区发改委-2024-03-督办单.xlsx", U03_NOTICE);
        try (XSSFWorkbook notice = open(notices.resolve("U01-区发改委-2024-03-督办单.xlsx"))) {
            Sheet sheet = notice.getSheet("督办单");
            assertThat(rowStarting(sheet, "1")).containsExactly("1", "整改反弹", "T03", "P02", "编制产业地图",
                    "2024-04-10", "推进中", "—");
            assertThat(firstCells(sheet)).anySatisfy(line -> assertThat(line).contains("1条整改措施此前已报已完成"));
        }
    }

    @Test
    void theDeadlineToRespondIsTheFirstReturnDueAfterTheAsOfDay() throws IOException {
        try (XSSFWorkbook notice = notice(LocalDate.of(2024, 5, 10), "U03")) {
            Sheet sheet = notice.getSheet("督办单");
            assertThat(firstCells(sheet)).anySatisfy(line -> assertThat(line).contains("请于2024年6月5日前将整改落实情况随2024年5月整改进展报送表"));
            assertThat(rowStarting(sheet, "1")).endsWith("56天");
        }
    }

    @Test
    void noticePrintsOnOneA4PageInPortraitAtNinePointsOrMore() throws IOException {
        try (XSSFWorkbook notice = notice(AS_OF, "U03")) {
            assertThat(notice.getNumberOfSheets()).isOne();
            Sheet sheet = notice.getSheetAt(0);

            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isFalse();
            assertThat(PrintedSize.smallestFontPoints(sheet)).isGreaterThanOrEqualTo(9);
            assertThat(PrintedSize.scale(sheet)).as("printed at full size").isEqualTo(1.0);
            CellRangeAddress area = PrintedSize.printArea(sheet);
            double height = 0;
            for (int r = area.getFirstRow(); r <= area.getLastRow(); r++) {
                Row row = sheet.getRow(r);
                height += row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
            }
            double page = A4_HEIGHT_POINTS - 72 * (sheet.getMargin(Sheet.TopMargin) + sheet.getMargin(Sheet.BottomMargin));
            assertThat(height * PrintedSize.scale(sheet)).as("one page").isLessThanOrEqualTo(page);
            assertThat(area.getLastRow()).as("the print area ends with the signatures").isEqualTo(sheet.getLastRowNum());
        }
    }

    @Test
    void noticesOfUnitsNoLongerRedAreRemoved() throws IOException {
        writer.write(consolidator.consolidate(MARCH, AS_OF), output);
        Path stale = notices.resolve("U02-区财政局-2024-03-督办单.xlsx");
        Files.write(stale, new byte[] {1});

        writer.write(consolidator.consolidate(MARCH, AS_OF), output);

        assertThat(stale).doesNotExist();
        assertThat(names(notices)).containsExactly(U03_NOTICE);
    }

    /** The notice of one unit as of a day, written alone: the tests on its content need no other output. */
    private XSSFWorkbook notice(LocalDate asOf, String unit) throws IOException {
        return notice(consolidator.consolidate(MARCH, asOf), unit);
    }

    private XSSFWorkbook notice(Consolidation c, String unit) throws IOException {
        UnitStanding standing = Standings.of(c).unit(unit);
        UnitReceipt receipt = c.receipts().stream().filter(r -> r.unit().unit().code().equals(unit)).findFirst().orElseThrow();
        Path file = root.resolve("notices").resolve(ReportWriter.noticeFile(standing.unit().unit(), c.period()));
        Files.createDirectories(file.getParent());
        SupervisionNotice.write(c, standing, receipt, file);
        return open(file);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static final DataFormatter FORMAT = new DataFormatter();

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; row != null && i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            if (cell != null && !FORMAT.formatCellValue(cell).isEmpty()) {
                texts.add(FORMAT.formatCellValue(cell));
            }
        }
        return texts;
    }

    private static List<String> firstCells(Sheet sheet) {
        List<String> lines = new ArrayList<>();
        sheet.forEach(row -> lines.add(texts(row).isEmpty() ? "" : texts(row).get(0)));
        return lines;
    }

    private static List<String> rowStarting(Sheet sheet, String first) {
        for (Row row : sheet) {
            List<String> texts = texts(row);
            if (!texts.isEmpty() && texts.get(0).equals(first)) {
                return texts;
            }
        }
        throw new AssertionError("no row starting with " + first + " in " + firstCells(sheet));
    }
}
