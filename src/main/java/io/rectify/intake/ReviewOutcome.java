package io.rectify.intake;

import java.util.Optional;

/** What reading one file of a reviews folder gave: the review workbook it holds, or why it was refused. */
public sealed interface ReviewOutcome {

    record Read(ReviewWorkbook workbook) implements ReviewOutcome {
    }

    /**
     * @param refusal   as for a return: file-unreadable, file-encrypted, template-mismatch, or review-mismatch
     *                  for a workbook that is no review workbook; its unit clues are empty
     * @param groupClue the supervision group the file names, as written (its 督查组 value, its marker, else its
     *                  file or folder name), for the exception to reach that group's supervisors; not yet
     *                  checked against the ledger
     */
    record Refused(ReadOutcome.Refused refusal, Optional<String> groupClue) implements ReviewOutcome {
    }
}
