package io.rectify.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample generator is deterministic, and the ledger committed under input/ is its output. */
class SampleInputsTest {

    /** The committed sample, relative to the module folder Maven runs the tests in. */
    private static final Path COMMITTED = SampleInputs.masterLedger(Path.of("input"));

    @Test
    void writingTwiceGivesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        SampleInputs.write(first);
        SampleInputs.write(second);

        byte[] bytes = Files.readAllBytes(SampleInputs.masterLedger(first));
        assertThat(Files.readAllBytes(SampleInputs.masterLedger(second))).isEqualTo(bytes);
    }

    @Test
    void nothingInTheFileDependsOnTheClock(@TempDir Path input) throws IOException {
        SampleInputs.write(input);
        Path ledger = SampleInputs.masterLedger(input);

        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(ledger))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertThat(entry.getLastModifiedTime().toInstant()).as(entry.getName()).isEqualTo(Instant.EPOCH);
            }
        }
        try (InputStream in = Files.newInputStream(ledger); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var core = workbook.getProperties().getCoreProperties();
            assertThat(core.getCreated().toInstant()).isEqualTo(Instant.parse("2023-09-08T00:00:00Z"));
            assertThat(core.getModified()).isNull();
            assertThat(core.getTitle()).isEqualTo("十二届市委第二轮巡视集中整改台账");
        }
    }

    /**
     * Fails when someone edits input/master/整改台账.xlsx by hand or changes the generator without
     * regenerating it ({@code java -jar target/rectify.jar sample}). Compares the zip entries'
     * contents rather than the compressed bytes, which another zlib could deflate differently.
     */
    @Test
    void committedLedgerIsWhatTheGeneratorWrites(@TempDir Path input) throws IOException {
        SampleInputs.write(input);

        assertThat(COMMITTED).as("run 'java -jar target/rectify.jar sample' to generate it").isRegularFile();
        Map<String, byte[]> committed = entries(COMMITTED);
        Map<String, byte[]> generated = entries(SampleInputs.masterLedger(input));
        assertThat(committed.keySet()).containsExactlyElementsOf(generated.keySet());
        generated.forEach((name, content) -> assertThat(committed.get(name))
                .as("%s of input/master/整改台账.xlsx differs from the generator's output: "
                        + "run 'java -jar target/rectify.jar sample'", name)
                .isEqualTo(content));
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
