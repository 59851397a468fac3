package io.rectify.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The real cause of a failure to write, in the words the office acts on: the disk is full, there
 * is no permission, the file system is read-only, or a file stands where a folder or file must go;
 * with the path. Found anywhere in an exception's causes and suppressed exceptions, so that a
 * library's follow-on message ("This archive contains unclosed entries") never hides it.
 */
public final class FailureCause {

    /** Below this much free space a write that failed without saying why failed for want of space. */
    private static final long LOW_SPACE = 1024 * 1024;
    private static final String NO_SPACE = "No space left on device";

    private FailureCause() {
    }

    /** A cause the office can remove, how it is recognised, and how it is said. */
    enum Kind {
        DISK_FULL("磁盘空间不足", List.of(NO_SPACE, "Disk quota exceeded", "not enough space on the disk"), List.of()),
        READ_ONLY("文件系统为只读", List.of("Read-only file system"), List.of("ReadOnlyFileSystemException")),
        NO_PERMISSION("没有写入权限", List.of("Permission denied", "Access is denied", "Operation not permitted"),
                List.of("AccessDeniedException")),
        NAME_TAKEN("该位置已有同名文件", List.of("Not a directory", "File exists", "Is a directory"),
                List.of("FileAlreadyExistsException", "NotDirectoryException")),
        NOT_FOUND("找不到文件或文件夹", List.of("No such file or directory"), List.of("NoSuchFileException"));

        private final String label;
        private final List<String> reasons;
        private final List<String> exceptions;

        Kind(String label, List<String> reasons, List<String> exceptions) {
            this.label = label;
            this.reasons = reasons;
            this.exceptions = exceptions;
        }

        static Optional<Kind> of(String exception, String text) {
            String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
            for (Kind kind : values()) {
                if (kind.exceptions.contains(exception)
                        || kind.reasons.stream().anyMatch(r -> lower.contains(r.toLowerCase(Locale.ROOT)))) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        String say(String path) {
            return path == null || path.isBlank() ? label : label + "：" + path;
        }
    }

    /** The cause of {@code failure} in Chinese with its path; empty when it is none of the known ones. */
    public static Optional<String> of(Throwable failure) {
        for (Throwable t : chain(failure)) {
            String name = t.getClass().getSimpleName();
            if (t instanceof FileSystemException e) {
                Optional<Kind> kind = Kind.of(name, e.getReason());
                if (kind.isPresent()) {
                    return Optional.of(kind.get().say(e.getFile()));
                }
            } else if (t instanceof IOException || t instanceof UncheckedIOException) {
                Optional<Kind> kind = Kind.of(name, t.getMessage());
                if (kind.isPresent()) {
                    return Optional.of(kind.get().say(null));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The cause told by the first line of a stored failure ({@code exception} is the simple class
     * name, {@code message} its message); empty when it is none of the known ones.
     */
    public static Optional<String> ofLine(String exception, String message) {
        return Kind.of(exception, message).map(kind -> {
            // FileSystemException's message: "<file>[ -> <other>][: <reason>]"
            int reason = kind.reasons.stream().map(r -> message.indexOf(": " + r)).filter(i -> i > 0).findFirst().orElse(-1);
            return kind.say(reason > 0 ? message.substring(0, reason) : message);
        });
    }

    /**
     * What to throw when writing {@code target} failed with {@code failure}, when its real reason is
     * known: a {@link FileSystemException} naming the target and the reason (a failure without a
     * known reason on a nearly full disk is the disk being full). Empty when the failure already
     * names its file, or its reason is not known.
     */
    static Optional<IOException> naming(Path target, Exception failure) {
        if (failure instanceof FileSystemException e && e.getFile() != null && of(e).isPresent()) {
            return Optional.empty();
        }
        String reason = chain(failure).stream()
                .filter(t -> Kind.of(t.getClass().getSimpleName(), t.getMessage()).isPresent())
                .map(Throwable::getMessage).findFirst()
                .orElse(nearlyFull(target) ? NO_SPACE : null);
        if (reason == null) {
            return Optional.empty();
        }
        return Optional.of((IOException) new FileSystemException(target.toString(), null, reason).initCause(failure));
    }

    private static boolean nearlyFull(Path target) {
        try {
            Path existing = target.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).getUsableSpace() < LOW_SPACE;
        } catch (IOException e) {
            return false;
        }
    }

    /** The failure, its causes and suppressed exceptions, breadth first, each once. */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> queue = new ArrayDeque<>(List.of(failure));
        while (!queue.isEmpty()) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            queue.addAll(List.of(t.getSuppressed()));
        }
        return chain;
    }
}
