package io.rectify.portal.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.UnitFigures;
import io.rectify.ledger.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbooks a group is offered are those of its own units that the nightly wrote, looked up by name only. */
class GroupFilesTest {

    private static final YearMonth MARCH = YearMonth.of(2024, 3);
    private static final TaskCount NONE = new TaskCount(0, 0, 0, 0, 0, 0, 0, 0);
    private static final Unit OURS = new Unit("U01", "区发展改革委", "第一督查组", null, null);
    private static final Unit THEIRS = new Unit("U03", "区科委", "第二督查组", null, null);

    @TempDir
    Path output;

    private void write(String path) throws IOException {
        Path file = output.resolve("2024-03").resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
    }

    private GroupFiles files() {
        return GroupFiles.of(output, MARCH, "第一督查组",
                List.of(new UnitFigures(OURS, true, null, List.of(), NONE), new UnitFigures(THEIRS, true, null, List.of(), NONE)));
    }

    @Test
    void offersTheGroupsSignOffAndItsUnitsReceiptsMarkedCopiesAndNotices() throws IOException {
        write("销号审核/第一督查组-销号审核表.xlsx");
        write("销号审核/第二督查组-销号审核表.xlsx");
        write("回执/U01-区发展改革委-2024-03-回执.xlsx");
        write("回执/U01-区发展改革委-2024-03-标注.xls");
        write("督办单/U01-区发展改革委-2024-03-督办单.xlsx");
        write("回执/U03-区科委-2024-03-回执.xlsx");
        write("汇总统计.xlsx");

        assertThat(files().files()).extracting(GroupFiles.GroupFile::path).containsExactly(
                "销号审核/第一督查组-销号审核表.xlsx", "回执/U01-区发展改革委-2024-03-回执.xlsx",
                "回执/U01-区发展改革委-2024-03-标注.xls", "督办单/U01-区发展改革委-2024-03-督办单.xlsx");
        assertThat(files().named("U01-区发展改革委-2024-03-标注.xls")).get()
                .extracting(GroupFiles.GroupFile::contentType).isEqualTo("application/vnd.ms-excel");
    }

    @Test
    void offersNothingTheNightlyDidNotWrite() {
        assertThat(files().files()).isEmpty();
    }

    @Test
    void aNameOutsideTheListIsNotFoundEvenWhenTheFileExists() throws IOException {
        write("回执/U03-区科委-2024-03-回执.xlsx");
        write("汇总统计.xlsx");

        for (String name : List.of("U03-区科委-2024-03-回执.xlsx", "汇总统计.xlsx", "../2024-03/汇总统计.xlsx",
                "回执/U03-区科委-2024-03-回执.xlsx")) {
            assertThat(files().named(name)).as(name).isEmpty();
        }
    }
}
