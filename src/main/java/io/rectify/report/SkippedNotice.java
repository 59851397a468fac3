package io.rectify.report;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.SubmissionCount;
import io.rectify.intake.SkippedFile;
import io.rectify.rule.Rule;
import java.util.Optional;

/**
 * The warning every output of a period carries on its first page when most of the period's files
 * were not read (still being copied in when the run started, typically): its figures then say units
 * did not report who did. Only returns left unread count: lock files ({@code ~$...}), hidden files and
 * other file types (the scanned evidence PDFs units put beside their returns) do not.
 *
 * @param skipped the files of the period folder that were skipped
 * @param read    the files read: the units' accepted returns and the rejected files
 */
record SkippedNotice(int skipped, int read) {

    static Optional<SkippedNotice> of(Consolidation c) {
        int skipped = (int) c.exceptions().stream()
                .filter(e -> e.rule() == Rule.SKIPPED_FILE && e.file() != null && SkippedFile.unreadReturn(e.file()))
                .count();
        SubmissionCount submissions = c.headline().submissions();
        int read = submissions.accepted() + submissions.rejectedFiles();
        return skipped > 0 && skipped >= read ? Optional.of(new SkippedNotice(skipped, read)) : Optional.empty();
    }

    String text() {
        return "注意：本期文件夹中有 %d 份文件未读取（见异常清单中的“已跳过的文件”，多为运行时仍在复制或保存的文件），仅读取 %d 份，"
                .formatted(skipped, read)
                + "本期汇总不完整，“未报送”等数字可能不实；请确认文件已全部放好后重新运行汇总。";
    }
}
