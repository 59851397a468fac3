package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.NightlyFixture;
import io.rectify.RectifyApplication;
import io.rectify.run.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole commands on a data folder made before the database had a password: the first start gives
 * it one and keeps its history; a password file replaced later stops every command with one line
 * that names the file.
 */
class ProtectedDatabaseIT {

    @TempDir
    static Path root;

    private static Path data;

    @BeforeAll
    static void aDataFolderFromBeforePasswords() throws Exception {
        NightlyFixture.standard(root.resolve("input"));
        data = root.resolve("data");
        assertThat(RectifyApplication.run("import-ledger", "--input=" + root.resolve("input"), "--output=" + root.resolve("output"),
                "--data=" + data)).isZero();
        try (Connection connection = connect(DatabasePassword.current(data))) {
            DatabasePassword.set(connection, "");
        }
        StagedFolder.deleteTree(data.resolve("secrets"));
    }

    @Test
    void theFirstStartGivesAnOldDatabaseAPasswordAndAReplacedPasswordFileStopsTheNextWithOneLine() throws Exception {
        try (Console status = Console.capture()) {
            assertThat(status()).as(status.err()).isZero();
            assertThat(status.out()).contains("import-ledger");
        }
        String password = DatabasePassword.current(data);
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);
        try (Connection connection = connect(password)) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(refused("")).as("the empty password no longer opens it").isTrue();

        Files.writeString(DatabasePassword.file(data), "someone-elses-password");
        try (Console replaced = Console.capture()) {
            assertThat(status()).isEqualTo(CommandLine.EXIT_FAILED);
            assertThat(replaced.err()).contains("rectify: the database in " + data.resolve("db") + " does not accept the password in "
                    + DatabasePassword.file(data)).doesNotContain("\tat ", "Exception");
        }
    }

    private static int status() {
        return RectifyApplication.run("status", "--jobs=" + root.resolve("no-jobs"), "--data=" + data);
    }

    private static Connection connect(String password) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/rectify") + ";IFEXISTS=TRUE;MAX_COMPACT_TIME=0",
                DatabasePassword.USER, password);
    }

    private static boolean refused(String password) {
        try (Connection ignored = connect(password)) {
            return false;
        } catch (SQLException e) {
            return DatabasePassword.refused(e);
        }
    }
}
