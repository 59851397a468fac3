package io.rectify.ledger;

/**
 * A problem (问题) of the 问题清单.
 *
 * @param feedbackPointSeq null when the ledger gives no 反馈问题 for it
 */
public record Problem(String code, int categorySeq, Integer feedbackPointSeq, String description) {
}
