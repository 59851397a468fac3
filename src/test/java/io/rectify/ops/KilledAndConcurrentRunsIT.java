package io.rectify.ops;

import static io.rectify.NightlyFixture.differences;
import static io.rectify.NightlyFixture.snapshot;
import static io.rectify.ops.DataFolderCheck.assertArchiveAgreesWithDatabase;
import static io.rectify.ops.DataFolderCheck.executions;
import static io.rectify.ops.DataFolderCheck.leftovers;
import static io.rectify.ops.DataFolderCheck.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.rectify.NightlyFixture;
import io.rectify.RectifyProcess;
import io.rectify.TestDatabase;
import io.rectify.intake.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes, as the office's scheduler starts them: a nightly run killed with {@code kill -9}
 * during ingest and again while writing its outputs, then run again; a second run started while
 * one is working, with the same data folder or only the same output folder. Every case ends with the outputs of an uninterrupted run, byte for byte.
 */
class KilledAndConcurrentRunsIT {

    private static final Duration SERVER_LOCK_TTL = Duration.ofSeconds(3);

    private static final String PAUSED = "paused before replacing";

    @TempDir
    static Path root;

    private static Path input;
    private static Map<String, byte[]> uninterrupted;

    @BeforeAll
    static void inputAndAnUninterruptedRun() {
        input = root.resolve("input");
        NightlyFixture.standard(input);
        RectifyProcess.Result run = nightly("uninterrupted", Map.of()).await();
        assertThat(run.exit()).as(run.err()).isZero();
        uninterrupted = snapshot(root.resolve("uninterrupted/output"));
        assertThat(uninterrupted).containsKeys("2024-03/summary.json", "2024-03/异常清单.xlsx");
        assertThat(uninterrupted.keySet()).anyMatch(file -> file.matches("2024-03/回执/U05-.+-回执\\.xlsx"));
    }

    @Test
    void killedDuringIngestTheNextRunRecoversAndGivesTheOutputsOfAnUninterruptedRun() throws Exception {
        String marchU03 = sha256(input.resolve("returns/2024-03/第二组/U03.xlsx"));
        Path data = root.resolve("ingest/data");
        RectifyProcess first = nightly("ingest", Map.of(PausePoint.PAUSE_BEFORE, marchU03));
        first.awaitOutput(PAUSED);

        killLeavingItsLockToExpire(first);

        // the other reader thread may be copying another return at the moment of the kill
        List<Path> halfWritten = leftovers(data.resolve("archive"));
        assertThat(halfWritten).as("the archive copy it was writing, in its content-addressed folder")
                .anyMatch(p -> p.getParent().getFileName().toString().equals(marchU03.substring(0, 2)))
                .hasSizeBetween(1, 2);
        assertThat(root.resolve("ingest/output/2024-03")).doesNotExist();
        assertThat(strings(data, "SELECT COUNT(*) FROM ledger_version")).as("committed by the step before").containsExactly("1");
        assertThat(strings(data, "SELECT DISTINCT period FROM return_file"))
                .as("each period commits on its own: February's commit survived the kill, none of March is there")
                .containsExactly("2024-02");
        assertThat(strings(data, "SELECT STEP_NAME || ' ' || STATUS FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID"))
                .containsExactly("refreshLedgerStep COMPLETED", "ingestStep STARTED");

        RectifyProcess.Result again = nightly("ingest", Map.of()).await();

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("nightlyJob execution", "was interrupted",
                "recovered and abandoned through the JobOperator",
                "Removed " + halfWritten.size() + " half-written temporary file");
        assertThat(differences(uninterrupted, snapshot(root.resolve("ingest/output")))).isEmpty();
        assertThat(leftovers(data)).isEmpty();
        assertArchiveAgreesWithDatabase(data);
        assertThat(executions(data, "nightlyJob")).containsExactly("ABANDONED", "COMPLETED");
    }

    @Test
    void killedWhileWritingOutputsThePreviousRunsFolderStaysWholeAndTheNextRunGivesTheSameOutputs() throws Exception {
        Path output = root.resolve("report/output");
        Path data = root.resolve("report/data");
        assertThat(nightly("report", Map.of()).await().exit()).isZero();
        Path march = output.resolve("2024-03");
        Files.writeString(march.resolve("备注.docx"), "the office's notes");
        Files.writeString(output.resolve("tmp123"), "another program's file");
        Map<String, Object> previousRun = fileKeys(march);
        RectifyProcess second = nightly("report", Map.of(PausePoint.PAUSE_BEFORE, "异常清单.xlsx"));
        second.awaitOutput(PAUSED);

        assertThat(fileKeys(march)).as("not one file of the previous run replaced while the next one writes")
                .isEqualTo(previousRun);
        List<Path> staging = staging(output);
        assertThat(staging).hasSize(1);
        assertThat(staging.get(0).resolve("summary.json")).as("written to the staging folder instead").exists();

        killLeavingItsLockToExpire(second);
        RectifyProcess.Result third = nightly("report", Map.of()).await();

        assertThat(third.exit()).as(third.err()).isZero();
        assertThat(third.out()).contains("recovered and abandoned", "Removed 1 half-written");
        assertThat(staging(output)).isEmpty();
        assertThat(march.resolve("备注.docx")).hasContent("the office's notes");
        assertThat(output.resolve("tmp123")).hasContent("another program's file");
        Map<String, byte[]> outputs = snapshot(output);
        outputs.keySet().removeAll(List.of("2024-03/备注.docx", "tmp123"));
        assertThat(differences(uninterrupted, outputs)).isEmpty();
        assertArchiveAgreesWithDatabase(data);
        assertThat(executions(data, "nightlyJob")).containsExactly("COMPLETED", "ABANDONED", "COMPLETED");
    }

