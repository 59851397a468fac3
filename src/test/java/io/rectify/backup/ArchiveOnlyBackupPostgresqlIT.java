package io.rectify.backup;

import static io.rectify.NightlyFixture.differences;
import static io.rectify.NightlyFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.NightlyFixture;
import io.rectify.RectifyApplication;
import io.rectify.TestDatabase;
import io.rectify.run.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL, {@code backup} keeps the archive alone and says that the server's own tools keep the
 * database; {@code restore} of such a backup brings the archive back and says where the database comes
 * from. Runs in the failsafe execution "postgresql".
 */
class ArchiveOnlyBackupPostgresqlIT {

    @TempDir
    static Path root;

    private static Path input;
    private static Path data;
    private static Path backup;
    private static String said;
    private static Map<String, byte[]> outputs;
    private static Map<String, byte[]> archive;

    @BeforeAll
    static void aNightOnPostgresqlAndItsBackup() {
        assertThat(TestDatabase.postgresql()).as("run with -D%s=postgresql", TestDatabase.SWITCH).isTrue();
        input = root.resolve("input");
        data = root.resolve("data");
        backup = root.resolve("kept/rectify-backup.zip");
        NightlyFixture.standard(input);
        assertThat(nightly("before")).isZero();
        outputs = snapshot(root.resolve("before"));
        archive = snapshot(data.resolve("archive"));
        try (Console console = Console.capture()) {
            assertThat(RectifyApplication.run("backup", "--data=" + data, "--to=" + backup)).isZero();
            said = console.out();
        }
    }

    @Test
    void theBackupHoldsTheArchiveAloneAndSaysTheServersToolsKeepTheDatabase() throws IOException {
        List<String> entries = new ArrayList<>();
        String readme;
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
            readme = new String(zip.getInputStream(zip.getEntry(BackupFile.README)).readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(entries).doesNotContain(BackupFile.DATABASE, BackupFile.PASSWORD).contains(BackupFile.README);
        assertThat(entries).filteredOn(e -> e.startsWith("archive/"))
                .containsExactlyInAnyOrderElementsOf(archive.keySet().stream().map(k -> "archive/" + k).toList());
        assertThat(archive).isNotEmpty();
        assertThat(said).contains("the archive alone", "not in this file", "pg_dump");
        assertThat(readme).contains("NOT in this file", "pg_dump", "jdbc:postgresql://");
    }

    @Test
    void restoringItBringsTheArchiveBackAndTheNextNightGivesTheSameOutputs() throws IOException {
        Path lost = root.resolve("lost-archive");
        Files.move(data.resolve("archive"), lost);
        String restored;

        try (Console console = Console.capture()) {
            assertThat(RectifyApplication.run("restore", "--from=" + backup, "--data=" + data)).isZero();
            restored = console.out();
        }

        assertThat(restored).contains("archive alone", "pg_restore");
        assertThat(differences(archive, snapshot(data.resolve("archive")))).isEmpty();
        assertThat(nightly("after")).isZero();
        assertThat(differences(outputs, snapshot(root.resolve("after")))).isEmpty();
    }

    private static int nightly(String output) {
        return RectifyApplication.run("nightly", "--input=" + input, "--output=" + root.resolve(output), "--data=" + data);
    }
}
