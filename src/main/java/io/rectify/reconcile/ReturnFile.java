package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.ReturnLayout;
import io.rectify.ledger.Unit;
import io.rectify.rule.FileOutcome;
import java.time.LocalDate;

/**
 * A file of the period folder and what became of it.
 *
 * @param path        relative to the period folder
 * @param found       the file as scanned; null for a skipped file
 * @param unit        the unit it belongs to, when that could be told (also for some rejected files)
 * @param submittedOn 报送日期, else the last-modified day; null unless it was read
 * @param metadata    what is stored of the return read from it (填报人, 联系电话, template marker); null unless it was read
 */
record ReturnFile(String path, FoundFile found, Unit unit, LocalDate submittedOn, boolean late, Metadata metadata,
                  FileOutcome outcome) {

    /** The return's 填报人, 联系电话 and ledger marker, each null when absent or blank. */
    record Metadata(String reporter, String phone, String marker) {
    }

    ReturnFile with(FileOutcome newOutcome) {
        return new ReturnFile(path, found, unit, submittedOn, late, metadata, newOutcome);
    }

    boolean accepted() {
        return outcome == FileOutcome.ACCEPTED;
    }

    String reporter() {
        return metadata == null ? null : metadata.reporter();
    }

    String phone() {
        return metadata == null ? null : metadata.phone();
    }

    String marker() {
        return metadata == null ? null : metadata.marker();
    }

    Place sheet() {
        return Place.sheet(path, ReturnLayout.PROGRESS_SHEET);
    }
}
