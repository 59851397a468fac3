package io.rectify.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the H2 database, generated when a data folder is first used and kept in
 * {@code <data>/secrets/db-password}: the folder readable by its owner only (700), the file too
 * (600), both owned by the user Rectify runs as. A database created before passwords (user
 * {@value #USER}, empty password) gets one on its first start: the new password is first written
 * to {@code db-password.new}, then set in the database, then the file takes its final name. A start
 * that finds {@code db-password.new} (the previous one stopped in between) tries it, then the empty
 * password, and finishes the change.
 */
public final class DatabasePassword {

    private static final Logger log = LoggerFactory.getLogger(DatabasePassword.class);

    /** H2's administrator, the only user of Rectify's database. */
    public static final String USER = "sa";
    /** The database file, as H2 names it for the URL {@code jdbc:h2:file:<data>/db/rectify}. */
    public static final String DATABASE_FILE = "db/rectify.mv.db";
    static final String FOLDER = "secrets";
    static final String FILE = "db-password";
    static final String PENDING = FILE + ".new";
    private static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicBoolean NOT_POSIX_TOLD = new AtomicBoolean();

    private DatabasePassword() {
    }

    /** The password cannot be had: the message names the file and what to do. */
    public static final class Unusable extends IllegalStateException {
        Unusable(String message) {
            super(message);
        }

        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The password file of a data folder. */
    public static Path file(Path data) {
        return data.resolve(FOLDER).resolve(FILE);
    }

    /**
     * The password the application opens the database of {@code data} with, through {@code url}:
     * the file's; a new one for a new data folder; for a database that has none yet, a new one set
     * in it first (through {@code url}, so also while another process has it open).
     */
    public static String open(Path data, String url) {
        Path pending = pending(data);
        if (Files.exists(pending)) {
            return finishChange(data, url);
        }
        Path file = file(data);
        if (Files.exists(file)) {
            return read(file);
        }
        if (!Files.exists(data.resolve(DATABASE_FILE))) {
            String password = generate();
            write(file, password);
            return password;
        }
        write(pending, generate());
        return finishChange(data, url);
    }

    /** The password in the file of {@code data}, for tools that open the database themselves. */
    public static String current(Path data) {
        return read(file(data));
    }

    /**
     * The password a database moved into {@code data} must have (restore): the folder's, or when it
     * has none yet a new one, left as {@code db-password.new} for the next start to take on.
     */
    public static String forReplacement(Path data) {
        Path pending = pending(data);
        if (Files.exists(pending)) {
            return read(pending);
        }
        if (Files.exists(file(data))) {
            return read(file(data));
        }
        String password = generate();
        write(pending, password);
        return password;
    }

    /** Sets {@code password} on the database a connection has open, as its administrator. */
    public static void set(Connection connection, String password) throws SQLException {
        // the password is Base64url: no quote to escape
        connection.createStatement().execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
    }

    /** Whether a failure is H2 refusing the user name or password. */
    public static boolean refused(SQLException e) {
        return e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD;
    }

    private static String finishChange(Path data, String url) {
        Path pending = pending(data);
        String password = read(pending);
        try {
            try (Connection ignored = DriverManager.getConnection(url, USER, password)) {
                log.info("The database in {} has the password of {} already: keeping that file", data.resolve("db"), pending);
            } catch (SQLException e) {
                if (!refused(e)) {
                    throw e;
                }
                try (Connection connection = DriverManager.getConnection(url, USER, "")) {
                    set(connection, password);
                }
                log.info("The database in {} had no password: it now has one, kept in {}", data.resolve("db"), file(data));
            }
            Files.move(pending, file(data), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return password;
        } catch (SQLException e) {
            if (refused(e)) {
                throw new Unusable("The database in " + data.resolve("db") + " accepts neither the password in " + pending
                        + " nor none: it has a password Rectify does not know. Put back the " + FILE
                        + " file that belongs to it, or restore a backup (restore --from=...)", e);
            }
            throw new IllegalStateException("cannot open the database in " + data.resolve("db") + " to give it a password", e);
        } catch (IOException e) {
            throw new Unusable("cannot move " + pending + " to " + file(data) + ": " + cause(e), e);
        }
    }

    private static Path pending(Path data) {
        return data.resolve(FOLDER).resolve(PENDING);
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, String password) {
        try {
            Path folder = file.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder.getParent());
                if (posix(folder)) {
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER_MODE));
                } else {
                    Files.createDirectory(folder);
                }
            }
            protect(folder, FOLDER_MODE);
            AtomicFiles.writeOwnerOnly(file, out -> out.write(password.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new Unusable("cannot write the database password to " + file + ": " + cause(e), e);
        }
    }

    private static String read(Path file) {
        protect(file.getParent(), FOLDER_MODE);
        protect(file, FILE_MODE);
        String password;
        try {
            password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new Unusable("cannot read the database password in " + file + ": " + reason(e)
                    + ". It must be a file readable by the user Rectify runs as (" + System.getProperty("user.name") + ")", e);
        }
        if (password.isEmpty()) {
            throw new Unusable("the database password file " + file + " is empty: put back the one that belongs to the database");
        }
        return password;
    }

    /**
     * Makes a secret readable by its owner only, who must be the user Rectify runs as: another user
     * could read or replace it. A mode that lets others in is corrected, with a warning.
     */
    private static void protect(Path path, Set<PosixFilePermission> mode) {
        if (!posix(path)) {
            if (NOT_POSIX_TOLD.compareAndSet(false, true)) {
                log.warn("The file system of {} has no POSIX permissions: Rectify cannot make the database password "
                        + "readable by its own user only; restrict that folder with the file system's own access rules", path);
            }
            return;
        }
        try {
            UserPrincipal owner = Files.getOwner(path);
            String self = System.getProperty("user.name");
            if (!owner.getName().equals(self)) {
                throw new Unusable(path + " belongs to " + owner.getName() + ", but Rectify runs as " + self
                        + ": the database password must be the service user's own. Run: chown " + self + " " + path);
            }
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
            if (!current.equals(mode)) {
                Files.setPosixFilePermissions(path, mode);
                log.warn("{} was {}: made it {}, readable by its owner only", path,
                        PosixFilePermissions.toString(current), PosixFilePermissions.toString(mode));
            }
        } catch (IOException e) {
            throw new Unusable("cannot check who may read " + path + ": " + reason(e), e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Why a write failed, as the office acts on it. */
    private static String cause(IOException e) {
        return FailureCause.of(e).orElseGet(() -> reason(e));
    }

    /** Why reading failed: FailureCause's words are about writing. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    }
}
