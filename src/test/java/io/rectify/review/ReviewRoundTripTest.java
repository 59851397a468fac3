package io.rectify.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.intake.FoundFile;
import io.rectify.intake.MetadataField;
import io.rectify.intake.ReadLimits;
import io.rectify.intake.ReviewLayout;
import io.rectify.intake.ReviewOutcome;
import io.rectify.intake.ReviewReader;
import io.rectify.intake.ReviewWorkbook;
import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import io.rectify.intake.TemplateMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review workbooks written here and read back by intake, untouched: the same tasks, no decision. */
class ReviewRoundTripTest {

    private final ReviewReader reader = new ReviewReader(ReadLimits.DEFAULTS);

    @TempDir
    Path folder;

    private ReviewWorkbook readBack(Path file) throws IOException {
        ReviewOutcome outcome = reader.read(new FoundFile(file, file.getFileName().toString(), Files.size(file),
                "0".repeat(64), Instant.EPOCH));
        assertThat(outcome).isInstanceOf(ReviewOutcome.Read.class);
        return ((ReviewOutcome.Read) outcome).workbook();
    }

    private static List<String> column(SheetTable table, String column) {
        return table.rows().stream().map(row -> row.text(column)).toList();
    }

    @Test
    void signOffWorkbookReadsBackWithItsTasksAndNoDecision() throws IOException {
        Path file = folder.resolve("第一督查组-销号审核表.xlsx");
        SignOffWorkbook.write(ReviewModels.signOff(), file);

        ReviewWorkbook read = readBack(file);

        assertThat(read.kind()).isEqualTo(ReviewWorkbook.Kind.SIGN_OFF);
        assertThat(read.field(ReviewLayout.GROUP_LABEL).map(MetadataField::text)).contains("第一督查组");
        assertThat(read.field(ReviewLayout.PERIOD_LABEL).map(MetadataField::text)).contains("2024-03");
        assertThat(read.field(ReviewLayout.REVIEWER).map(MetadataField::text)).contains("");
        assertThat(read.marker()).containsEntry(ReviewLayout.GROUP, "第一督查组").containsEntry(TemplateMarker.PERIOD, "2024-03");
        SheetTable signOff = read.signOff().orElseThrow();
        assertThat(column(signOff, ReviewLayout.TASK_CODE)).containsExactly("T001", "T002", "T004");
        assertThat(column(signOff, ReviewLayout.DECISION)).containsOnly("");
        assertThat(column(signOff, ReviewLayout.OPINION)).containsOnly("");
        SheetTable recheck = read.recheck().orElseThrow();
        assertThat(column(recheck, ReviewLayout.TASK_CODE)).containsExactly("T005", "T006", "T008");
        assertThat(column(recheck, ReviewLayout.RECHECK_DECISION)).containsOnly("");
        assertThat(column(recheck, ReviewLayout.RECHECK_OPINION)).containsOnly("");
    }

    @Test
    void workbookWithNothingToReviewReadsBackWithNoRows() throws IOException {
        Path file = folder.resolve("第二督查组-销号审核表.xlsx");
        SignOffWorkbook.write(ReviewModels.nothingToReview(), file);

        ReviewWorkbook read = readBack(file);

        assertThat(read.signOff().map(SheetTable::rows)).contains(List.<TableRow>of());
        assertThat(read.recheck().map(SheetTable::rows)).contains(List.<TableRow>of());
    }

    @Test
    void extensionWorkbookReadsBackWithItsRequestsAndNoDecision() throws IOException {
        Path file = folder.resolve(ReviewLayout.EXTENSION_FILE);
        ExtensionWorkbook.write(ReviewModels.extensions(), file);

        ReviewWorkbook read = readBack(file);

        assertThat(read.kind()).isEqualTo(ReviewWorkbook.Kind.EXTENSION);
        assertThat(read.field(ReviewLayout.EXTENSION_PERIOD_LABEL).map(MetadataField::text)).contains("2024-03");
        assertThat(read.field(ReviewLayout.APPROVED_ON).map(MetadataField::text)).contains("");
        SheetTable table = read.extension().orElseThrow();
        assertThat(column(table, ReviewLayout.TASK_CODE)).containsExactly("T001", "T009");
        assertThat(column(table, ReviewLayout.EXTENSION_DECISION)).containsOnly("");
        assertThat(column(table, ReviewLayout.GRANTED_TO)).containsOnly("");
    }
}
