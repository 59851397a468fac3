package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder's lock within one process; between processes see {@link KilledAndConcurrentRunsIT}. */
class DataLockTest {

    @TempDir
    Path data;

    @Test
    void theLockSaysWhoHoldsItAndIsHeldUntilItsLastHolderInTheProcessLetsGo() throws Exception {
        Path file = data.resolve(DataLock.FILE_NAME);
        try (DataLock command = DataLock.acquire(data, "nightly")) {
            assertThat(Files.readString(file))
                    .startsWith("process " + ManagementFactory.getRuntimeMXBean().getPid() + " (nightly, started ");
            try (DataLock job = DataLock.acquire(data, "nightly")) {
                assertThat(job).isNotSameAs(command);
            }
            assertThatThrownBy(() -> tryLock(file)).as("still held after the inner holder let go")
                    .isInstanceOf(OverlappingFileLockException.class);
        }
        assertThat(tryLock(file)).as("free once the command let go").isTrue();
    }

    @Test
    void theDataFolderIsCreatedWhenMissing() throws IOException, DataLock.Busy {
        Path fresh = data.resolve("new/data");
        try (DataLock lock = DataLock.acquire(fresh, "import-ledger")) {
            assertThat(fresh.resolve(DataLock.FILE_NAME)).isRegularFile();
        }
    }

    @Test
    void aFolderReachedThroughASymbolicLinkIsTheSameLock() throws Exception {
        Path link = Files.createSymbolicLink(data.resolveSibling(data.getFileName() + "-link"), data);
        try (DataLock real = DataLock.acquire(data, "nightly"); DataLock linked = DataLock.acquire(link, "backup")) {
            assertThat(linked).isNotSameAs(real);
        } finally {
            Files.delete(link);
        }
        assertThat(tryLock(data.resolve(DataLock.FILE_NAME))).as("free once both let go").isTrue();
    }

    private static boolean tryLock(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            return lock != null;
        }
    }
}
