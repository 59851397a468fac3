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
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionWorkbookTest {

    private static final String SHEET = ReviewLayout.EXTENSION_SHEET;
    private static final int FIRST = ExtensionWorkbook.HEADER_ROW + 1;

    @TempDir
    Path folder;

    private OpenedReview written(ExtensionReview review) throws IOException {
        Path file = folder.resolve(ReviewLayout.EXTENSION_FILE);
        ExtensionWorkbook.write(review, file);
        return OpenedReview.open(file);
    }

    @Test
    void oneRowPerRequestUnderTheColumnsIntakeReads() throws IOException {
        try (OpenedReview r = written(ReviewModels.extensions())) {
            assertThat(r.sheetNames()).containsExactly(SHEET, TemplateMarker.SHEET);
            XSSFSheet sheet = r.sheet(SHEET);
            assertThat(row(sheet, ExtensionWorkbook.HEADER_ROW, ExtensionWorkbook.HEADERS.size()))
                    .containsAll(ReviewLayout.EXTENSION_COLUMNS.stream().map(Column::name).toList());
            assertThat(column(sheet, FIRST, 1)).containsExactly("T001", "T009");
            assertThat(row(sheet, FIRST + 1, ExtensionWorkbook.HEADERS.size())).containsExactly("2", "T009", "P04",
                    "区教育局", "完成校舍安全排查整治", "2024-04-30", "2024-04-30（延期至2024年5月31日）", "2024-07-31",
                    "雨季施工受限", "区教育局.xlsx", "5", "", "", "");
        }
    }

    @Test
    void metadataGivesThePeriodAndLeavesApproverAndDayBlank() throws IOException {
        try (OpenedReview r = written(ReviewModels.extensions())) {
            XSSFSheet sheet = r.sheet(SHEET);
            assertThat(beside(sheet, ReviewLayout.EXTENSION_PERIOD_LABEL)).isEqualTo("2024-03");
            assertThat(beside(sheet, ReviewLayout.APPROVER)).isEmpty();
            assertThat(beside(sheet, ReviewLayout.APPROVED_ON)).isEmpty();
            assertThat(r.marker()).containsExactly(entry(ReviewLayout.KIND, ReviewLayout.EXTENSION_KIND),
                    entry(TemplateMarker.PERIOD, "2024-03"), entry(TemplateMarker.LEDGER_VERSION, ReviewModels.LEDGER_VERSION));
            assertThat(r.workbook().getSheetVisibility(r.workbook().getSheetIndex(TemplateMarker.SHEET)))
                    .isEqualTo(SheetVisibility.VERY_HIDDEN);
        }
    }

    @Test
    void decisionIsADropDownAndTheGrantedDayMustBeAfterEachTasksDeadlineInForce() throws IOException {
        try (OpenedReview r = written(ReviewModels.extensions())) {
            assertThat(validations(r.sheet(SHEET))).contains(entry("L6:L7", "批准/不批准"),
                    entry("M6", OperatorType.GREATER_THAN + " DATE(2024,6,30)"),
                    entry("M7", OperatorType.GREATER_THAN + " DATE(2024,5,31)"));
        }
    }

    @Test
    void onlyDecisionsAndTheApproversFieldsCanBeEdited() throws IOException {
        try (OpenedReview r = written(ReviewModels.extensions())) {
            assertThat(r.sheet(SHEET).getProtect()).isTrue();
            assertThat(unlocked(r.sheet(SHEET))).containsExactlyInAnyOrder("G2", "H2", "G3", "H3",
                    "L6", "M6", "N6", "L7", "M7", "N7");
        }
    }

    @Test
    void printsOnA4LandscapeAtNinePointsOrMore() throws IOException {
        try (OpenedReview r = written(ReviewModels.extensions())) {
            XSSFSheet sheet = r.sheet(SHEET);
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getRepeatingRows()).isNotNull();
            assertThat(PrintedSize.smallestFontPoints(sheet)).isGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void periodWithoutRequestsStillGetsTheWorkbookSayingSo() throws IOException {
        try (OpenedReview r = written(ReviewModels.noExtensions())) {
            XSSFSheet sheet = r.sheet(SHEET);
            assertThat(sheet.getLastRowNum()).isEqualTo(ExtensionWorkbook.HEADER_ROW);
            assertThat(text(sheet, ExtensionWorkbook.HEADER_ROW - 1, 0)).isEqualTo("本期（2024年3月）没有单位提出延期申请，本表无需填写。");
        }
    }

    @Test
    void sameReviewGivesTheSameBytes() throws IOException {
        List<byte[]> written = OpenedReview.writtenTwice(folder, file -> ExtensionWorkbook.write(ReviewModels.extensions(), file));
        assertThat(written.get(1)).isEqualTo(written.get(0));
    }
}
