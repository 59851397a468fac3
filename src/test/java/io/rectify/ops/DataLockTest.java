package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder's lock within one JVM; between processes see {@link KilledAndConcurrentRunsTest}. */
class DataLockTest {

    @TempDir
    Path data;

    @Test
    void aSecondCommandIsRefusedWhileTheFirstHoldsTheLockAndMayGoOnceItIsReleased() throws Exception {
        try (DataLock first = DataLock.acquire(data, "nightly")) {
            assertThat(Files.readString(data.resolve(DataLock.FILE_NAME)))
                    .startsWith("process " + ManagementFactory.getRuntimeMXBean().getPid() + " (nightly, started ");

            assertThatThrownBy(() -> DataLock.acquire(data, "backup")).isInstanceOf(DataLock.Held.class)
                    .hasMessageContaining(data.resolve(DataLock.FILE_NAME).toString())
                    .hasMessageContaining("(nightly, started ");
        }
        try (DataLock again = DataLock.acquire(data, "backup")) {
            assertThat(Files.readString(data.resolve(DataLock.FILE_NAME))).contains("(backup, started ");
        }
    }

    @Test
    void theDataFolderIsCreatedWhenMissing() throws IOException, DataLock.Held {
        Path fresh = data.resolve("new/data");
        try (DataLock lock = DataLock.acquire(fresh, "import-ledger")) {
            assertThat(fresh.resolve(DataLock.FILE_NAME)).isRegularFile();
        }
    }
}
