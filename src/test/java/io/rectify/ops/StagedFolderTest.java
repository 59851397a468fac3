package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Period folders swapped in whole, and the start-up sweep that clears only what Rectify left. */
class StagedFolderTest {

    @TempDir
    Path output;

    @Test
    void theSweepRemovesOnlyRectifysOwnLeftoversAndNeverTheOfficesFiles() throws IOException {
        Path march = Files.createDirectories(output.resolve("2024-03"));
        Files.writeString(march.resolve("备注.docx"), "the office's notes");
        Files.writeString(output.resolve("tmp123"), "another program's file");
        Files.writeString(Files.createDirectories(output.resolve("notes.previous")).resolve("a.txt"), "kept");
        Files.writeString(march.resolve(".writing-123.tmp"), "half a file");
        Path staging = Files.createDirectories(output.resolve(".2024-03.staging-4242-987654321"));
        Files.writeString(Files.createDirectories(staging.resolve("回执")).resolve("U01.xlsx"), "half a run");

        assertThat(AtomicFiles.removeLeftovers(output)).isEqualTo(2);

        assertThat(march.resolve("备注.docx")).hasContent("the office's notes");
        assertThat(output.resolve("tmp123")).hasContent("another program's file");
        assertThat(output.resolve("notes.previous/a.txt")).hasContent("kept");
        assertThat(march.resolve(".writing-123.tmp")).doesNotExist();
        assertThat(staging).doesNotExist();
    }

    @Test
    void aSwapCutShortBetweenItsTwoMovesIsPutBackByTheSweep() throws IOException {
        Path previous = Files.createDirectories(output.resolve("2024-03.previous"));
        Files.writeString(previous.resolve("通报.txt"), "the last complete run");
        Files.writeString(Files.createDirectories(output.resolve("2024-02.previous")).resolve("通报.txt"), "replaced");
        Files.writeString(Files.createDirectories(output.resolve("2024-02")).resolve("通报.txt"), "swapped in");

        AtomicFiles.removeLeftovers(output);

        assertThat(output.resolve("2024-03/通报.txt")).hasContent("the last complete run");
        assertThat(output.resolve("2024-02/通报.txt")).hasContent("swapped in");
        assertThat(output.resolve("2024-03.previous")).doesNotExist();
        assertThat(output.resolve("2024-02.previous")).doesNotExist();
    }

    @Test
    void theOfficesOwnPreviousAndStagingLikeFoldersBelowTheTopAreLeftAlone() throws IOException {
        Path archived = Files.createDirectories(output.resolve("归档/2024-03.previous"));
        Files.writeString(archived.resolve("通报.txt"), "the office's copy of March");
        Path hidden = Files.createDirectories(output.resolve("归档/.2024-03.staging-1-2"));
        Files.writeString(hidden.resolve("备注.txt"), "kept");
        Files.writeString(Files.createDirectories(output.resolve("归档/2024-03")).resolve(".writing-1.tmp"), "half a file");

        assertThat(AtomicFiles.removeLeftovers(output)).isEqualTo(1);

        assertThat(archived.resolve("通报.txt")).hasContent("the office's copy of March");
        assertThat(hidden.resolve("备注.txt")).hasContent("kept");
        assertThat(output.resolve("归档/2024-03/.writing-1.tmp")).doesNotExist();
    }

    @Test
    void aPublishedFolderHoldsOnlyTheNewRunsOutputsAndTheOfficesOwnFiles() throws IOException {
        Path march = Files.createDirectories(output.resolve("2024-03"));
        Files.writeString(march.resolve("通报.txt"), "old run");
        Files.writeString(march.resolve("old-only.txt"), "an output the new run no longer writes");
        Files.writeString(march.resolve("备注.docx"), "the office's notes");

        try (StagedFolder staged = StagedFolder.create(march)) {
            Files.writeString(staged.path().resolve("通报.txt"), "new run");
            assertThat(march.resolve("通报.txt")).as("unchanged until published").hasContent("old run");
            staged.publish(name -> name.equals("通报.txt") || name.equals("old-only.txt"));
        }

        assertThat(march.resolve("通报.txt")).hasContent("new run");
        assertThat(march.resolve("备注.docx")).hasContent("the office's notes");
        assertThat(march.resolve("old-only.txt")).doesNotExist();
        try (var entries = Files.list(output)) {
            assertThat(entries).containsExactly(march);
        }
    }

    @Test
    void anOutputOfAnOpenStagingFolderIsWrittenInPlaceAndPublishedReadableByAll() throws IOException {
        Path march = output.resolve("2024-03");
        try (StagedFolder staged = StagedFolder.create(march)) {
            Path receipt = staged.path().resolve("回执/U01-回执.xlsx");
            AtomicFiles.write(receipt, out -> {
                assertThat(receipt).as("no temporary file and move inside the staging folder").exists();
                out.write("receipt".getBytes(StandardCharsets.UTF_8));
            });
            staged.publish(name -> true);
        }

        assertThat(march.resolve("回执/U01-回执.xlsx")).hasContent("receipt");
        assertThat(Files.getPosixFilePermissions(march.resolve("回执/U01-回执.xlsx")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void anOutputThatFailsInAStagingFolderLeavesNoHalfFile() throws IOException {
        try (StagedFolder staged = StagedFolder.create(output.resolve("2024-03"))) {
            Path summary = staged.path().resolve("summary.json");

            assertThatThrownBy(() -> AtomicFiles.write(summary, out -> {
                out.write('{');
                throw new IOException("cut off");
            })).hasMessage("cut off");

            assertThat(summary).doesNotExist();
        }
    }
}
