package io.rectify.ops;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One Rectify process at a time writes to a data folder: the lock file {@code <data>/rectify.lock},
 * locked with {@link FileChannel#tryLock()} while a command writes ({@link Command#locksData}) or
 * while serve runs a job. A second process finds it locked and ends at once, told which process
 * holds it. Within one process the lock is re-entrant (a command holding it runs a job that asks
 * for it again). The operating system releases the lock when its process ends however it ends, so
 * a killed run never leaves the folder locked; the file stays and only says who held it last. The
 * same kind of lock, {@code <output>/.rectify-output.lock}, keeps two processes with different data
 * folders from writing one output folder at once ({@link #acquireOutput}).
 */
public final class DataLock implements AutoCloseable {

    public static final String FILE_NAME = "rectify.lock";
    /** The lock of an output folder: two data folders may share one, but not write it at once. */
    public static final String OUTPUT_FILE_NAME = ".rectify-output.lock";

    /** The locks this process holds, by lock file, with how many holders each has. */
    private static final Map<Path, Held> HELD_HERE = new HashMap<>();

    private record Held(FileChannel channel, FileLock lock, int holders) {
    }

    private final Path key;

    private DataLock(Path key) {
        this.key = key;
    }

    /** The data folder is locked by another process. */
    public static final class Busy extends Exception {
        Busy(String message) {
            super(message);
        }
    }

    /**
     * Locks the data folder for {@code command}, creating the folder and the lock file as needed.
     *
     * @throws Busy        when another process holds the lock
     * @throws IOException when the lock file cannot be created or written
     */
    public static DataLock acquire(Path data, String command) throws Busy, IOException {
        return acquire(real(data).resolve(FILE_NAME), command, (file, holder) ->
                "另一个 Rectify 进程正在使用数据文件夹 " + file.getParent() + "（锁文件 " + file + "，持有者："
                        + (holder.isEmpty() ? "未写明的进程" : holder) + "），本次未运行。请等它结束后再运行"
                        + "（锁随进程释放：被终止的进程不会一直占用它，无需删除锁文件）。");
    }

    /**
     * Locks the output folder for {@code command}, so that two processes with different data
     * folders never write the same period folder at once.
     *
     * @throws Busy        when another process holds the lock
     * @throws IOException when the lock file cannot be created or written
     */
    public static DataLock acquireOutput(Path output, String command) throws Busy, IOException {
        return acquire(real(output).resolve(OUTPUT_FILE_NAME), command, (file, holder) ->
                "另一个 Rectify 进程正在写入输出文件夹 " + file.getParent() + "（锁文件 " + file + "，持有者："
                        + (holder.isEmpty() ? "未写明的进程" : holder) + "），本次未运行。请等它结束后再运行；"
                        + "两个数据文件夹（--data）不要共用一个输出文件夹（--output）。");
    }

    /** One key per folder however it is spelt: through a symbolic link or not, it is one lock. */
    private static Path real(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    }

    private static DataLock acquire(Path file, String command, BiFunction<Path, String, String> busyMessage)
            throws Busy, IOException {
        synchronized (HELD_HERE) {
            Held held = HELD_HERE.get(file);
            if (held != null) {
                HELD_HERE.put(file, new Held(held.channel(), held.lock(), held.holders() + 1));
                return new DataLock(file);
            }
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new Busy(busyMessage.apply(file, holder));
            }
            String me = "process " + ManagementFactory.getRuntimeMXBean().getPid() + " (" + command + ", started "
                    + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ")";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            HELD_HERE.put(file, new Held(channel, lock, 1));
            return new DataLock(file);
        }
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
        synchronized (HELD_HERE) {
            Held held = HELD_HERE.get(key);
            if (held.holders() > 1) {
                HELD_HERE.put(key, new Held(held.channel(), held.lock(), held.holders() - 1));
                return;
            }
            HELD_HERE.remove(key);
            try {
                held.lock().release();
            } finally {
                held.channel().close();
            }
        }
    }
}
