package io.rectify.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes output files so that no reader ever sees half a file: the content goes to a temporary
 * file in the same folder, is forced to disk, and is then moved over the target in one step. A
 * process killed meanwhile leaves only the temporary file, which {@link #removeLeftovers} clears.
 * Inside an open {@link StagedFolder} an output is written in place instead, and forced to disk with
 * the whole folder when it is published.
 */
public final class AtomicFiles {

    /** Writes content to an output stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMPORARY_PREFIX = ".writing-";
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /**
     * Clears what a killed process left under {@code folder}, and only that: temporary files
     * ({@code .writing-*.tmp}, at any depth) and staging folders ({@code .<name>.staging-*}, directly
     * in {@code folder}) are deleted, never an output, as the move into place did not happen; a
     * {@code <YYYY-MM>.previous} folder directly in {@code folder} whose swap was cut short is put back
     * as {@code <YYYY-MM>} when that is missing, else deleted. Every other file
     * under {@code folder} is someone else's and stays. Only safe while no other process writes there
     * (the {@link DataLock} holder).
     *
     * @return how many files and folders were deleted or put back
     */
    public static int removeLeftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        // period folders are staged directly under the output folder: a deeper 2024-03.previous is the office's own
        List<Path> staged;
        try (Stream<Path> entries = Files.list(folder)) {
            staged = entries.filter(f -> StagedFolder.isStaging(f) || StagedFolder.previousOf(f) != null).toList();
        }
        int removed = 0;
        for (Path leftover : staged) {
            Path target = StagedFolder.previousOf(leftover);
            if (target != null && !Files.exists(target)) {
                StagedFolder.move(leftover, target);
            } else {
                StagedFolder.deleteTree(leftover);
            }
            removed++;
        }
        // temporary files sit beside their target, at any depth (the archive's are two folders down)
        List<Path> temporaries;
        try (Stream<Path> files = Files.walk(folder)) {
            temporaries = files.filter(AtomicFiles::temporary).toList();
        }
        for (Path temporary : temporaries) {
            Files.deleteIfExists(temporary);
            removed++;
        }
        return removed;
    }

    private static boolean temporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMPORARY_PREFIX) && name.endsWith(TEMPORARY_SUFFIX) && Files.isRegularFile(file);
    }

    /** Writes an output, readable by all as the office shares it. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    /** Writes a file readable by its owner only: a secret, or what holds one. */
    public static void writeOwnerOnly(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    private static void write(Path target, Content content, boolean shared) throws IOException {
        Path folder = target.toAbsolutePath().normalize().getParent();
        Files.createDirectories(folder);
        if (shared && StagedFolder.isOpenStaging(folder)) {
            writeStaged(target, content);
            return;
        }
        Path temporary = Files.createTempFile(folder, TEMPORARY_PREFIX, TEMPORARY_SUFFIX);
        try {
            if (shared) {
                readableByAll(temporary);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                // on disk before it takes the target's name: after a power cut the name holds old or new bytes, never none
                channel.force(true);
            }
            PausePoint.beforeReplacing(target);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            throw named(target, e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes an output into a staging folder: no reader sees it before the folder is published, forced then. */
    private static void writeStaged(Path target, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            readableByAll(target);
            OutputStream out = Channels.newOutputStream(channel);
            content.writeTo(out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw named(target, e);
        }
        PausePoint.beforeReplacing(target);
    }

    /**
     * The failure to write {@code target} as it is to be thrown: named by its real cause when known. POI
     * wraps some write failures in unchecked exceptions, and may follow one with its own message.
     */
    private static IOException named(Path target, Exception failure) {
        Optional<IOException> named = FailureCause.naming(target, failure);
        if (named.isPresent()) {
            return named.get();
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        return (IOException) failure;
    }

    /** Outputs are shared with the office: not the owner-only mode temporary files get (rw-------). */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
