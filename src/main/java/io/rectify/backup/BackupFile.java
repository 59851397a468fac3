package io.rectify.backup;

import io.rectify.ops.DatabasePassword;
import java.util.regex.Pattern;

/**
 * The layout of a backup: one .zip holding the H2 database file, the database's password (so that
 * restore can open it; backups from before passwords have none: their database has the empty one),
 * the archive of every return ever read, and a text that says what the file is and how to restore
 * it. Restoring needs nothing but this file. Made on a database server, it holds the text and the
 * archive alone: the server's own tools (pg_dump) keep the database.
 */
final class BackupFile {

    /** The database file, as H2 names it for the URL {@code jdbc:h2:file:<data>/db/rectify}. */
    static final String DATABASE = DatabasePassword.DATABASE_FILE;
    static final String PASSWORD = "secrets/db-password";
    static final String README = "rectify-backup.txt";
    /** Archived returns: {@code archive/<first two hex digits>/<sha256>}, as in {@code <data>/archive}. */
    static final Pattern ARCHIVED = Pattern.compile("archive/([0-9a-f]{2})/(\\1[0-9a-f]{62})");

    private BackupFile() {
    }
}
