package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.ReturnLayout;
import io.rectify.intake.UnitReturn;
import io.rectify.ledger.Unit;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A file of the period folder and what became of it.
 *
 * @param path        relative to the period folder
 * @param found       the file as scanned; null for a skipped file
 * @param content     the return read from it; null unless it was read
 * @param unit        the unit it belongs to, when that could be told (also for some rejected files)
 * @param submittedOn 报送日期, else the last-modified day; null unless it was read
 */
record ReturnFile(String path, FoundFile found, UnitReturn content, Unit unit, LocalDate submittedOn, boolean late,
                  Outcome outcome) {

    enum Outcome {
        ACCEPTED, SUPERSEDED, DUPLICATE, REJECTED, SKIPPED;

        /** The word stored in return_file.outcome. */
        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ReturnFile with(Outcome newOutcome) {
        return new ReturnFile(path, found, content, unit, submittedOn, late, newOutcome);
    }

    boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** A metadata value as written, cleaned; null when absent or blank. */
    String metadata(String label) {
        return Optional.ofNullable(content).flatMap(c -> c.field(label)).map(f -> f.text())
                .filter(s -> !s.isEmpty()).orElse(null);
    }

    String marker() {
        return content == null ? null : content.ledgerMarker().orElse(null);
    }

    Place sheet() {
        return Place.sheet(path, ReturnLayout.PROGRESS_SHEET);
    }
}
