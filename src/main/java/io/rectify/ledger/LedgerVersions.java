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
 * version whose workbook was not kept (imported before V7), or no longer reads as a valid ledger
 * (checks added since it was imported), cannot judge its periods again: {@link #unreadable} says so,
 * and those periods are kept as published rather than judged again with today's ledger.
 *
 * <p>The current version's ledger is kept too (softly), by its version row: a night checks its returns
 * with it and consolidates with it, and a city's ledger takes seconds to load. Importing a ledger
 * makes a new version row (a new id), so a ledger kept for an earlier one is never given out again.
 */
@Component
public class LedgerVersions {

    private static final Logger log = LoggerFactory.getLogger(LedgerVersions.class);

    private final LedgerRepository repository;
    private final LedgerReader reader;
    private SoftReference<Read> lastRead = new SoftReference<>(null);
    private SoftReference<Current> current = new SoftReference<>(null);

    LedgerVersions(LedgerRepository repository, RectifyProperties properties) {
        this.repository = repository;
        this.reader = new LedgerReader(properties.immediateDays());
    }

    /** An earlier version as read from its workbook. */
    private record Read(long versionId, Reread reread) {
    }

    /** The current version's ledger as loaded from the master tables. */
    private record Current(LedgerVersion version, Ledger ledger) {
    }

    /**
     * The ledger of {@code version}; the current ledger (empty when none was imported) for an empty
     * one, or for one that {@link #unreadable} (only a period that has no stored state is judged so).
     */
    public synchronized Ledger ledger(Optional<LedgerVersion> version) {
        return reread(version).map(Reread::ledger).orElseGet(this::current);
    }

    /**
     * The master tables' ledger. Its version is read before the tables: a ledger imported meanwhile is
     * then kept under the version before it, which no later call asks for.
     */
    private Ledger current() {
        Optional<LedgerVersion> version = repository.currentVersion();
        if (version.isEmpty()) {
            return repository.load();
        }
        Current kept = current.get();
        if (kept == null || !kept.version().equals(version.get())) {
            kept = new Current(version.get(), repository.load());
            current = new SoftReference<>(kept);
        }
        return kept.ledger();
    }

    /**
     * Why {@code version} cannot be read again, for the log and the office; empty when it can, or it
     * is the current version or none.
     */
    public synchronized Optional<String> unreadable(Optional<LedgerVersion> version) {
        return reread(version).map(Reread::failure).filter(failure -> failure != null);
    }

    /** An earlier version read again: its ledger, or why it cannot be read (the failure). */
    private record Reread(Ledger ledger, String failure) {
    }

    /** Empty for the current version or none, which the master tables hold. */
    private Optional<Reread> reread(Optional<LedgerVersion> version) {
        if (version.isEmpty() || version.equals(repository.currentVersion())) {
            return Optional.empty();
        }
        Read last = lastRead.get();
        if (last == null || last.versionId() != version.get().id()) {
            last = new Read(version.get().id(), reread(version.get()));
            lastRead = new SoftReference<>(last);
        }
        return Optional.of(last.reread());
    }

    private Reread reread(LedgerVersion version) {
        Optional<byte[]> workbook = repository.workbook(version);
        if (workbook.isEmpty()) {
            return failed(version, "it was imported before workbooks were kept");
        }
        long start = System.nanoTime();
        Path file = null;
        try {
            file = Files.createTempFile("rectify-ledger-" + version.id() + "-", LedgerLayout.EXTENSION);
            Files.write(file, workbook.get());
            LedgerReader.Reading reading = reader.read(file);
            if (!reading.valid()) {
                return failed(version, "it no longer reads as a valid ledger (" + reading.errors().get(0).describe() + ")");
            }
            log.info("Ledger version {} ({}) read again from its kept workbook in {} ms", version.id(),
                    version.sourceFile(), (System.nanoTime() - start) / 1_000_000);
            return new Reread(reading.ledger(), null);
        } catch (IOException e) {
            return failed(version, "its workbook could not be read again (" + e + ")");
        } finally {
            deleteQuietly(file);
        }
    }

    private static Reread failed(LedgerVersion version, String why) {
        return new Reread(null, "ledger version " + version.id() + " (" + version.sourceFile() + ") cannot be read again: " + why);
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
