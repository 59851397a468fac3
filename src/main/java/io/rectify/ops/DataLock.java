package io.rectify.ops;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One Rectify process at a time per data folder: the lock file {@code <data>/rectify.lock},
 * locked with {@link FileChannel#tryLock()} for the life of the command. A second process finds it
 * locked and ends at once, told which process holds it. The operating system releases the lock
 * when its process ends however it ends, so a killed run never leaves the folder locked; the file
 * stays and only says who held it last.
 */
public final class DataLock implements AutoCloseable {

    public static final String FILE_NAME = "rectify.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The data folder is locked by another process. */
    public static final class Held extends Exception {
        Held(String message) {
            super(message);
        }
    }

    /**
     * Locks the data folder for {@code command}, creating the folder and the lock file as needed.
     *
     * @throws Held        when another process holds the lock
     * @throws IOException when the lock file cannot be created or written
     */
    public static DataLock acquire(Path data, String command) throws Held, IOException {
        Files.createDirectories(data);
        Path file = data.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM already holds it: a second command in the same process waits its turn too
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new Held("another Rectify process is working on the data folder " + data + ": its lock "
                    + file + " is held by " + (holder.isEmpty() ? "a process that has not said which it is" : holder)
                    + ". Wait for it to finish, then run the command again (the lock goes with its process, "
                    + "so a run that was killed does not hold it).");
        }
        String me = "process " + ManagementFactory.getRuntimeMXBean().getPid() + " (" + command + ", started "
                + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ")";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new DataLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return ""; // where locks are mandatory (Windows) the holder's text cannot be read
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
