package io.rectify.sample;

import static io.rectify.sample.SampleProgress.FEBRUARY;
import static io.rectify.sample.SampleProgress.MARCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ReviewTables;
import io.rectify.intake.ReviewLayout;
import io.rectify.rule.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample generator is deterministic, and the sample committed under input/ is its output. */
class SampleInputsIT {

    /** The committed sample, relative to the module folder Maven runs the tests in. */
    private static final Path COMMITTED = Path.of("input");
    private static final String REGENERATE = "run 'java -jar target/rectify.jar sample' to regenerate input/";

    @TempDir
    static Path first;
    @TempDir
    static Path second;

    @BeforeAll
    static void generateTwice() {
        SampleInputs.write(first);
        SampleInputs.write(second);
    }

    @Test
    void writingTwiceGivesByteIdenticalFiles() throws IOException {
        Map<String, Path> once = files(first);
        Map<String, Path> again = files(second);

        assertThat(again.keySet()).containsExactlyElementsOf(once.keySet());
        for (String file : once.keySet()) {
            assertThat(Files.readAllBytes(again.get(file))).as(file).isEqualTo(Files.readAllBytes(once.get(file)));
        }
    }

    @Test
    void nothingInTheFilesDependsOnTheClock() throws IOException {
        Path ledger = SampleInputs.masterLedger(first);
        try (InputStream in = Files.newInputStream(ledger); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var core = workbook.getProperties().getCoreProperties();
            assertThat(core.getCreated().toInstant()).isEqualTo(Instant.parse("2023-09-08T00:00:00Z"));
            assertThat(core.getModified()).isNull();
            assertThat(core.getTitle()).isEqualTo("十二届市委第二轮巡视集中整改台账");
        }
        Path corrected = SampleInputs.returns(first).resolve("2024-03/区卫生健康委-2024年3月整改进展（更正）.xlsx");
        try (InputStream in = Files.newInputStream(corrected); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var core = workbook.getProperties().getCoreProperties();
            assertThat(core.getCreated().toInstant()).isEqualTo(Instant.parse("2024-03-24T01:00:00Z"));
            assertThat(core.getModified().toInstant()).as("the day it was sent, 报送日期")
                    .isEqualTo(Instant.parse("2024-04-03T01:00:00Z"));
        }
        for (Map.Entry<String, Path> file : files(first).entrySet()) {
            if (file.getKey().endsWith(".xlsx") && !file.getKey().contains("~$")) {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file.getValue()))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        assertThat(entry.getLastModifiedTime().toInstant()).as(file.getKey() + "!" + entry.getName())
                                .isEqualTo(Instant.EPOCH);
                    }
                }
            }
        }
    }

    /**
     * Fails when someone edits input/ by hand or changes the generator without regenerating the
     * sample ({@code java -jar target/rectify.jar sample}). Compares the zip entries of .xlsx files
     * rather than their compressed bytes, which another zlib could deflate differently; for the
     * same reason the ledger's SHA-256, which the templates' hidden marker holds, may differ and is
     * compared as "the hash of the ledger beside it".
     */
    @Test
    void committedSampleIsWhatTheGeneratorWrites() throws IOException {
        Map<String, Path> committed = files(COMMITTED);
        Map<String, Path> generated = files(first);
        assertThat(committed.keySet()).as(REGENERATE).containsExactlyElementsOf(generated.keySet());

        String committedHash = SampleInputs.sha256(SampleInputs.masterLedger(COMMITTED));
        String generatedHash = SampleInputs.sha256(SampleInputs.masterLedger(first));
        for (String file : generated.keySet()) {
            if (file.endsWith(".xlsx") && !file.contains("~$")) {
                Map<String, byte[]> expected = entries(generated.get(file), generatedHash, committedHash);
                Map<String, byte[]> actual = entries(committed.get(file), committedHash, committedHash);
                assertThat(actual.keySet()).as(file).containsExactlyElementsOf(expected.keySet());
                expected.forEach((name, content) -> assertThat(actual.get(name))
                        .as("%s!%s differs from the generator's output: %s", file, name, REGENERATE).isEqualTo(content));
            } else {
                assertThat(Files.readAllBytes(committed.get(file))).as("%s: %s", file, REGENERATE)
                        .isEqualTo(Files.readAllBytes(generated.get(file)));
            }
        }
    }

    @Test
    void februarysGroupsSignOffAllButOneReturnedTaskAndAFewUndecided() {
        List<Map<String, String>> rows = reviewRows(FEBRUARY, ReviewLayout.SIGN_OFF_SHEET);
        assertThat(rows).hasSize(351);
        assertThat(decided(rows, ReviewLayout.DECISION)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Verdict.SIGN_OFF.word(), 347L, Verdict.RETURN.word(), 1L, "", 3L));
        assertThat(rows).filteredOn(row -> row.get(ReviewLayout.DECISION).equals(Verdict.RETURN.word())).singleElement()
                .satisfies(row -> {
                    assertThat(row.get(ReviewLayout.TASK_CODE)).isEqualTo(SampleProgress.RETURNED);
                    assertThat(row.get(ReviewLayout.OPINION)).isEqualTo(SampleReviews.RETURN_OPINION);
                });
        assertThat(reviewRows(FEBRUARY, ReviewLayout.RECHECK_SHEET)).as("nothing signed off before February").isEmpty();
    }

    @Test
    void marchsGroupsSignOffAllButTwoAndSpotCheckOneTask() {
        List<Map<String, String>> rows = reviewRows(MARCH, ReviewLayout.SIGN_OFF_SHEET);
        assertThat(decided(rows, ReviewLayout.DECISION)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Verdict.SIGN_OFF.word(), 69L, "", 2L));
        assertThat(rows).extracting(row -> row.get(ReviewLayout.TASK_CODE)).contains(SampleProgress.RETURNED)
                .containsAll(SampleReviews.FEBRUARY_UNDECIDED);
        List<Map<String, String>> rechecks = reviewRows(MARCH, ReviewLayout.RECHECK_SHEET);
        assertThat(decided(rechecks, ReviewLayout.RECHECK_DECISION)).containsEntry(Verdict.CONFIRMED.word(), 1L)
                .doesNotContainKey(Verdict.REFUTED.word());
        assertThat(rechecks).filteredOn(row -> row.get(ReviewLayout.RECHECK_REASON).equals(ReviewLayout.REGRESSION))
                .extracting(row -> row.get(ReviewLayout.TASK_CODE)).containsExactly(SampleProgress.REGRESSION);
    }

    @Test
    void februarysExtensionRequestsAreDecidedOneGrantedOneRefused() throws IOException {
        Path table;
        try (Stream<Path> files = Files.list(SampleInputs.reviews(first).resolve(FEBRUARY.toString()))) {
            table = files.filter(f -> f.getFileName().toString().startsWith("延期审批表")).findFirst().orElseThrow();
        }
        assertThat(ReviewTables.rows(table, ReviewLayout.EXTENSION_SHEET))
                .extracting(row -> String.join(" ", row.get(ReviewLayout.TASK_CODE), row.get(ReviewLayout.EXTENSION_DECISION),
                        row.get(ReviewLayout.GRANTED_TO)))
                .containsExactly(SampleExtensions.REFUSED.task() + " 不批准 ",
                        SampleExtensions.GRANTED.task() + " 批准 " + SampleExtensions.GRANTED.grantedTo());
    }

    /** The rows of a sheet of all the groups' filled 销号审核表 of a period. */
    private static List<Map<String, String>> reviewRows(YearMonth period, String sheet) {
        try (Stream<Path> files = Files.walk(SampleInputs.reviews(first).resolve(period.toString()))) {
            return files.filter(f -> f.getFileName().toString().contains("销号审核表")).sorted()
                    .flatMap(f -> ReviewTables.rows(f, sheet).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Long> decided(List<Map<String, String>> rows, String column) {
        return rows.stream().collect(Collectors.groupingBy(row -> row.get(column), Collectors.counting()));
    }

    /** Every file under a sample input folder by its path relative to it, '/' separated, sorted. */
    private static Map<String, Path> files(Path input) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(input)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(String.join("/", Stream.of(input.relativize(path).toString().split("[/\\\\]")).toList()), path);
            }
        }
        return files;
    }

    /** The zip entries of an .xlsx, with the ledger version {@code hash} written as {@code as}. */
    private static Map<String, byte[]> entries(Path file, String hash, String as) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                if (!hash.equals(as)) {
                    content = new String(content, StandardCharsets.UTF_8).replace(hash, as).getBytes(StandardCharsets.UTF_8);
                }
                entries.put(entry.getName(), content);
            }
        }
        return entries;
    }
}
