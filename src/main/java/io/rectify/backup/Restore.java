package io.rectify.backup;

import io.rectify.intake.Sha256;
import io.rectify.ops.DatabasePassword;
import io.rectify.ops.StagedFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code restore} command: puts a {@link Backup}'s database and archive into a data folder (a
 * backup made on a database server holds the archive alone: the server's own dump restores the
 * database). It
 * runs before the application starts (which would open, or create, the database it replaces), with
 * the data folder's lock held. The backup is checked whole before anything in the data folder is
 * touched: only its kinds of entries, every archived file matching its hash, a database that
 * opens with the backup's password (none in a backup from before passwords) and holds Rectify's
 * schema. The restored database is then given the data folder's password ({@link
 * DatabasePassword#forReplacement}), so the backup's stops opening anything. The database and
 * archive found in the data folder are moved into {@code <data>/replaced-<time>/}, never deleted.
 */
public final class Restore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Restore() {
    }

    /** Restores {@code backup} into {@code data}; returns what was done, for the console. */
    public static String run(Path backup, Path data) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new IOException("no backup file " + backup);
        }
        Files.createDirectories(data);
        Path staging = Files.createTempDirectory(data, ".restoring-");
        try {
            Unpacked unpacked = unpack(backup, staging);
            int archived = unpacked.archived();
            if (unpacked.database()) {
                checkAndRekey(staging, unpacked.password(), data);
            }
            String stamp = LocalDateTime.now().format(STAMP);
            Path aside = data.resolve("replaced-" + stamp);
            boolean movedAside = false;
            for (String part : unpacked.database() ? new String[] {"db", "archive"} : new String[] {"archive"}) {
                if (Files.exists(data.resolve(part))) {
                    Files.createDirectories(aside);
                    Files.move(data.resolve(part), aside.resolve(part), StandardCopyOption.ATOMIC_MOVE);
                    movedAside = true;
                }
                if (Files.exists(staging.resolve(part))) {
                    Files.move(staging.resolve(part), data.resolve(part), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            if (!unpacked.database()) {
                return "Restored " + archived + " archived return file(s) from " + backup + " into " + data
                        + (movedAside ? "; the archive that was there is in " + aside : "")
                        + ". This backup holds the archive alone (it was made on a database server): restore the database on "
                        + "the server from its own dump (pg_restore or psql), taken at the same time as this backup.";
            }
            return "Restored the database and " + archived + " archived return file(s) from " + backup + " into " + data
                    + (movedAside ? "; the database and archive that were there are in " + aside : "");
        } finally {
            StagedFolder.deleteTree(staging);
        }
    }

    /** What a backup held: how many archived files, whether a database (not from a server) and its password. */
    private record Unpacked(int archived, boolean database, String password) {
    }

    /** Unpacks and checks every entry into {@code staging}, but the password, which is only read. */
    private static Unpacked unpack(Path backup, Path staging) throws IOException {
        int archived = 0;
        boolean database = false;
        boolean readme = false;
        String password = "";
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                Matcher archivedFile = BackupFile.ARCHIVED.matcher(name);
                if (name.equals(BackupFile.README)) {
                    readme = true;
                    continue;
                }
                if (name.equals(BackupFile.PASSWORD)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        password = new String(in.readNBytes(1024), StandardCharsets.US_ASCII).strip();
                    }
                    continue;
                }
                if (!name.equals(BackupFile.DATABASE) && !archivedFile.matches()) {
                    throw new IOException(backup + " is not a Rectify backup: it holds " + name);
                }
                String digest = copy(zip, entry, staging.resolve(name));
                if (archivedFile.matches()) {
                    if (!digest.equals(archivedFile.group(2))) {
                        throw new IOException(backup + " is damaged: " + name + " does not match its hash");
                    }
                    archived++;
                } else {
                    database = true;
                }
            }
        }
        if (!database && !readme) {
            throw new IOException(backup + " is not a Rectify backup: it holds no " + BackupFile.DATABASE);
        }
        return new Unpacked(archived, database, password);
    }

    private static String copy(ZipFile zip, ZipEntry entry, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        MessageDigest digest = Sha256.digest();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest);
             OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
        return Sha256.hex(digest);
    }

    private static String targetPassword(Path data) throws IOException {
        try {
            return DatabasePassword.forReplacement(data);
        } catch (DatabasePassword.Unusable e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Opens the staged database with the backup's password, checks it is Rectify's, and gives it the data folder's. */
    private static void checkAndRekey(Path staging, String password, Path data) throws IOException {
        String file = BackupFile.DATABASE.substring(0, BackupFile.DATABASE.length() - ".mv.db".length());
        String url = "jdbc:h2:file:" + staging.resolve(file) + ";IFEXISTS=TRUE;MAX_COMPACT_TIME=0";
        try (Connection connection = DriverManager.getConnection(url, DatabasePassword.USER, password)) {
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
                rs.next();
            }
            DatabasePassword.set(connection, targetPassword(data));
        } catch (SQLException e) {
            if (DatabasePassword.refused(e)) {
                throw new IOException("the database in the backup does not open with the password the backup holds", e);
            }
            throw new IOException("the database in the backup does not open as Rectify's: " + e.getMessage(), e);
        }
    }

}
