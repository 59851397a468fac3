package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureCauseTest {

    @TempDir
    Path folder;

    @Test
    void aDiskFullWhileWritingNamesTheCauseAndTheFileNotTheLibrarysFollowOnMessage() throws IOException {
        Path target = folder.resolve("汇总统计.xlsx");
        FileSystemException thrown = catchThrowableOfType(FileSystemException.class, () -> AtomicFiles.write(target, out -> {
            IOException archive = new IOException("This archive contains unclosed entries.");
            archive.addSuppressed(new IOException("No space left on device"));
            throw archive;
        }));

        assertThat(FailureCause.of(thrown)).contains("磁盘空间不足：" + target);
        assertThat(target).doesNotExist();
        try (var left = Files.list(folder)) {
            assertThat(left).as("no temporary file left").isEmpty();
        }
    }

    @Test
    void permissionReadOnlyAndAFileInTheWayAreEachNamedWithTheirPath() {
        assertThat(FailureCause.of(new AccessDeniedException("/srv/out/2024-03"))).contains("没有写入权限：/srv/out/2024-03");
        assertThat(FailureCause.of(new RuntimeException(new FileSystemException("/mnt/usb/out", null, "Read-only file system"))))
                .contains("文件系统为只读：/mnt/usb/out");
        assertThat(FailureCause.of(new FileSystemException("/srv/out/2024-03/回执", null, "Not a directory")))
                .contains("该位置已有同名文件：/srv/out/2024-03/回执");
        assertThat(FailureCause.of(new NullPointerException("Cannot invoke \"Object.toString()\""))).isEmpty();
    }

    @Test
    void aStoredFailureLineIsToldTheSameWay() {
        assertThat(FailureCause.ofLine("FileSystemException", "/srv/out/.2024-03.staging-1-2/summary.json: No space left on device"))
                .contains("磁盘空间不足：/srv/out/.2024-03.staging-1-2/summary.json");
        assertThat(FailureCause.ofLine("AccessDeniedException", "/srv/out")).contains("没有写入权限：/srv/out");
        assertThat(FailureCause.ofLine("IllegalStateException", "something else")).isEmpty();
    }
}
