package io.rectify.consolidate;

/**
 * A feedback point (反馈问题) summarised by its problems and tasks; problems the ledger gives no
 * feedback point are gathered under one line with seq 0 and an empty name.
 */
public record FeedbackPointFigures(int seq, String category, String name, ProblemCount problems, TaskCount tasks) {
}
