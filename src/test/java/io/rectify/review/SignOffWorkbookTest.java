package io.rectify.review;

import static io.rectify.review.OpenedReview.beside;
import static io.rectify.review.OpenedReview.column;
import static io.rectify.review.OpenedReview.row;
import static io.rectify.review.OpenedReview.text;
import static io.rectify.review.OpenedReview.unlocked;
import static io.rectify.review.OpenedReview.validations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.rectify.PrintedSize;
import io.rectify.intake.ReviewLayout;
import io.rectify.intake.TemplateMarker;
import io.rectify.workbook.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignOffWorkbookTest {

    private static final String SIGN_OFF = ReviewLayout.SIGN_OFF_SHEET;
    private static final String RECHECK = ReviewLayout.RECHECK_SHEET;
    private static final int FIRST = SignOffWorkbook.SIGN_OFF_HEADER_ROW + 1;
    private static final int FIRST_RECHECK = SignOffWorkbook.RECHECK_HEADER_ROW + 1;

    @TempDir
    Path folder;

    private OpenedReview written(SignOffReview review) throws IOException {
        Path file = folder.resolve("review.xlsx");
        SignOffWorkbook.write(review, file);
        return OpenedReview.open(file);
    }

    private static int col(List<String> headers, String header) {
        return headers.indexOf(header);
    }

    @Test
    void sheetsAndColumnsAreThoseIntakeReads() throws IOException {
        try (OpenedReview r = written(ReviewModels.signOff())) {
            assertThat(r.sheetNames()).containsExactly(SIGN_OFF, RECHECK, TemplateMarker.SHEET);
            List<String> signOff = row(r.sheet(SIGN_OFF), SignOffWorkbook.SIGN_OFF_HEADER_ROW, 13);
            assertThat(signOff).containsAll(ReviewLayout.SIGN_OFF_COLUMNS.stream().map(Column::name).toList());
            List<String> recheck = row(r.sheet(RECHECK), SignOffWorkbook.RECHECK_HEADER_ROW, 10);
            assertThat(recheck).containsAll(ReviewLayout.RECHECK_COLUMNS.stream().map(Column::name).toList());
        }
    }

    @Test
    void metadataBlockGivesGroupAndPeriodAndLeavesReviewerAndDayBlank() throws IOException {
        try (OpenedReview r = written(ReviewModels.signOff())) {
            XSSFSheet sheet = r.sheet(SIGN_OFF);
            assertThat(beside(sheet, ReviewLayout.GROUP_LABEL)).isEqualTo("第一督查组");
            assertThat(beside(sheet, ReviewLayout.PERIOD_LABEL)).isEqualTo("2024-03");
            assertThat(beside(sheet, ReviewLayout.REVIEWER)).isEmpty();
            assertThat(beside(sheet, ReviewLayout.REVIEWED_ON)).isEmpty();
        }
    }

    @Test
    void pendingTasksAreListedWithTheRowsThatReportedThem() throws IOException {
        try (OpenedReview r = written(ReviewModels.signOff())) {
            XSSFSheet sheet = r.sheet(SIGN_OFF);
            List<String> h = SignOffWorkbook.SIGN_OFF_HEADERS;
            assertThat(column(sheet, FIRST, col(h, ReviewLayout.TASK_CODE))).containsExactly("T001", "T002", "T004");
            assertThat(row(sheet, FIRST, h.size())).containsExactly("1", "T001", "P01", "区发改委",
                    "制定产业结构调整三年行动方案，明确重点产业发展方向和支持政策", "2024年6月前（延期至2024年9月30日）", "2024-03-20",
                    "《闵行区产业结构调整三年行动方案》（闵府办发〔2024〕3号）；专题会议纪要3份", ReviewModels.LONG_PROGRESS,
                    "U01/区发改委.xlsx", "7", "", "");
            // a status carried from February points at February's return
            assertThat(text(sheet, FIRST + 1, col(h, ReviewLayout.SOURCE_FILE))).isEqualTo("区财政局.xlsx（2024年2月报送）");
            // formula-like text stays text
            assertThat(sheet.getRow(FIRST + 1).getCell(col(h, ReviewLayout.EVIDENCE)).getCellType()).isEqualTo(CellType.STRING);
        }
    }

    @Test
    void decisionDropDownsCoverTheRowsToDecideAndTheReviewDayTakesADate() throws IOException {
        try (OpenedReview r = written(ReviewModels.signOff())) {
            assertThat(validations(r.sheet(SIGN_OFF))).contains(entry("L6:L8", "同意销号/退回"))
                    .contains(entry("G3", OperatorType.BETWEEN + " DATE(2024,3,1)"));
            // the regression (row 4) has nothing to decide: the drop-down covers the two spot checks only
            assertThat(validations(r.sheet(RECHECK))).containsExactly(entry("I5:I6", "属实/不属实"));
        }
    }

    @Test
    void onlyDecisionsOpinionsAndTheReviewersFieldsCanBeEdited() throws IOException {
        try (OpenedReview r = written(ReviewModels.signOff())) {
            assertThat(r.sheet(SIGN_OFF).getProtect()).isTrue();
            assertThat(r.sheet(RECHECK).getProtect()).isTrue();
            assertThat(unlocked(r.sheet(SIGN_OFF))).containsExactlyInAnyOrder("G2", "H2", "G3", "H3",
                    "L6", "M6", "L7", "M7", "L8", "M8");
            assertThat(unlocked(r.sheet(RECHECK))).containsExactlyInAnyOrder("I5", "J5", "I6", "J6");
        }
    }

    @Test
    void regressionRowLeavesItsDecisionBlankLockedAndGreyWithTheNote() throws IOException {
        try (OpenedReview r = written(ReviewModels.signOff())) {
            XSSFSheet sheet = r.sheet(RECHECK);
            List<String> h = SignOffWorkbook.RECHECK_HEADERS;
            assertThat(column(sheet, FIRST_RECHECK, col(h, ReviewLayout.RECHECK_REASON))).containsExactly("整改反弹", "抽查", "抽查");
            var decision = sheet.getRow(FIRST_RECHECK).getCell(col(h, ReviewLayout.RECHECK_DECISION));
            assertThat(decision.getCellType()).isEqualTo(CellType.BLANK);
            assertThat(decision.getCellStyle().getLocked()).isTrue();
            assertThat(decision.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(text(sheet, FIRST_RECHECK, col(h, ReviewLayout.CURRENT_STATUS)))
                    .startsWith("推进中").contains(SignOffWorkbook.REGRESSION_NOTE);
            assertThat(text(sheet, FIRST_RECHECK + 1, col(h, ReviewLayout.CURRENT_STATUS))).isEqualTo("已完成，已销号");
            assertThat(text(sheet, FIRST_RECHECK + 1, col(h, ReviewLayout.SIGNED_OFF_IN))).isEqualTo("2024年1月");
        }
    }

    @Test
    void markerIsVeryHiddenAndNamesKindPeriodGroupAndLedgerVersion() throws IOException {
        try (OpenedReview r = written(ReviewModels.signOff())) {
            int index = r.workbook().getSheetIndex(TemplateMarker.SHEET);
            assertThat(r.workbook().getSheetVisibility(index)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(r.marker()).containsExactly(entry(ReviewLayout.KIND, ReviewLayout.SIGN_OFF_KIND),
                    entry(TemplateMarker.PERIOD, "2024-03"), entry(ReviewLayout.GROUP, "第一督查组"),
                    entry(TemplateMarker.LEDGER_VERSION, ReviewModels.LEDGER_VERSION));
        }
    }

    @Test
    void bothSheetsPrintOnA4LandscapeAtNinePointsOrMoreWithTheHeaderRepeated() throws IOException {
        try (OpenedReview r = written(ReviewModels.signOff())) {
            for (String name : List.of(SIGN_OFF, RECHECK)) {
                XSSFSheet sheet = r.sheet(name);
                assertThat(sheet.getPrintSetup().getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
                assertThat(sheet.getRepeatingRows()).as(name).isNotNull();
                assertThat(PrintedSize.smallestFontPoints(sheet)).as(name).isGreaterThanOrEqualTo(9);
            }
            // the long progress text wraps in a row tall enough for it
            assertThat(r.sheet(SIGN_OFF).getRow(FIRST).getHeightInPoints()).isGreaterThan(60);
        }
    }

    @Test
    void groupWithNothingToReviewGetsAWorkbookSayingSo() throws IOException {
        try (OpenedReview r = written(ReviewModels.nothingToReview())) {
            XSSFSheet signOff = r.sheet(SIGN_OFF);
            assertThat(signOff.getLastRowNum()).isEqualTo(SignOffWorkbook.SIGN_OFF_HEADER_ROW);
            assertThat(text(signOff, SignOffWorkbook.SIGN_OFF_HEADER_ROW - 1, 0))
                    .isEqualTo("本期第二督查组没有待销号的整改任务。本表无需填写。");
            assertThat(text(r.sheet(RECHECK), SignOffWorkbook.RECHECK_HEADER_ROW - 1, 0))
                    .isEqualTo("本期第二督查组没有需要回头看复核的已销号任务。");
            assertThat(validations(signOff)).doesNotContainValue("同意销号/退回");
        }
    }

    @Test
    void groupWithOnlyRechecksIsToldToFillThemAndPutTheWorkbookBack() throws IOException {
        SignOffReview review = ReviewModels.signOff();
        try (OpenedReview r = written(new SignOffReview(review.title(), review.period(), review.group(),
                review.ledgerVersion(), List.of(), review.rechecks()))) {
            assertThat(text(r.sheet(SIGN_OFF), SignOffWorkbook.SIGN_OFF_HEADER_ROW - 1, 0))
                    .startsWith("本期第一督查组没有待销号的整改任务。“回头看”工作表有2条已销号任务需要复核")
                    .endsWith("将本工作簿放入 input/reviews/2024-03/ 文件夹（文件名不限），下次汇总时读取。");
        }
    }

    @Test
    void regressionsAreNotCountedAsRechecksToFill() throws IOException {
        SignOffReview review = ReviewModels.signOff();
        try (OpenedReview r = written(review)) {
            assertThat(text(r.sheet(SIGN_OFF), SignOffWorkbook.SIGN_OFF_HEADER_ROW - 1, 0))
                    .contains("“回头看”工作表另有2条已销号任务需要复核");
        }
        try (OpenedReview r = written(new SignOffReview(review.title(), review.period(), review.group(),
                review.ledgerVersion(), List.of(), review.rechecks().subList(0, 1)))) {
            assertThat(text(r.sheet(SIGN_OFF), SignOffWorkbook.SIGN_OFF_HEADER_ROW - 1, 0))
                    .isEqualTo("本期第一督查组没有待销号的整改任务。本表无需填写。");
        }
    }

    @Test
    void sameReviewGivesTheSameBytes() throws IOException {
        List<byte[]> written = OpenedReview.writtenTwice(folder, file -> SignOffWorkbook.write(ReviewModels.signOff(), file));
        assertThat(written.get(1)).isEqualTo(written.get(0));
    }
}
