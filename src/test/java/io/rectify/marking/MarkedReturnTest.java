package io.rectify.marking;

import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.NightlyFixture;
import io.rectify.ReceiptFiles;
import io.rectify.TempFolderContext;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.Consolidator;
import io.rectify.intake.Archive;
import io.rectify.intake.ReturnLayout;
import io.rectify.intake.TemplateMarker;
import io.rectify.intake.TestWorkbooks;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.report.ReportWriter;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFDataValidationHelper;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Marked copies made by the real nightly job: the office's templates for 2024-03, U01's filled in
 * with mistakes (a completed task without its date, a status that is none, a late 报送日期), U02's
 * return an .xls with drop-downs, a merged title and protection, with an unknown task and a
 * completed task without evidence; U03's and U04's plain returns, U03's with a mistake.
 */
class MarkedReturnTest extends TempFolderContext {

    private static final YearMonth MARCH = YearMonth.of(2024, 3);
    private static boolean ran;

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    @Qualifier("templatesJob")
    Job templatesJob;
    @Autowired
    @Qualifier("nightlyJob")
    Job nightlyJob;
    @Autowired
    Consolidator consolidator;
    @Autowired
    ReportWriter writer;

    Path input = root.resolve("input");
    Path output = root.resolve("output");
    Path march = output.resolve("2024-03");
    Path returns = input.resolve("returns/2024-03");

    @BeforeEach
    void runTheNight() throws Exception {
        if (ran) {
            return;
        }
        LedgerWorkbookFixture.standard().writeToMaster(input);
        run(templatesJob);
        fillU01(output.resolve("templates/2024-03/U01-区发展改革委-2024-03.xlsx"), returns.resolve("U01.xlsx"));
        writeU02(returns.resolve("U02.xls"));
        NightlyFixture.write(returns.resolve("U03.xlsx"), NightlyFixture.unitReturn("U03", "区科委", "2024-03",
                LocalDate.of(2024, 4, 3), row("T03", "完成了")));
        NightlyFixture.write(returns.resolve("U04.xlsx"), NightlyFixture.unitReturn("U04", "区教育局", "2024-03",
                LocalDate.of(2024, 4, 3), row("T04", "推进中", null, "专员制度起草中")));
        NightlyFixture.dateEverything(returns);
        run(nightlyJob);
        ran = true;
    }

    @Test
    void eachExceptedCellOfTheTemplateIsFilledBySeverityAndCommentedWithWhatToDo() throws IOException {
        List<ExceptionEntry> u01 = exceptionsOf("U01.xlsx");
        assertThat(u01).extracting(ExceptionEntry::rule)
                .contains(Rule.LATE_SUBMISSION, Rule.MISSING_COMPLETION_DATE, Rule.INVALID_STATUS);
        try (Workbook marked = open(marked("U01", "xlsx"))) {
            for (ExceptionEntry e : u01.stream().filter(e -> e.column() != null).toList()) {
                Cell cell = cell(marked, e);
                Comment comment = cell.getCellComment();
                assertThat(comment).as(e.rule().code()).isNotNull();
                assertThat(comment.getString().getString()).contains(e.message(), e.rule().title(), e.severity().label());
                assertThat(comment.getAuthor()).isEqualTo("整改办");
                Severity worst = u01.stream().filter(o -> o.sheet().equals(e.sheet()) && o.row().equals(e.row())
                        && e.column().equals(o.column())).map(ExceptionEntry::severity).sorted().findFirst().orElseThrow();
                assertThat(cell.getCellStyle().getFillForegroundColor()).as(e.rule().code())
                        .isEqualTo(MarkedWorkbook.colour(worst));
            }
        }
    }

