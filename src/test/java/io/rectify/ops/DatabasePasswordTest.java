package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database password of a data folder: made at first start and kept for the owner only; given
 * to a database made before passwords, also when the start that began the change was cut short.
 */
class DatabasePasswordTest {

    @TempDir
    Path data;

    @Test
    void aNewDataFolderGetsALongRandomPasswordReadableByItsOwnerOnly() throws Exception {
        String password = DatabasePassword.open(data, url());

        assertThat(password).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(DatabasePassword.open(other(), url()));
        assertThat(Files.readString(DatabasePassword.file(data))).isEqualTo(password);
        assertThat(mode(DatabasePassword.file(data))).isEqualTo("rw-------");
        assertThat(mode(DatabasePassword.file(data).getParent())).isEqualTo("rwx------");
        assertThat(DatabasePassword.open(data, url())).as("the next start keeps it").isEqualTo(password);
    }

    @Test
    void aDatabaseFromBeforePasswordsGetsOneOnItsFirstStartAndKeepsItsData() throws Exception {
        legacyDatabase();

        String password = DatabasePassword.open(data, url());

        assertThat(count(password)).isEqualTo(1);
        assertThat(refused("")).isTrue();
        assertThat(data.resolve("secrets/db-password.new")).doesNotExist();
    }

    @Test
    void aStartCutOffBeforeTheDatabaseTookTheNewPasswordFinishesTheChange() throws Exception {
        legacyDatabase();
        Files.createDirectories(data.resolve("secrets"));
        Files.writeString(data.resolve("secrets/db-password.new"), "written-before-the-crash");

        String password = DatabasePassword.open(data, url());

        assertThat(password).isEqualTo("written-before-the-crash");
        assertThat(count(password)).isEqualTo(1);
        assertThat(refused("")).isTrue();
        assertThat(Files.readString(DatabasePassword.file(data))).isEqualTo(password);
        assertThat(data.resolve("secrets/db-password.new")).doesNotExist();
    }

    @Test
    void aStartCutOffAfterTheDatabaseTookTheNewPasswordKeepsIt() throws Exception {
        legacyDatabase();
        try (Connection connection = DriverManager.getConnection(url(), DatabasePassword.USER, "")) {
            DatabasePassword.set(connection, "set-before-the-crash");
        }
        Files.createDirectories(data.resolve("secrets"));
        Files.writeString(data.resolve("secrets/db-password.new"), "set-before-the-crash");

        assertThat(DatabasePassword.open(data, url())).isEqualTo("set-before-the-crash");
        assertThat(Files.readString(DatabasePassword.file(data))).isEqualTo("set-before-the-crash");
        assertThat(count("set-before-the-crash")).isEqualTo(1);
    }

    @Test
    void aPasswordFileOthersMayReadIsMadeTheOwnersOnly() throws Exception {
        DatabasePassword.open(data, url());
        Files.setPosixFilePermissions(DatabasePassword.file(data), PosixFilePermissions.fromString("rw-r--r--"));

        DatabasePassword.open(data, url());

        assertThat(mode(DatabasePassword.file(data))).isEqualTo("rw-------");
    }

    @Test
    void aPasswordFileOfAnotherUserIsRefusedNamingTheFileAndTheOwner() throws Exception {
        DatabasePassword.open(data, url());
        UserPrincipal nobody;
        try {
            nobody = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(DatabasePassword.file(data), nobody);
        } catch (IOException e) {
            assumeTrue(false, "only root can give a file away: " + e);
            return;
        }

        assertThatThrownBy(() -> DatabasePassword.open(data, url()))
                .isInstanceOf(DatabasePassword.Unusable.class)
                .hasMessageContaining(DatabasePassword.file(data) + " belongs to nobody")
                .hasMessageContaining("chown " + System.getProperty("user.name"));
    }

    @Test
    void aPasswordFileThatCannotBeReadIsNamedWithTheReason() throws Exception {
        Files.createDirectories(DatabasePassword.file(data));

        assertThatThrownBy(() -> DatabasePassword.open(data, url()))
                .isInstanceOf(DatabasePassword.Unusable.class)
                .hasMessageContaining("cannot read the database password in " + DatabasePassword.file(data) + ": Is a directory");
    }

    @Test
    void aDatabaseWithAPasswordNoFileHoldsIsRefusedWithWhatToDo() throws Exception {
        legacyDatabase();
        try (Connection connection = DriverManager.getConnection(url(), DatabasePassword.USER, "")) {
            DatabasePassword.set(connection, "a-password-nobody-kept");
        }

        assertThatThrownBy(() -> DatabasePassword.open(data, url()))
                .isInstanceOf(DatabasePassword.Unusable.class)
                .hasMessageContaining("accepts neither the password in " + data.resolve("secrets/db-password.new"))
                .hasMessageContaining("restore");
    }

    private Path other() throws IOException {
        return Files.createDirectories(data.resolve("other"));
    }

    private String url() {
        return "jdbc:h2:file:" + data.resolve("db/rectify") + ";MAX_COMPACT_TIME=0";
    }

    private void legacyDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), DatabasePassword.USER, "")) {
            connection.createStatement().execute("CREATE TABLE kept (id INT); INSERT INTO kept VALUES (1)");
        }
    }

    private int count(String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url() + ";IFEXISTS=TRUE", DatabasePassword.USER, password);
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM kept")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private boolean refused(String password) {
        try (Connection ignored = DriverManager.getConnection(url() + ";IFEXISTS=TRUE", DatabasePassword.USER, password)) {
            return false;
        } catch (SQLException e) {
            return DatabasePassword.refused(e);
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
