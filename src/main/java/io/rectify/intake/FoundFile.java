package io.rectify.intake;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file found under a period folder.
 *
 * @param path       where it is
 * @param relative   its path relative to the period folder, '/' separated (as reports show it)
 * @param size       bytes
 * @param sha256     hex digest of its content
 * @param modifiedAt last-modified time
 */
public record FoundFile(Path path, String relative, long size, String sha256, Instant modifiedAt) {
}
