package io.rectify.ops;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A period's folder of outputs that readers only ever see whole, from one run: the run writes into a
 * staging folder beside it ({@code .<name>.staging-<pid>-<n>}) and {@link #publish} swaps it in.
 * During the swap the folder it replaces is kept as {@code <name>.previous}, so at every moment one
 * complete folder is there; a run killed before the swap leaves the previous folder untouched.
 * {@link AtomicFiles#removeLeftovers} deletes abandoned staging folders and finishes a swap a kill
 * cut short.
 *
 * <p>Files written into an open staging folder through {@link AtomicFiles} are written in place and not
 * forced to disk one by one: nobody reads the folder before it is published, and a run that does not
 * publish it deletes it. {@link #publish} forces all of them at once (many at a time, which the file
 * system commits together), and the folders, before the swap, and the swap itself after it: after a
 * power cut the period's folder is the previous one or the new one, whole.
 */
public final class StagedFolder implements AutoCloseable {

    static final String STAGING_INFIX = ".staging-";
    static final String PREVIOUS_SUFFIX = ".previous";
    private static final Pattern STAGING = Pattern.compile("\\..+\\.staging-\\d+-\\d+");
    /** Only period folders are staged: a user's own {@code x.previous} is never taken for a swap's. */
    private static final Pattern PREVIOUS = Pattern.compile("(\\d{4}-\\d{2})\\.previous");
    /** Files forced to disk at a time when publishing: the file system commits concurrent forces together. */
    private static final int FORCING_THREADS = 8;
    /** The staging folders not yet published or closed in this process. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path staging;
    private boolean published;

    private StagedFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Creates an empty staging folder for {@code target}, creating its parent as needed. */
    public static StagedFolder create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        String prefix = "." + absolute.getFileName() + STAGING_INFIX + ManagementFactory.getRuntimeMXBean().getPid() + "-";
        StagedFolder staged = new StagedFolder(absolute, Files.createTempDirectory(absolute.getParent(), prefix));
        OPEN.add(staged.staging);
        return staged;
    }

    /** Whether {@code folder} (absolute, normalised) is an open staging folder or inside one. */
    static boolean isOpenStaging(Path folder) {
        for (Path path = folder; path != null; path = path.getParent()) {
            if (OPEN.contains(path)) {
                return true;
            }
        }
        return false;
    }

    /** Where the outputs are written until {@link #publish}. */
    public Path path() {
        return staging;
    }

    /**
     * Puts the staging folder in the target's place. What others put in the target folder (the
     * office's notes, entries {@code ours} does not claim) is copied over first, so it survives.
     */
    public void publish(Predicate<String> ours) throws IOException {
        Path previous = previous(target);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a file, not a folder, has the period folder's name");
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                for (Path entry : entries.filter(e -> !ours.test(e.getFileName().toString())).toList()) {
                    copyTree(entry, staging.resolve(entry.getFileName().toString()));
                }
            }
            deleteTree(previous);
            move(target, previous);
        }
        force(staging);
        PausePoint.beforeReplacing(target);
        move(staging, target);
        published = true;
        OPEN.remove(staging);
        forceFolder(target.getParent());
        deleteTree(previous);
    }

    /** Forces every file under {@code root} to disk, then every folder, deepest first, {@code root} last. */
    private static void force(Path root) throws IOException {
        List<Path> files;
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.toList();
            files = all.stream().filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
            folders = all.stream().filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        }
        Parallel.map(files, FORCING_THREADS, file -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException e) {
                throw FailureCause.naming(file, e).orElse(e);
            }
            return file;
        });
        for (Path folder : folders) {
            forceFolder(folder);
        }
    }

    /**
     * Forces a folder's entries (the names in it) to disk. Windows cannot open a folder for that and
     * needs it not: its file system logs them itself.
     */
    private static void forceFolder(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** Deletes the staging folder of a run that did not publish it. */
    @Override
    public void close() throws IOException {
        OPEN.remove(staging);
        if (!published) {
            deleteTree(staging);
        }
    }

    static Path previous(Path target) {
        return target.resolveSibling(target.getFileName() + PREVIOUS_SUFFIX);
    }

    /** A staging folder this class made: {@code .<name>.staging-<pid>-<n>}. */
    static boolean isStaging(Path path) {
        return STAGING.matcher(path.getFileName().toString()).matches() && Files.isDirectory(path);
    }

    /**
     * The period folder a {@code <YYYY-MM>.previous} folder was kept for, when the swap it belonged to was cut
     * short; null for any other path.
     */
    static Path previousOf(Path path) {
        Matcher previous = PREVIOUS.matcher(path.getFileName().toString());
        return previous.matches() && Files.isDirectory(path) ? path.resolveSibling(previous.group(1)) : null;
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path copy = to.resolve(from.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(copy);
            } else {
                Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
