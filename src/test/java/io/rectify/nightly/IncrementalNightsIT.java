package io.rectify.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ReceiptFiles;
import io.rectify.reconcile.PeriodFolder;
import io.rectify.reconcile.ReturnFixture;
import io.rectify.reconcile.ReviewFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night after another on the same period reads only the returns that changed, stores again only the units
 * whose state changed and writes again only their receipts, and its output folder is byte for byte the one a
 * full night (a fresh database on a copy of the same input) writes. Returns of 2024-03 of the standard test
 * ledger (U01..U05, T01..T06).
 */
class IncrementalNightsIT {

    @TempDir
    Path root;
    private Rectify rectify;
    private StoredPeriods stored;

    @BeforeEach
    void marchReturns() {
        rectify = Rectify.withStandardLedger(root.resolve("incremental"));
        stored = new StoredPeriods(root.resolve("incremental"));
        new PeriodFolder(rectify.input(), "2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").row("T01", "已完成", "2024-03-10", "", "实施意见")
                        .row("T06", "推进中"),
                ReturnFixture.unit("U02").period("2024-03").row("T02", "推进中"),
                ReturnFixture.unit("U03").period("2024-03").row("T03", "推进中"),
                ReturnFixture.unit("U04").period("2024-03").row("T04", "推进中")).write();
    }

    @Test
    void nightAfterChangedAddedAndRemovedReturnsWritesWhatAFullNightWrites() throws IOException {
        night();
        Object unchangedReceipt = fileKey(ReceiptFiles.receipt(rectify.periodOutput("2024-03"), "U03"));
        Object changedReceipt = fileKey(ReceiptFiles.receipt(rectify.periodOutput("2024-03"), "U01"));

        new PeriodFolder(rectify.input(), "2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").row("T01", "推进中").row("T06", "已完成", "2024-03-20", "", "通报"),
                ReturnFixture.unit("U02").period("2024-03").row("T02", "已完成", "2024-03-22", "", "拨付文件"),
                ReturnFixture.unit("U05").period("2024-03").row("T05", "推进中")).write();
        Files.delete(rectify.input().resolve("returns/2024-03/U04.xlsx"));
        Rectify.Run incremental = night();

        assertThat(stored.readCount()).as("the two changed returns and the new one").isEqualTo(3);
        assertThat(incremental.out()).containsPattern("units reconciled again [1-9]\\d*, kept [1-9]\\d*; files read 3, unchanged 1");
        assertThat(fileKey(ReceiptFiles.receipt(rectify.periodOutput("2024-03"), "U03")))
                .as("the unchanged unit's receipt is taken over").isEqualTo(unchangedReceipt);
        assertThat(fileKey(ReceiptFiles.receipt(rectify.periodOutput("2024-03"), "U01")))
                .as("the changed unit's receipt is written again").isNotEqualTo(changedReceipt);
        assertSameAsFullNight("after returns changed, added and removed");

        ReviewFixture.signOff("第一督查组", "2024-03").signOffRow("T02", "同意销号", null)
                .write(rectify.input().resolve("reviews/2024-03"), LocalDateTime.of(2024, 4, 3, 10, 0));
        night();

        assertSameAsFullNight("after a review workbook was added");
    }

    @Test
    void nightWithNothingChangedReadsNothingAndTakesEveryUnitOver() throws IOException {
        night();
        Object receipt = fileKey(ReceiptFiles.receipt(rectify.periodOutput("2024-03"), "U02"));

        Rectify.Run again = night();

        assertThat(stored.readCount()).isZero();
        assertThat(again.out()).contains("units reconciled again 0, kept 5; files read 0, unchanged 4");
        assertThat(fileKey(ReceiptFiles.receipt(rectify.periodOutput("2024-03"), "U02"))).isEqualTo(receipt);
        assertSameAsFullNight("with nothing changed");
    }

    @Test
    void incrementalOffReadsEveryReturnAgain() {
        night();

        System.setProperty("rectify.incremental", "false");
        try {
            night();
        } finally {
            System.clearProperty("rectify.incremental");
        }

        assertThat(stored.readCount()).isEqualTo(4);
    }

    /** A full night on a copy of the input, with a database and output of its own, writes the same files. */
    private void assertSameAsFullNight(String when) throws IOException {
        Path fullRoot = Files.createTempDirectory(root, "full");
        Rectify full = new Rectify(fullRoot);
        copy(rectify.input(), full.input());
        Rectify.Run run = full.run("nightly", "--period=2024-03");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Rectify.contents(rectify.periodOutput("2024-03"))).as(when)
                .isEqualTo(Rectify.contents(full.periodOutput("2024-03")));
    }

    /** A folder copied with its files' last-modified times (a return's submission day when none is written). */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private Rectify.Run night() {
        Rectify.Run run = rectify.run("nightly", "--period=2024-03");
        assertThat(run.status()).as(run.err()).isZero();
        return run;
    }
}
