package io.rectify.intake;

/**
 * A file under a period folder that is not read: an Office lock file, a hidden file or another
 * file type (reported as skipped-file, info).
 *
 * @param relative path relative to the period folder, '/' separated
 * @param reason   why it was skipped, in Chinese
 */
public record SkippedFile(String relative, String reason) {
}
