package io.rectify.intake;

import io.rectify.ops.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * The archive of every return ever seen: {@code <data>/archive/<first two hex digits>/<sha256>},
 * one copy per distinct content whatever its name or extension (the content decides how it is
 * read, see {@link ReturnReader}). Storing is idempotent and atomic; the input file is only read.
 */
public final class Archive {

    private final Path folder;

    /** @param dataFolder {@code <data>} */
    public Archive(Path dataFolder) {
        this.folder = dataFolder.resolve("archive");
    }

    /** {@code <data>/archive}: every archived file is in a sub-folder of it. */
    public Path folder() {
        return folder;
    }

    /** Where a content hash is (or would be) archived. */
    public Path pathOf(String sha256) {
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Copies a found file into the archive unless its content is already there.
     *
     * @return the archived copy
     * @throws IOException when the file cannot be read, or its content no longer has the hash it
     *                     was found with (it changed after the scan); nothing is archived then
     */
    public Path store(FoundFile file) throws IOException {
        Path target = pathOf(file.sha256());
        if (Files.isRegularFile(target)) {
            return target;
        }
        AtomicFiles.write(target, out -> {
            MessageDigest digest = Sha256.digest();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file.path(), LinkOption.NOFOLLOW_LINKS), digest)) {
                in.transferTo(out);
            }
            String copied = Sha256.hex(digest);
            if (!copied.equals(file.sha256())) {
                throw new IOException(file.relative() + " changed after it was scanned (sha256 " + file.sha256()
                        + ", now " + copied + ")");
            }
        });
        return target;
    }
}
