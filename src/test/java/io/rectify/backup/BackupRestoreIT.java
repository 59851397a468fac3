package io.rectify.backup;

import io.rectify.ops.DatabasePassword;
import static io.rectify.NightlyFixture.differences;
import static io.rectify.NightlyFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.NightlyFixture;
import io.rectify.RectifyApplication;
import io.rectify.ops.DataLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} writes one file holding the database and the archive; after the data folder is
 * lost, {@code restore} brings both back and the next nightly run gives the same outputs.
 */
class BackupRestoreIT {

    @TempDir
    static Path root;

    private static Path input;
    private static Path data;
    private static Path backup;
    private static Map<String, byte[]> outputs;
    private static Map<String, byte[]> archive;

    @BeforeAll
    static void aNightlyRunAndItsBackup() {
        input = root.resolve("input");
        data = root.resolve("data");
        backup = root.resolve("kept/rectify-backup.zip");
        NightlyFixture.standard(input);
        assertThat(nightly("before")).isZero();
        outputs = snapshot(root.resolve("before"));
        archive = snapshot(data.resolve("archive"));

        assertThat(RectifyApplication.run("backup", "--data=" + data, "--to=" + backup)).isZero();
    }

    @Test
    void theBackupIsOneFileHoldingTheDatabaseAndEveryArchivedReturn() throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
        }

        assertThat(entries).contains(BackupFile.README, BackupFile.DATABASE, BackupFile.PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).as("it holds the password")
                .isEqualTo("rw-------");
        assertThat(entries).filteredOn(e -> e.startsWith("archive/"))
                .containsExactlyInAnyOrderElementsOf(archive.keySet().stream().map(k -> "archive/" + k).toList());
        assertThat(archive).hasSize(9);
        try (Stream<Path> files = Files.list(backup.getParent())) {
            assertThat(files).as("no temporary file left beside it").containsExactly(backup);
        }
    }

    @Test
    void afterTheDataFolderIsLostRestoreBringsItBackAndNightlyGivesTheSameOutputs() throws Exception {
        Path lost = root.resolve("lost-data");
        Files.createDirectories(lost);

        assertThat(RectifyApplication.run("restore", "--from=" + backup, "--data=" + lost)).isZero();

        assertThat(snapshot(lost.resolve("archive"))).containsOnlyKeys(archive.keySet());
        assertThat(differences(archive, snapshot(lost.resolve("archive")))).isEmpty();
        assertThat(nightlyExecutions(lost)).as("the run history came back with the data").isEqualTo(1);
        assertThat(RectifyApplication.run("nightly", "--input=" + input, "--output=" + root.resolve("after"),
                "--data=" + lost)).isZero();
        assertThat(differences(outputs, snapshot(root.resolve("after")))).isEmpty();
        assertThat(nightlyExecutions(lost)).isEqualTo(2);
        assertThat(DatabasePassword.current(lost)).as("the restored database was given a password of its own")
                .isNotEqualTo(DatabasePassword.current(data));
    }

    @Test
    void aBackupFromBeforePasswordsRestoresIntoADatabaseWithAPassword() throws Exception {
        Path old = root.resolve("old-backup.zip");
        Path unpacked = root.resolve("old-data");
        assertThat(RectifyApplication.run("restore", "--from=" + backup, "--data=" + unpacked)).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + unpacked.resolve("db/rectify")
                + ";IFEXISTS=TRUE;MAX_COMPACT_TIME=0", DatabasePassword.USER, password(unpacked))) {
            DatabasePassword.set(connection, "");
        }
        try (ZipFile original = new ZipFile(backup.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(old))) {
            for (ZipEntry entry : original.stream().filter(e -> !e.getName().equals(BackupFile.PASSWORD)).toList()) {
                add(zip, entry.getName(), entry.getName().equals(BackupFile.DATABASE)
                        ? Files.readAllBytes(unpacked.resolve(BackupFile.DATABASE)) : original.getInputStream(entry).readAllBytes());
            }
        }
        Path restored = root.resolve("restored-old");

        assertThat(RectifyApplication.run("restore", "--from=" + old, "--data=" + restored)).isZero();

        assertThat(RectifyApplication.run("status", "--jobs=" + root.resolve("no-jobs"), "--data=" + restored)).isZero();
        assertThat(nightlyExecutions(restored)).isEqualTo(1);
    }

    /**
     * The password of a data folder's database; restored into a folder that had none, the one
     * restore gave it, which the first start then takes on.
     */
    private static String password(Path dataFolder) throws IOException {
        Path pending = DatabasePassword.file(dataFolder).resolveSibling("db-password.new");
        return Files.exists(pending) ? Files.readString(pending) : DatabasePassword.current(dataFolder);
    }

    @Test
    void restoringOverADataFolderMovesWhatWasThereAsideInsteadOfDeletingIt() throws IOException {
        Path used = root.resolve("used-data");
        assertThat(RectifyApplication.run("restore", "--from=" + backup, "--data=" + used)).isZero();
        Map<String, byte[]> before = snapshot(used.resolve("db"));

        assertThat(RectifyApplication.run("restore", "--from=" + backup, "--data=" + used)).isZero();

        Path aside;
        try (Stream<Path> folders = Files.list(used)) {
            aside = folders.filter(f -> f.getFileName().toString().startsWith("replaced-")).findFirst().orElseThrow();
        }
        assertThat(differences(before, snapshot(aside.resolve("db")))).isEmpty();
        assertThat(snapshot(aside.resolve("archive"))).containsOnlyKeys(archive.keySet());
        assertThat(used.resolve(BackupFile.DATABASE)).isRegularFile();
    }

    @Test
    void aFileThatIsNotAWholeBackupIsRefusedAndTheDataFolderLeftAsItWas() throws IOException {
        Path evil = root.resolve("evil.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
            add(zip, BackupFile.DATABASE, new byte[] {1, 2, 3});
            add(zip, "../../outside.txt", "escaped".getBytes(StandardCharsets.UTF_8));
        }
        Path tampered = root.resolve("tampered.zip");
        try (ZipFile original = new ZipFile(backup.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry entry : original.stream().toList()) {
                byte[] content = original.getInputStream(entry).readAllBytes();
                add(zip, entry.getName(), entry.getName().startsWith("archive/") ? new byte[] {9} : content);
            }
        }
        Map<String, byte[]> before = dataWithoutLock();

        String evilMessage = stderrOf(() -> assertThat(RectifyApplication.run("restore", "--from=" + evil, "--data=" + data)).isEqualTo(1));
        String tamperedMessage = stderrOf(() -> assertThat(RectifyApplication.run("restore", "--from=" + tampered, "--data=" + data)).isEqualTo(1));

        assertThat(evilMessage).contains("is not a Rectify backup: it holds ../../outside.txt");
        assertThat(tamperedMessage).contains("is damaged", "does not match its hash");
        assertThat(root.getParent().resolve("outside.txt")).doesNotExist();
        assertThat(differences(before, dataWithoutLock())).isEmpty();
    }

    private static int nightly(String output) {
        return RectifyApplication.run("nightly", "--input=" + input, "--output=" + root.resolve(output), "--data=" + data);
    }

    private static int nightlyExecutions(Path dataFolder) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataFolder.resolve("db/rectify")
                + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", DatabasePassword.USER, password(dataFolder));
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e "
                     + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'nightlyJob'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The data folder without what changes whenever a command runs: the lock file and the log. */
    private static Map<String, byte[]> dataWithoutLock() {
        Map<String, byte[]> files = snapshot(data);
        files.remove(DataLock.FILE_NAME);
        files.keySet().removeIf(name -> name.startsWith("logs/"));
        return files;
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
