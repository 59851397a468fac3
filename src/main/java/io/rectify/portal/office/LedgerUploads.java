package io.rectify.portal.office;

import io.rectify.intake.Sha256;
import io.rectify.ledger.LedgerCounts;
import io.rectify.ledger.LedgerError;
import io.rectify.ledger.LedgerLayout;
import io.rectify.ledger.LedgerReader;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerVersion;
import io.rectify.ops.AtomicFiles;
import io.rectify.ops.DataLock;
import io.rectify.ops.RectifyProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.springframework.stereotype.Component;

/**
 * A new master ledger sent through the office's page: kept in {@code <data>/ledger-uploads/} under a
 * generated id (never in {@code input/} before it is confirmed), checked with the reader import-ledger
 * uses, and, once confirmed, put into {@code <input>/master/} in one step while the workbook it
 * replaces is moved to {@code <data>/ledger-history/}; the next nightly imports it as it imports any
 * changed ledger (docs/LEDGER.md).
 */
@Component
class LedgerUploads {

    static final String UPLOADS = "ledger-uploads";
    static final String HISTORY = "ledger-history";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("Asia/Shanghai"));
    /** An upload never confirmed is removed the next time one is checked, after this long. */
    private static final Duration KEPT = Duration.ofDays(1);

    private final Path uploads;
    private final Path history;
    private final Path master;
    private final Path data;
    private final LedgerReader reader;
    private final LedgerRepository repository;

    LedgerUploads(RectifyProperties properties, LedgerRepository repository) {
        this.data = properties.data();
        this.uploads = data.resolve(UPLOADS);
        this.history = data.resolve(HISTORY);
        this.master = properties.masterFolder();
        this.reader = new LedgerReader(properties.immediateDays());
        this.repository = repository;
    }

    /**
     * A checked upload.
     *
     * @param id      the kept upload's id, for the confirmation; null when it has errors (nothing is kept)
     * @param errors  every ledger error, in sheet, row and column order
     * @param counts  the new ledger's figures; {@link LedgerCounts#NONE} when it has errors
     * @param current the figures of the version in force
     * @param same    the workbook is the version in force, byte for byte
     * @param changes what it changes against the version in force
     */
    record Checked(String id, String fileName, List<LedgerError> errors, LedgerCounts counts, LedgerCounts current,
                   Optional<LedgerVersion> version, boolean same, LedgerChanges changes) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Keeps {@code content} (streamed to disk, never held in memory) and checks it as import-ledger would. */
    Checked check(InputStream content, String fileName) throws IOException {
        removeStale();
        Files.createDirectories(uploads);
        String id = UUID.randomUUID().toString();
        Path file = uploads.resolve(id + LedgerLayout.EXTENSION);
        Files.copy(content, file);
        LedgerCounts current = repository.counts();
        Optional<LedgerVersion> version = repository.currentVersion();
        List<LedgerError> errors = notXlsx(file, fileName);
        LedgerReader.Reading reading = errors.isEmpty() ? reader.read(file) : null;
        if (reading != null) {
            errors = reading.errors();
        }
        if (!errors.isEmpty()) {
            Files.deleteIfExists(file);
            return new Checked(null, fileName, errors, LedgerCounts.NONE, current, version, false, new LedgerChanges(List.of()));
        }
        String hash;
        try (InputStream in = Files.newInputStream(file)) {
            hash = Sha256.of(in);
        }
        boolean same = version.map(v -> v.contentHash().equals(hash)).orElse(false);
        return new Checked(id, fileName, List.of(), LedgerCounts.of(reading.ledger()), current, version, same,
                LedgerChanges.between(repository.load(), reading.ledger()));
    }

    /** docs/LEDGER.md: a ledger saved as .xls or another format is refused, whatever its name. */
    private static List<LedgerError> notXlsx(Path file, String fileName) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            if (FileMagic.valueOf(in) == FileMagic.OOXML) {
                return List.of();
            }
        }
        return List.of(new LedgerError("", 0, "", fileName,
                "台账须为 Excel 工作簿（.xlsx）：请用 Excel 或 WPS 打开，另存为“Excel 工作簿(*.xlsx)”后再上传"));
    }

    /**
     * Puts the kept upload {@code id} into the master folder, the workbook there moved to the ledger
     * history first (a nightly in between finds none and keeps the version in force).
     *
     * @return the new workbook in the master folder
     * @throws DataLock.Busy when another process writes to the data folder
     * @throws Gone          when no upload of that id is kept (confirmed already, or removed)
     */
    Path confirm(String id) throws IOException, DataLock.Busy, Gone {
        Path file = ID.matcher(id).matches() ? uploads.resolve(id + LedgerLayout.EXTENSION) : null;
        if (file == null || !Files.isRegularFile(file)) {
            throw new Gone();
        }
        try (DataLock lock = DataLock.acquire(data, "portal ledger confirm")) {
            LedgerReader.Located located = reader.locate(master);
            if (located.file() == null && !located.absent()) {
                throw new IOException(located.errors().get(0).describe());
            }
            String stamp = STAMP.format(Instant.now());
            if (located.file() != null) {
                Files.createDirectories(history);
                Files.move(located.file(), history.resolve(stamp + "-" + located.file().getFileName()));
            }
            Path target = master.resolve("整改台账-" + stamp + LedgerLayout.EXTENSION);
            AtomicFiles.write(target, out -> Files.copy(file, out));
            Files.delete(file);
            return target;
        }
    }

    /** No kept upload has the id asked for. */
    static final class Gone extends Exception {
    }

    private void removeStale() throws IOException {
        if (!Files.isDirectory(uploads)) {
            return;
        }
        FileTime before = FileTime.from(Instant.now().minus(KEPT));
        try (Stream<Path> files = Files.list(uploads)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).compareTo(before) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
