package io.rectify.ledger;

import io.rectify.ops.RectifyProperties;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The content of any imported ledger version. The current one is the master tables; an earlier one
 * is its kept workbook read again with the importer's reader. That happens only when a period judged
 * with an earlier version is reconciled or consolidated again, so the last one read is kept (softly:
 * a city's ledger is large) for the rest of the run and is not read again period after period. A
 * version whose workbook was not kept (imported before V7), or no longer reads as a valid ledger, is
 * replaced by the current ledger with a warning in the log.
 */
@Component
public class LedgerVersions {

    private static final Logger log = LoggerFactory.getLogger(LedgerVersions.class);

    private final LedgerRepository repository;
    private final LedgerReader reader;
    private SoftReference<Read> lastRead = new SoftReference<>(null);

    LedgerVersions(LedgerRepository repository, RectifyProperties properties) {
        this.repository = repository;
        this.reader = new LedgerReader(properties.immediateDays());
    }

    /** An earlier version as read from its workbook. */
    private record Read(long versionId, Ledger ledger) {
    }

    /** The ledger of {@code version}; the current ledger (empty when none was imported) for an empty one. */
    public synchronized Ledger ledger(Optional<LedgerVersion> version) {
        Optional<LedgerVersion> current = repository.currentVersion();
        if (version.isEmpty() || version.equals(current)) {
            return repository.load();
        }
        Read read = lastRead.get();
        if (read != null && read.versionId() == version.get().id()) {
            return read.ledger();
        }
        Optional<Ledger> ledger = reread(version.get());
        if (ledger.isEmpty()) {
            return repository.load();
        }
        lastRead = new SoftReference<>(new Read(version.get().id(), ledger.get()));
        return ledger.get();
    }

    private Optional<Ledger> reread(LedgerVersion version) {
        Optional<byte[]> workbook = repository.workbook(version);
        String current = repository.currentVersion().map(v -> "current version " + v.id()).orElse("no ledger");
        if (workbook.isEmpty()) {
            log.warn("Ledger version {} ({}) was imported before workbooks were kept: judging with the {} instead",
                    version.id(), version.sourceFile(), current);
            return Optional.empty();
        }
        long start = System.nanoTime();
        Path file = null;
        try {
            file = Files.createTempFile("rectify-ledger-" + version.id() + "-", LedgerLayout.EXTENSION);
            Files.write(file, workbook.get());
            LedgerReader.Reading reading = reader.read(file);
            if (!reading.valid()) {
                log.warn("Ledger version {} ({}) no longer reads as a valid ledger ({}): judging with the {} instead",
                        version.id(), version.sourceFile(), reading.errors().get(0).describe(), current);
                return Optional.empty();
            }
            log.info("Ledger version {} ({}) read again from its kept workbook in {} ms", version.id(),
                    version.sourceFile(), (System.nanoTime() - start) / 1_000_000);
            return Optional.of(reading.ledger());
        } catch (IOException e) {
            log.warn("Ledger version {} ({}) could not be read again ({}): judging with the {} instead", version.id(),
                    version.sourceFile(), e, current);
            return Optional.empty();
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the temporary copy {} of a ledger version: {}", file, e.toString());
        }
    }
}
