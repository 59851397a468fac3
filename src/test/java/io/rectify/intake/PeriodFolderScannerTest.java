package io.rectify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeriodFolderScannerTest {

    private static final YearMonth MARCH = YearMonth.of(2024, 3);

    @TempDir
    Path input;

    private Path returns;
    private Path march;
    private PeriodFolderScanner scanner;

    @BeforeEach
    void folders() throws IOException {
        returns = Files.createDirectories(input.resolve("returns"));
        march = Files.createDirectories(returns.resolve("2024-03"));
        scanner = new PeriodFolderScanner(returns);
    }

    @Test
    void workbooksInAnySubFolderAreFoundInPathOrderWithSizeHashAndTime() throws IOException {
        Path top = Files.write(march.resolve("b.XLSX"), new byte[] {1, 2, 3});
        Path nested = Files.write(Files.createDirectories(march.resolve("第一督查组/财政局")).resolve("报表.xls"), new byte[] {4});
        Files.write(march.resolve("a.xlsx"), new byte[] {5, 6});
        Files.setLastModifiedTime(top, FileTime.from(Instant.parse("2024-04-03T08:00:00Z")));

        PeriodScan scan = scanner.scan(MARCH);

        assertThat(scan.period()).isEqualTo(MARCH);
        assertThat(scan.workbooks()).extracting(FoundFile::relative)
                .containsExactly("a.xlsx", "b.XLSX", "第一督查组/财政局/报表.xls");
        FoundFile b = scan.workbooks().get(1);
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.sha256()).isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
        assertThat(b.modifiedAt()).isEqualTo(Instant.parse("2024-04-03T08:00:00Z"));
        assertThat(scan.workbooks().get(2).path()).isEqualTo(nested.toRealPath());
        assertThat(scan.skipped()).isEmpty();
    }

    @Test
    void lockHiddenAndOtherFilesAreSkippedWithAReason() throws IOException {
        Files.write(march.resolve("~$报表.xlsx"), new byte[] {1});
        Files.write(march.resolve(".hidden.xlsx"), new byte[] {1});
        Files.write(march.resolve("notes.txt"), new byte[] {1});
        Files.write(march.resolve("说明.pdf"), new byte[] {1});
        Files.write(Files.createDirectories(march.resolve(".git")).resolve("x.xlsx"), new byte[] {1});
        Files.write(march.resolve("ok.xlsx"), new byte[] {1});

        PeriodScan scan = scanner.scan(MARCH);

        assertThat(scan.workbooks()).extracting(FoundFile::relative).containsExactly("ok.xlsx");
        assertThat(scan.skipped()).extracting(SkippedFile::relative)
                .containsExactly(".git", ".hidden.xlsx", "notes.txt", "~$报表.xlsx", "说明.pdf");
        assertThat(reason(scan, "~$报表.xlsx")).contains("锁定文件");
        assertThat(reason(scan, ".hidden.xlsx")).contains("隐藏文件");
        assertThat(reason(scan, ".git")).contains("隐藏文件夹");
        assertThat(reason(scan, "notes.txt")).contains(".txt");
        assertThat(reason(scan, "说明.pdf")).contains(".pdf", "另存为 .xlsx");
    }

    @Test
    void macroWorkbooksTemplatesAndOtherSpreadsheetFormatsAreFoundLikeWorkbooksSoNothingIsLost() throws IOException {
        for (String name : new String[] {"a.xlsm", "b.XLTX", "c.xltm", "d.xlt", "e.ods", "f.csv", "g.et", "h.ett", "i.wps", "j.xlsb",
                "k.numbers"}) {
            Files.write(march.resolve(name), new byte[] {1});
        }

        PeriodScan scan = scanner.scan(MARCH);

        assertThat(scan.workbooks()).extracting(FoundFile::relative).containsExactly("a.xlsm", "b.XLTX", "c.xltm", "d.xlt",
                "e.ods", "f.csv", "g.et", "h.ett", "i.wps", "j.xlsb", "k.numbers");
        assertThat(scan.workbooks()).allSatisfy(file -> assertThat(file.sha256()).hasSize(64));
        assertThat(scan.skipped()).isEmpty();
    }

    @Test
    void symbolicLinksAreNotFollowed() throws IOException {
        Path outside = Files.createDirectories(input.resolve("elsewhere"));
        Path target = Files.write(outside.resolve("secret.xlsx"), new byte[] {1});
        Files.createSymbolicLink(march.resolve("link.xlsx"), target);
        Files.createSymbolicLink(march.resolve("linked-folder"), outside);

        PeriodScan scan = scanner.scan(MARCH);

        assertThat(scan.workbooks()).isEmpty();
        assertThat(scan.skipped()).extracting(SkippedFile::relative).containsExactly("link.xlsx", "linked-folder");
        assertThat(reason(scan, "link.xlsx")).contains("符号链接");
    }

    @Test
    void aFolderNamedLikeAWorkbookIsScannedAsAFolder() throws IOException {
        Files.write(Files.createDirectories(march.resolve("x.xlsx")).resolve("inner.xlsx"), new byte[] {1});

        PeriodScan scan = scanner.scan(MARCH);

        assertThat(scan.workbooks()).extracting(FoundFile::relative).containsExactly("x.xlsx/inner.xlsx");
        assertThat(scan.skipped()).isEmpty();
    }

    @Test
    void aWorkbookModifiedWithinTheSettleWindowIsLeftForTheNextRun() throws IOException {
        Instant now = Instant.now();
        Files.setLastModifiedTime(Files.write(march.resolve("writing.xlsx"), new byte[] {1}), FileTime.from(now));
        Files.setLastModifiedTime(Files.write(march.resolve("settled.xlsx"), new byte[] {2}),
                FileTime.from(now.minusSeconds(120)));
        // a clock far ahead on the unit's machine is no sign of a file being written
        Files.setLastModifiedTime(Files.write(march.resolve("future.xlsx"), new byte[] {3}),
                FileTime.from(now.plusSeconds(3600)));

        PeriodScan scan = new PeriodFolderScanner(returns, Duration.ofSeconds(60), Duration.ZERO).scan(MARCH);

        assertThat(scan.workbooks()).extracting(FoundFile::relative).containsExactly("future.xlsx", "settled.xlsx");
        assertThat(scan.skipped()).extracting(SkippedFile::relative).containsExactly("writing.xlsx");
        assertThat(reason(scan, "writing.xlsx")).contains("60 秒内刚被修改", "下次汇总时将自动读取");
        assertThat(scanner.scan(MARCH).workbooks()).as("without a settle window").hasSize(3);
    }

    @Test
    void aScanWaitsForReturnsJustCopiedInAndReadsThemInsteadOfSkippingThem() throws IOException {
        Files.setLastModifiedTime(Files.write(march.resolve("copied.xlsx"), new byte[] {1}), FileTime.from(Instant.now()));
        long start = System.nanoTime();

        PeriodScan scan = new PeriodFolderScanner(returns, Duration.ofSeconds(2), Duration.ofSeconds(30)).scan(MARCH);

        assertThat(scan.workbooks()).extracting(FoundFile::relative).containsExactly("copied.xlsx");
        assertThat(scan.skipped()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(20));
    }

    @Test
    void theWaitForAFolderToSettleIsBounded() throws IOException {
        // a file stamped a little ahead stays "just modified" for longer than the wait
        Files.setLastModifiedTime(Files.write(march.resolve("writing.xlsx"), new byte[] {1}),
                FileTime.from(Instant.now().plusSeconds(30)));
        long start = System.nanoTime();

        PeriodScan scan = new PeriodFolderScanner(returns, Duration.ofSeconds(60), Duration.ofSeconds(1)).scan(MARCH);

        assertThat(scan.skipped()).extracting(SkippedFile::relative).containsExactly("writing.xlsx");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
    }

    @Test
    void foldersNamedLikeAPeriodButNotYearDashMonthAreNamedWithTheNameToRenameThemTo() throws IOException {
        for (String name : List.of("2024年4月", "2024-4", "2024.05", "第一组", "2024-13月")) {
            Files.createDirectories(returns.resolve(name));
        }

        assertThat(scanner.misnamed()).extracting(PeriodFolderScanner.MisnamedFolder::folder,
                        PeriodFolderScanner.MisnamedFolder::period)
                .containsExactly(tuple("2024-4", YearMonth.of(2024, 4)), tuple("2024.05", YearMonth.of(2024, 5)),
                        tuple("2024年4月", YearMonth.of(2024, 4)));
        assertThat(scanner.misnamed().get(0).advice()).contains("文件夹“2024-4”", "请改名为“2024-04”");
        assertThat(scanner.periods()).containsExactly(MARCH);
    }

    @Test
    void missingPeriodFolderGivesAnEmptyScan() throws IOException {
        PeriodScan scan = scanner.scan(YearMonth.of(2023, 12));

        assertThat(scan.workbooks()).isEmpty();
        assertThat(scan.skipped()).isEmpty();
    }

    @Test
    void aFileWhereThePeriodFolderOrTheFolderAboveItMustBeIsTheScansOneSkippedEntry() throws IOException {
        Files.write(returns.resolve("2024-05"), new byte[] {1});
        Path reviews = Files.write(input.resolve("reviews"), new byte[] {1});

        assertThat(scanner.scan(YearMonth.of(2024, 5)).skipped()).extracting(SkippedFile::relative, SkippedFile::reason)
                .containsExactly(tuple("", "“2024-05”是一个文件而不是文件夹，本期的文件均未读取；请移走或改名该文件，新建名为“2024-05”的文件夹并放入文件"));
        assertThat(new PeriodFolderScanner(reviews).scan(MARCH).skipped()).extracting(SkippedFile::reason)
                .containsExactly("“reviews”是一个文件而不是文件夹，本期的文件均未读取；请移走或改名该文件，新建名为“reviews”的文件夹并放入文件");
    }

    @Test
    void periodsAreTheYearMonthFoldersOldestFirstAndTheLatestIsTheDefault() throws IOException {
        Files.createDirectories(returns.resolve("2023-12"));
        Files.createDirectories(returns.resolve("2024-02"));
        Files.createDirectories(returns.resolve("2024-13"));
        Files.createDirectories(returns.resolve("归档"));
        Files.write(returns.resolve("2024-05"), new byte[] {1});

        assertThat(scanner.periods()).containsExactly(YearMonth.of(2023, 12), YearMonth.of(2024, 2), MARCH);
        assertThat(scanner.latestPeriod()).contains(MARCH);
        assertThat(new PeriodFolderScanner(input.resolve("none")).latestPeriod()).isEmpty();
    }

    @Test
    void scanningLeavesTheFolderUnchanged() throws IOException {
        Path file = Files.write(march.resolve("a.xlsx"), new byte[] {9, 9});
        FileTime before = Files.getLastModifiedTime(file);

        scanner.scan(MARCH);

        try (InputStream in = Files.newInputStream(file)) {
            assertThat(in.readAllBytes()).containsExactly(9, 9);
        }
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
        try (var entries = Files.list(march)) {
            assertThat(entries).containsExactly(file);
        }
    }

    private static String reason(PeriodScan scan, String relative) {
        return scan.skipped().stream().filter(s -> s.relative().equals(relative)).findFirst().orElseThrow().reason();
    }
}