    @Test
    void theTemplatesContentFormatsDropDownsMergedCellsProtectionAndMarkerAreKept() throws IOException {
        try (Workbook original = open(returns.resolve("U01.xlsx")); Workbook marked = open(marked("U01", "xlsx"))) {
            assertThat(marked.getSheet(ReturnLayout.PROGRESS_SHEET).getProtect()).isTrue();
            assertThat(marked.getSheet(ReturnLayout.PROGRESS_SHEET).getDataValidations()).isNotEmpty();
            assertThat(marked.getSheet(ReturnLayout.PROGRESS_SHEET).getNumMergedRegions()).isPositive();
            assertThat(marked.isSheetVeryHidden(marked.getSheetIndex(TemplateMarker.SHEET))).isTrue();
            SameContent.assertKept(original, marked, markedCells("U01.xlsx"));
        }
    }

    @Test
    void rowsWithExceptionsGetTheirMessagesInAnAddedResultColumn() throws IOException {
        List<ExceptionEntry> rowLevel = exceptionsOf("U01.xlsx").stream()
                .filter(e -> e.rule().scope() != Rule.Scope.FILE && e.row() != null).toList();
        assertThat(rowLevel).isNotEmpty();
        try (Workbook marked = open(marked("U01", "xlsx"))) {
            Sheet sheet = marked.getSheet(ReturnLayout.PROGRESS_SHEET);
            int column = resultColumn(sheet);
            assertThat(column).isGreaterThan(lastColumnOf(returns.resolve("U01.xlsx"), ReturnLayout.PROGRESS_SHEET));
            for (ExceptionEntry e : rowLevel) {
                Cell result = sheet.getRow(e.row() - 1).getCell(column);
                assertThat(result.getStringCellValue()).contains("【" + e.severity().label() + "】" + e.rule().title(), e.message());
                assertThat(result.getCellStyle().getFillForegroundColor()).isEqualTo(MarkedWorkbook.colour(Severity.ERROR));
            }
            Set<Integer> excepted = rowLevel.stream().map(e -> e.row() - 1).collect(Collectors.toSet());
            for (Row row : sheet) {
                Cell result = row.getCell(column);
                boolean added = result != null && result.getCellType() == CellType.STRING;
                boolean expected = excepted.contains(row.getRowNum()) || row.getRowNum() == 0
                        || result != null && "校验结果".equals(result.getStringCellValue());
                assertThat(added).as("row " + (row.getRowNum() + 1)).isEqualTo(expected);
            }
        }
    }

    @Test
    void theFilesOwnProblemsAreNotedAtTheTopOfTheFirstSheet() throws IOException {
        ExceptionEntry late = exceptionsOf("U01.xlsx").stream().filter(e -> e.rule() == Rule.LATE_SUBMISSION)
                .findFirst().orElseThrow();
        try (Workbook marked = open(marked("U01", "xlsx"))) {
            Sheet first = marked.getSheetAt(0);
            Cell note = first.getRow(0).getCell(resultColumn(first));
            assertThat(note.getStringCellValue()).startsWith("【校验意见】").contains("【警告】逾期报送：" + late.message());
            assertThat(first.getRow(0).getCell(0).getCellComment().getString().getString())
                    .contains("【校验意见】", late.message());
        }
    }

    @Test
    void anXlsReturnIsMarkedAsXlsKeepingItsDropDownsMergedTitleAndProtection() throws IOException {
        List<ExceptionEntry> u02 = exceptionsOf("U02.xls");
        assertThat(u02).extracting(ExceptionEntry::rule).contains(Rule.UNKNOWN_TASK, Rule.MISSING_EVIDENCE);
        try (Workbook original = open(returns.resolve("U02.xls")); Workbook marked = open(marked("U02", "xls"))) {
            assertThat(marked).isInstanceOf(HSSFWorkbook.class);
            SameContent.assertKept(original, marked, markedCells("U02.xls"));
            for (ExceptionEntry e : u02) {
                Cell cell = cell(marked, e);
                assertThat(cell.getCellComment().getString().getString()).contains(e.message());
                assertThat(cell.getCellStyle().getFillForegroundColor()).isEqualTo(MarkedWorkbook.colour(e.severity()));
            }
        }
    }

