package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.TestDatabase;
import io.rectify.intake.Archive;
import io.rectify.intake.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What a data folder holds after a run, read directly (the database opened read-only when no process has it). */
final class DataFolderCheck {

    private DataFolderCheck() {
    }

    /**
     * A connection to the database of a data folder whose process has ended, killed or not, for
     * queries only ({@link TestDatabase}: H2 or PostgreSQL). Without H2's file lock, which a killed process leaves behind for the next run to
     * take over, and which H2 will not take over for a read-only connection.
     */
    static Connection database(Path data) throws SQLException {
        return TestDatabase.connect(data, ";IFEXISTS=TRUE;FILE_LOCK=NO");
    }

    static List<String> strings(Path data, String sql) {
        try (Connection connection = database(data); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The statuses of a job's executions, oldest first. */
    static List<String> executions(Path data, String job) {
        return strings(data, "SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = '" + job + "' ORDER BY e.JOB_EXECUTION_ID");
    }

    /**
     * The archive and the database agree: every file the database says was read has its copy, every
     * copy is named by the hash of what it holds, and the archive holds nothing the database does not know.
     */
    static void assertArchiveAgreesWithDatabase(Path data) {
        Set<String> known = new HashSet<>(strings(data, "SELECT DISTINCT sha256 FROM return_file WHERE sha256 IS NOT NULL"));
        Archive archive = new Archive(data);
        Set<String> archived = new HashSet<>();
        try (Stream<Path> files = Files.walk(archive.folder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    assertThat(Sha256.of(in)).as("content of %s", file).isEqualTo(file.getFileName().toString());
                }
                archived.add(file.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(known).isNotEmpty();
        assertThat(archived).containsExactlyInAnyOrderElementsOf(known);
    }

    /** The temporary files of {@link AtomicFiles} under a folder: what a killed writer leaves. */
    static List<Path> leftovers(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".writing-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
