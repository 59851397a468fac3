package io.rectify.intake;

import java.util.Arrays;

/**
 * A file under a period folder that is not read: an Office lock file, a hidden file or another
 * file type (reported as skipped-file, info).
 *
 * @param relative path relative to the period folder, '/' separated
 * @param reason   why it was skipped, in Chinese
 */
public record SkippedFile(String relative, String reason) {

    /**
     * Whether a skipped path is a return left unread (still being written, or not accessible), as
     * opposed to a lock file, a hidden file or folder, or another file type such as a scanned PDF
     * put beside the returns: only the former make a period's figures incomplete.
     */
    public static boolean unreadReturn(String relative) {
        String[] parts = relative.split("/");
        String name = parts[parts.length - 1];
        return PeriodFolderScanner.returnFile(name) && !name.startsWith("~$")
                && Arrays.stream(parts).noneMatch(part -> part.startsWith("."));
    }
}