    @Test
    void aUnitWithNothingToMarkGetsNoCopy() throws IOException {
        assertThat(exceptionsOf("U04.xlsx")).isEmpty();
        try (Stream<Path> files = Files.list(march.resolve(ReportWriter.RECEIPTS))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.contains("-标注.")).sorted())
                    .containsExactly("U01-区发展改革委-2024-03-标注.xlsx", "U02-区财政局-2024-03-标注.xls",
                            "U03-区科委-2024-03-标注.xlsx");
        }
    }

    @Test
    void theReceiptNamesTheMarkedCopyBesideIt() throws IOException {
        try (Workbook receipt = open(ReceiptFiles.receipt(march, "U01"))) {
            List<String> texts = new ArrayList<>();
            receipt.getSheetAt(0).forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }));
            assertThat(texts).anyMatch(t -> t.contains("“U01-区发展改革委-2024-03-标注.xlsx”"));
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMissingArchivedFileGivesNoCopyAndTheOthersAreStillWritten(CapturedOutput log) throws IOException {
        Consolidation consolidation = consolidator.consolidate(MARCH, MARCH.atEndOfMonth());
        String u03 = consolidation.byUnit().stream().filter(u -> u.unit().code().equals("U03")).findFirst().orElseThrow()
                .accepted().sha256();
        Path archived = new Archive(root.resolve("data")).pathOf(u03);
        Path kept = Files.move(archived, archived.resolveSibling("moved-away"));
        try {
            Path again = root.resolve("again");
            writer.write(consolidator.consolidate(MARCH, MARCH.atEndOfMonth()), again);

            assertThat(ReceiptFiles.receipt(again.resolve("2024-03"), "U03")).exists();
            assertThat(again.resolve("2024-03/回执/U03-区科委-2024-03-标注.xlsx")).doesNotExist();
            assertThat(again.resolve("2024-03/回执/U01-区发展改革委-2024-03-标注.xlsx")).exists();
            assertThat(log.getAll()).contains("No marked copy of U03.xlsx (U03): its archived copy " + archived + " is missing");
        } finally {
            Files.move(kept, archived);
        }
    }

    @Test
    void theSameConsolidationGivesTheSameBytes() throws IOException {
        Path again = root.resolve("same");
        writer.write(consolidator.consolidate(MARCH, MARCH.atEndOfMonth()), again);

        for (String name : List.of("U01-区发展改革委-2024-03-标注.xlsx", "U02-区财政局-2024-03-标注.xls")) {
            assertThat(again.resolve("2024-03/回执").resolve(name)).hasSameBinaryContentAs(march.resolve("回执").resolve(name));
        }
    }

    private void run(Job job) throws Exception {
        JobOperatorTestUtils utils = new JobOperatorTestUtils(jobOperator, jobRepository);
        utils.setJob(job);
        assertThat(utils.startJob(utils.getUniqueJobParametersBuilder().addString("period", "2024-03")
                .addString("input", input.toString()).addString("output", output.toString()).toJobParameters())
                .getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private List<ExceptionEntry> exceptionsOf(String file) {
        return consolidator.consolidate(MARCH, MARCH.atEndOfMonth()).exceptions().stream()
                .filter(e -> file.equals(e.file())).toList();
    }

    /** The cells (sheet!A1) an exception of the file points at. */
    private Set<String> markedCells(String file) {
        return exceptionsOf(file).stream().filter(e -> e.column() != null)
                .map(e -> e.sheet() + "!" + e.column() + e.row()).collect(Collectors.toCollection(HashSet::new));
    }

    private Path marked(String unit, String extension) {
        try (Stream<Path> files = Files.list(march.resolve(ReportWriter.RECEIPTS))) {
            return files.filter(f -> f.getFileName().toString().startsWith(unit + "-")
                    && f.getFileName().toString().endsWith("-标注." + extension)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Cell cell(Workbook workbook, ExceptionEntry e) {
        CellAddress address = new CellAddress(e.column() + e.row());
        return workbook.getSheet(e.sheet()).getRow(address.getRow()).getCell(address.getColumn());
    }

    /** The column whose header is 校验结果, or that holds the note in row 1. */
    private static int resultColumn(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && (cell.getStringCellValue().equals("校验结果")
                        || cell.getStringCellValue().startsWith("【校验意见】"))) {
                    return cell.getColumnIndex();
                }
            }
        }
        throw new AssertionError("no 校验结果 column in " + sheet.getSheetName());
    }

    private static int lastColumnOf(Path file, String sheet) throws IOException {
        try (Workbook workbook = open(file)) {
            int last = 0;
            for (Row row : workbook.getSheet(sheet)) {
                last = Math.max(last, row.getLastCellNum() - 1);
            }
            return last;
        }
    }

    private static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
    }

    /**
     * U01's template filled in Excel as a unit would, in its white cells only: 报送日期 after the
     * cut-off, T01 已完成 without 完成日期, T06 with a status that is none, T03 推进中.
     */
    private static void fillU01(Path template, Path upload) throws IOException {
        try (Workbook workbook = open(template)) {
            Sheet sheet = workbook.getSheet(ReturnLayout.PROGRESS_SHEET);
            rightOf(sheet, ReturnLayout.SUBMITTED_ON).setCellValue(LocalDate.of(2024, 4, 15));
            Row header = rowStartingWith(sheet, ReturnLayout.TASK_CODE);
            int status = columnOf(header, ReturnLayout.STATUS);
            int progress = columnOf(header, ReturnLayout.PROGRESS);
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String task = row.getCell(0).getStringCellValue();
                switch (task) {
                    case "T01" -> row.getCell(status).setCellValue("已完成");
                    case "T06" -> row.getCell(status).setCellValue("进行中啦");
                    case "T03" -> {
                        row.getCell(status).setCellValue("推进中");
                        row.getCell(progress).setCellValue("月度例会已召开");
                    }
                    default -> { }
                }
            }
            Files.createDirectories(upload.getParent());
            try (OutputStream out = Files.newOutputStream(upload)) {
                workbook.write(out);
            }
        }
    }

    /** U02's .xls: a merged title, a 整改状态 drop-down, the sheet protected with its input cells unlocked. */
    private static void writeU02(Path file) throws IOException {
        TestWorkbooks.xls(file, NightlyFixture.unitReturn("U02", "区财政局", "2024-03", LocalDate.of(2024, 4, 3),
                row("T02", "已完成", LocalDate.of(2024, 3, 20), "专项资金已设立"),
                row("T99", "推进中", null, "多写的一行")).andThen(w -> {
            Sheet sheet = w.workbook().getSheet(ReturnLayout.PROGRESS_SHEET);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            DataValidationHelper helper = new HSSFDataValidationHelper((org.apache.poi.hssf.usermodel.HSSFSheet) sheet);
            sheet.addValidationData(helper.createValidation(helper.createExplicitListConstraint(
                    new String[] {"未启动", "推进中", "已完成"}), new CellRangeAddressList(7, 20, 1, 1)));
            var unlocked = w.workbook().createCellStyle();
            unlocked.setLocked(false);
            for (int r = 7; r <= 8; r++) {
                for (int c = 1; c <= 5; c++) {
                    Row row = sheet.getRow(r);
                    (row.getCell(c) == null ? row.createCell(c) : row.getCell(c)).setCellStyle(unlocked);
                }
            }
            sheet.protectSheet("");
        }));
    }

    private static Cell rightOf(Sheet sheet, String label) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip().equals(label)) {
                    Cell right = row.getCell(cell.getColumnIndex() + 1);
                    return right == null ? row.createCell(cell.getColumnIndex() + 1) : right;
                }
            }
        }
        throw new AssertionError("no " + label);
    }

    private static Row rowStartingWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row " + text);
    }

    private static int columnOf(Row header, String text) {
        for (Cell cell : header) {
            if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + text);
    }
}
