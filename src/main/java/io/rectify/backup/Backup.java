package io.rectify.backup;

import io.rectify.intake.Archive;
import io.rectify.ops.AtomicFiles;
import io.rectify.ops.DatabaseKind;
import io.rectify.ops.RectifyProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code backup} command: writes one .zip the office can keep, holding a transactionally
 * consistent copy of the database (H2's {@code BACKUP TO}), its password and every file of the archive;
 * on a database server, the archive alone, and says that the server's own tools (pg_dump) back up the
 * database. The
 * caller holds the data folder's lock, so no run changes the archive meanwhile. Written like every
 * output: to a temporary file first, moved into place when whole. See docs/RELIABILITY.md for restoring.
 */
@Component
public class Backup {

    private final JdbcTemplate jdbc;
    private final JdbcConnectionDetails connection;
    private final Archive archive;
    private final Path data;

    Backup(JdbcTemplate jdbc, JdbcConnectionDetails connection, RectifyProperties properties) {
        this.jdbc = jdbc;
        this.connection = connection;
        this.archive = new Archive(properties.data());
        this.data = properties.data();
    }

    /** Writes the backup to {@code target}; returns what it holds, for the console. */
    public String write(Path target) throws IOException {
        boolean h2 = DatabaseKind.of(connection.getJdbcUrl()) == DatabaseKind.H2;
        Path scratch = Files.createTempDirectory("rectify-backup-");
        try {
            Path database = scratch.resolve("database.zip");
            if (h2) {
                jdbc.execute("BACKUP TO '" + database.toString().replace("'", "''") + "'");
            }
            List<Path> archived = archived();
            // it holds the database's password, and the accounts' hashes: for its owner only, as the data folder
            AtomicFiles.writeOwnerOnly(target, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(BackupFile.README));
                zip.write(readme(archived.size(), h2).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                if (h2) {
                    zip.putNextEntry(new ZipEntry(BackupFile.PASSWORD));
                    zip.write(connection.getPassword().getBytes(StandardCharsets.US_ASCII));
                    zip.closeEntry();
                    try (ZipFile file = new ZipFile(database.toFile())) {
                        ZipEntry entry = file.stream().filter(e -> e.getName().endsWith(".mv.db")).findFirst()
                                .orElseThrow(() -> new IOException("H2 wrote no database file to " + database));
                        zip.putNextEntry(new ZipEntry(BackupFile.DATABASE));
                        try (InputStream in = file.getInputStream(entry)) {
                            in.transferTo(zip);
                        }
                        zip.closeEntry();
                    }
                }
                for (Path file : archived) {
                    zip.putNextEntry(new ZipEntry("archive/" + file.getParent().getFileName() + "/" + file.getFileName()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
                zip.finish();
            });
            if (!h2) {
                return "Backup written to " + target + " (" + Files.size(target) / 1024 + " KB): the archive alone, "
                        + archived.size() + " archived return file(s). The database is on the server " + server()
                        + " and not in this file: back it up with the server's own tools (pg_dump), at the same time. "
                        + "Restore the archive with: java -jar target/rectify.jar restore --from=" + target;
            }
            return "Backup written to " + target + " (" + Files.size(target) / 1024 + " KB): the database and "
                    + archived.size() + " archived return file(s). Restore it with: java -jar target/rectify.jar restore --from="
                    + target;
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The archive's files in path order; a copy a killed run left half-written is not one of them. */
    private List<Path> archived() throws IOException {
        if (!Files.isDirectory(archive.folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(archive.folder())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> BackupFile.ARCHIVED.matcher("archive/" + f.getParent().getFileName() + "/" + f.getFileName()).matches())
                    .sorted().toList();
        }
    }

    /** The server's address without user or password, as the URL names it. */
    private String server() {
        String url = connection.getJdbcUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private String readme(int archivedFiles, boolean h2) {
        String holds = h2
                ? "%s (the H2 database), %s (its password) and %d archived return file(s) under archive/"
                        .formatted(BackupFile.DATABASE, BackupFile.PASSWORD, archivedFiles)
                : "%d archived return file(s) under archive/. The database is on the server %s and is NOT in this file:\n"
                        .formatted(archivedFiles, server())
                        + "          back it up with the server's own tools (for PostgreSQL: pg_dump), at the same time as this file.";
        return """
                Rectify (巡视整改台账汇总) backup
                written:  %s
                from:     %s
                holds:    %s
                Keep it as safe as the data folder: it is readable by its owner only.

                To restore it into a data folder (the database and archive there are moved aside, not deleted):
                    java -jar target/rectify.jar restore --from=<this file> [--data=DIR]
                """.formatted(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), data, holds)
                + (h2 ? "" : "and the database on the server from its own dump (pg_restore or psql).\n");
    }
}
