package io.rectify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {

    @TempDir
    Path root;

    @Test
    void everyWorkbookIsArchivedByContentAndTheInputIsUnchanged() throws IOException {
        Path march = Files.createDirectories(root.resolve("input/returns/2024-03"));
        Path a = TestWorkbooks.xlsx(march.resolve("a.xlsx"), TestWorkbooks::typicalReturn);
        Path copy = Files.copy(a, Files.createDirectories(march.resolve("sub")).resolve("a-again.xls"));
        Files.write(march.resolve("b.xlsx"), new byte[] {1, 2, 3});
        List<byte[]> before = List.of(Files.readAllBytes(a), Files.readAllBytes(copy));
        FileTime modified = Files.getLastModifiedTime(a);

        PeriodScan scan = new PeriodFolderScanner(root.resolve("input/returns")).scan(YearMonth.of(2024, 3));
        Archive archive = new Archive(root.resolve("data"));
        for (FoundFile file : scan.workbooks()) {
            Path stored = archive.store(file);
            assertThat(stored).isEqualTo(root.resolve("data/archive").resolve(file.sha256().substring(0, 2)).resolve(file.sha256()));
            try (InputStream in = Files.newInputStream(stored)) {
                assertThat(Sha256.of(in)).isEqualTo(file.sha256());
            }
        }

        try (var stored = Files.walk(root.resolve("data/archive"))) {
            assertThat(stored.filter(Files::isRegularFile).count()).as("a and its copy are one content").isEqualTo(2);
        }
        assertThat(Files.readAllBytes(a)).isEqualTo(before.get(0));
        assertThat(Files.readAllBytes(copy)).isEqualTo(before.get(1));
        assertThat(Files.getLastModifiedTime(a)).isEqualTo(modified);
        try (var inputs = Files.walk(root.resolve("input"))) {
            assertThat(inputs.filter(Files::isRegularFile).count()).isEqualTo(3);
        }
    }

    @Test
    void storingAgainLeavesTheArchivedCopyAsItIs() throws IOException {
        Path file = Files.write(root.resolve("a.xlsx"), new byte[] {1, 2, 3});
        FoundFile found = found(file);
        Archive archive = new Archive(root.resolve("data"));
        Path stored = archive.store(found);
        FileTime first = Files.getLastModifiedTime(stored);
        Files.setLastModifiedTime(stored, FileTime.fromMillis(first.toMillis() - 60_000));

        assertThat(archive.store(found)).isEqualTo(stored);
        assertThat(Files.getLastModifiedTime(stored).toMillis()).isEqualTo(first.toMillis() - 60_000);
    }

    @Test
    void aFileChangedAfterItWasScannedIsNotArchivedUnderTheOldHash() throws IOException {
        Path file = Files.write(root.resolve("a.xlsx"), new byte[] {1, 2, 3});
        FoundFile found = found(file);
        Files.write(file, new byte[] {4, 5, 6});
        Archive archive = new Archive(root.resolve("data"));

        assertThatThrownBy(() -> archive.store(found)).isInstanceOf(IOException.class).hasMessageContaining("changed");
        assertThat(archive.pathOf(found.sha256())).doesNotExist();
        try (var left = Files.walk(root.resolve("data"))) {
            assertThat(left.filter(Files::isRegularFile)).as("no temporary file left behind").isEmpty();
        }
    }

    private static FoundFile found(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new FoundFile(file, file.getFileName().toString(), Files.size(file), Sha256.of(in),
                    Files.getLastModifiedTime(file).toInstant());
        }
    }
}