    @Test
    void aSecondRunWhileOneIsWorkingEndsAtOnceNamingTheHolderAndTheFirstFinishesUnharmed() throws IOException {
        Path resume = root.resolve("concurrent/resume");
        RectifyProcess first = nightly("concurrent", Map.of(PausePoint.PAUSE_BEFORE, "异常清单.xlsx",
                PausePoint.RESUME_WHEN, resume.toString()));
        first.awaitOutput(PAUSED);

        RectifyProcess.Result second = nightly("concurrent", Map.of()).await();
        RectifyProcess.Result backup = RectifyProcess.run(root.resolve("concurrent/logs"), Map.of(), "backup",
                "--data=" + root.resolve("concurrent/data"), "--to=" + root.resolve("concurrent/backup.zip"));

        assertThat(second.exit()).isEqualTo(CommandLine.EXIT_FAILED);
        assertThat(second.err()).contains("另一个 Rectify 进程正在使用数据文件夹",
                root.resolve("concurrent/data").resolve(DataLock.FILE_NAME).toString(),
                "process " + first.pid() + " (nightly, started ");
        assertThat(second.out()).as("it started nothing").doesNotContain("Starting nightlyJob");
        assertThat(backup.exit()).isEqualTo(CommandLine.EXIT_FAILED);
        assertThat(root.resolve("concurrent/backup.zip")).doesNotExist();

        RectifyProcess.Result otherData = RectifyProcess.run(root.resolve("concurrent/logs"), Map.of(), "nightly",
                "--input=" + input, "--output=" + root.resolve("concurrent/output"),
                "--data=" + root.resolve("concurrent/other-data"));
        assertThat(otherData.exit()).isEqualTo(CommandLine.EXIT_FAILED);
        assertThat(otherData.err()).contains("另一个 Rectify 进程正在写入输出文件夹 " + root.resolve("concurrent/output"),
                "process " + first.pid() + " (nightly --data=" + root.resolve("concurrent/data"));
        assertThat(otherData.out()).as("it started nothing").doesNotContain("Starting nightlyJob");

        Files.createFile(resume);
        RectifyProcess.Result finished = first.await();

        assertThat(finished.exit()).as(finished.err()).isZero();
        assertThat(differences(uninterrupted, snapshot(root.resolve("concurrent/output")))).isEmpty();
        assertThat(executions(root.resolve("concurrent/data"), "nightlyJob")).containsExactly("COMPLETED");
    }

    @Test
    void aDatabaseHeldOpenByAnotherProgramStopsTheRunWithOneClearLine() throws Exception {
        assumeFalse(TestDatabase.postgresql(), "the H2 file's lock; a server has none");
        Path data = root.resolve("held/data");
        try (Connection console = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/rectify") + ";MAX_COMPACT_TIME=0", DatabasePassword.USER, "")) {
            RectifyProcess.Result run = nightly("held", Map.of()).await();

            assertThat(run.exit()).isEqualTo(CommandLine.EXIT_FAILED);
            assertThat(run.err()).contains("rectify: the database in " + data.resolve("db") + " is open in another program")
                    .doesNotContain("Exception", "\tat ");
            assertThat(console.isValid(1)).isTrue();
        }
    }

    /**
     * On a database server the killed run's writer lock outlives it until its time-to-live passes
     * (docs/RELIABILITY.md, F3d); these runs keep it short, and the next run waits that long, as a
     * night after a crash would.
     */
    private static void killLeavingItsLockToExpire(RectifyProcess run) throws InterruptedException {
        run.kill();
        if (TestDatabase.postgresql()) {
            Thread.sleep(SERVER_LOCK_TTL.plusSeconds(1).toMillis());
        }
    }

    private static RectifyProcess nightly(String name, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("rectify.server-lock-ttl", SERVER_LOCK_TTL.toString());
        return RectifyProcess.start(root.resolve(name).resolve("logs"), all, "nightly", "--input=" + input,
                "--output=" + root.resolve(name).resolve("output"), "--data=" + root.resolve(name).resolve("data"));
    }

    /** Each file's identity (inode): a file replaced, even by the same bytes, gets a new one. */
    private static Map<String, Object> fileKeys(Path folder) throws IOException {
        Map<String, Object> keys = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                keys.put(folder.relativize(file).toString(), Files.readAttributes(file, BasicFileAttributes.class).fileKey());
            }
        }
        return keys;
    }

    private static List<Path> staging(Path output) throws IOException {
        try (Stream<Path> entries = Files.list(output)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".2024-03.staging-")).toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.of(in);
        }
    }
}
