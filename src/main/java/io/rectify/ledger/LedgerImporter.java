package io.rectify.ledger;

import io.rectify.ops.RectifyProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Imports the master ledger when it changed: a workbook whose SHA-256 equals the current
 * version's is left alone (unless {@code rectify.immediate-days} now gives its 立行立改 tasks
 * another day); any other is read and validated in full, and only a ledger without a single
 * error replaces the master list as a new version. Status history, keyed by task code in
 * other tables, is untouched. The input folder is only read.
 */
@Service
public class LedgerImporter {

    private static final Logger log = LoggerFactory.getLogger(LedgerImporter.class);

    private final LedgerRepository repository;
    private final LedgerReader reader;
    private final int immediateDays;

    @Autowired
    LedgerImporter(LedgerRepository repository, RectifyProperties properties) {
        this(repository, properties.immediateDays());
    }

    LedgerImporter(LedgerRepository repository, int immediateDays) {
        this.repository = repository;
        this.reader = new LedgerReader(immediateDays);
        this.immediateDays = immediateDays;
    }

    /** Imports the ledger workbook of {@code masterFolder} ({@code <input>/master/}). */
    public LedgerImport importFrom(Path masterFolder) {
        return importFrom(masterFolder, false);
    }

    /**
     * As {@link #importFrom(Path)}, for the jobs that only need a current ledger (templates,
     * nightly): a master folder without any workbook keeps the version already imported.
     */
    public LedgerImport refresh(Path masterFolder) {
        return importFrom(masterFolder, true);
    }

    private LedgerImport importFrom(Path masterFolder, boolean keepCurrentWhenAbsent) {
        LedgerReader.Located located = reader.locate(masterFolder);
        Optional<LedgerVersion> imported = repository.currentVersion();
        if (located.absent() && keepCurrentWhenAbsent && imported.isPresent()) {
            log.warn("No ledger workbook in {}; keeping version {} ({})", masterFolder, imported.get().id(),
                    imported.get().sourceFile());
            return new LedgerImport(LedgerImport.Outcome.UNCHANGED, imported.get().sourceFile(), repository.counts(),
                    imported.get(), List.of());
        }
        if (!located.errors().isEmpty()) {
            return rejected(null, located.errors());
        }
        Path file = located.file();
        String name = file.getFileName().toString();
        byte[] workbook;
        try {
            workbook = Files.readAllBytes(file);
        } catch (IOException e) {
            return rejected(name, List.of(new LedgerError("", 0, "", name, "台账文件无法读取：" + e.getMessage())));
        }
        String hash = sha256(workbook);
        Optional<LedgerVersion> current = repository.currentVersion();
        if (current.isPresent() && current.get().contentHash().equals(hash)) {
            if (!repository.immediateDeadlinesDifferFrom(immediateDays)) {
                log.info("Ledger {} unchanged since version {}", name, current.get().id());
                if (repository.keepWorkbook(current.get(), workbook)) {
                    log.info("Ledger version {} imported before workbooks were kept: its workbook {} is kept from now on",
                            current.get().id(), name);
                }
                return new LedgerImport(LedgerImport.Outcome.UNCHANGED, name, repository.counts(), current.get(), List.of());
            }
            log.info("Ledger {} unchanged, but rectify.immediate-days={} moves its 立行立改 deadlines: importing it again",
                    name, immediateDays);
        }
        LedgerReader.Reading reading = reader.read(file);
        if (!reading.valid()) {
            return rejected(name, reading.errors());
        }
        LedgerVersion version = repository.replace(reading.ledger(), reading.scoring(), hash, name, Instant.now(), workbook);
        LedgerCounts counts = LedgerCounts.of(reading.ledger());
        log.info("Ledger {} imported as version {}: {} problems, {} tasks, {} units", name, version.id(),
                counts.problems(), counts.tasks(), counts.units());
        return new LedgerImport(LedgerImport.Outcome.IMPORTED, name, counts, version, List.of());
    }

    private LedgerImport rejected(String file, List<LedgerError> errors) {
        log.warn("Ledger {} rejected with {} error(s); nothing stored", file == null ? "(none)" : file, errors.size());
        LedgerVersion current = repository.currentVersion().orElse(null);
        return new LedgerImport(LedgerImport.Outcome.REJECTED, file, repository.counts(), current, errors);
    }

    private static String sha256(byte[] workbook) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(workbook));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
