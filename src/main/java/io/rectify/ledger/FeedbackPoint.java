package io.rectify.ledger;

/** A feedback point (反馈问题) within a category; {@code seq} is its order of first appearance, from 1. */
public record FeedbackPoint(int seq, int categorySeq, String title) {
}
