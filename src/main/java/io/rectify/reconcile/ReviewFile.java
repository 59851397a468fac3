package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.ReviewLayout;
import io.rectify.intake.ReviewWorkbook;
import io.rectify.rule.FileOutcome;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A file of a period's reviews folder and what became of it (a review_file row).
 *
 * @param path       relative to the period's reviews folder, '/' separated
 * @param found      null for a skipped file
 * @param kind       which review workbook it is; null when not read
 * @param group      the ledger group of a 销号审核表 (or the group the file names, when refused); null when none
 * @param reviewer   审核人 / 审批人; null when blank
 * @param reviewedOn 审核日期 / 审批日期, else the day it was last modified (Asia/Shanghai); null when not read
 * @param workbook   what was read; null unless accepted or superseded
 */
record ReviewFile(String path, FoundFile found, ReviewWorkbook.Kind kind, String group, String reviewer,
                  LocalDate reviewedOn, FileOutcome outcome, ReviewWorkbook workbook) {

    boolean accepted() {
        return outcome == FileOutcome.ACCEPTED;
    }

    ReviewFile with(FileOutcome outcome) {
        return new ReviewFile(path, found, kind, group, reviewer, reviewedOn, outcome, workbook);
    }

    /**
     * How exceptions name a review file: relative to the input folder, {@code reviews/2024-03/…}; the path
     * {@code ""} is the period's folder itself.
     */
    static String named(YearMonth period, String path) {
        return "reviews/" + period + (path.isEmpty() ? "" : "/" + path);
    }

    /** The kind as review_file stores it. */
    String kindWord() {
        return kind == null ? null : kind == ReviewWorkbook.Kind.SIGN_OFF ? ReviewLayout.SIGN_OFF_KIND : ReviewLayout.EXTENSION_KIND;
    }
}
