package io.rectify.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderFinderTest {

    private static final List<Column> TASK_COLUMNS = List.of(
            Column.required("任务编号", "措施编号"),
            Column.required("牵头单位", "责任单位"),
            Column.optional("配合单位"));

    private static SheetRow row(int number, String... texts) {
        List<Cell> cells = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                cells.add(Cell.text(i, texts[i]));
            }
        }
        return new SheetRow(number, cells);
    }

    @Test
    void headerIsTheFirstRowHoldingEveryRequiredColumnBelowTitleRows() {
        HeaderFinder finder = new HeaderFinder(TASK_COLUMNS);

        assertThat(finder.offer(row(1, "任务清单"))).isFalse();
        assertThat(finder.offer(row(2, null, "填报说明：任务编号不得修改"))).isFalse();
        assertThat(finder.offer(row(3, "序号", " 配合单位 ", "牵头\n单位", "措施编号＊"))).isTrue();

        HeaderFinder.Header header = finder.header().orElseThrow();
        assertThat(header.rowNumber()).isEqualTo(3);
        assertThat(header.columns()).containsEntry("任务编号", 3).containsEntry("牵头单位", 2).containsEntry("配合单位", 1);
    }

    @Test
    void aColumnsOwnNameWinsOverASynonymFurtherLeft() {
        HeaderFinder finder = new HeaderFinder(TASK_COLUMNS);

        finder.offer(row(1, "任务编号", "责任单位", "牵头单位"));

        assertThat(finder.header().orElseThrow().columns()).containsEntry("牵头单位", 2);
    }

    @Test
    void missingColumnsAreNamedForTheRowThatCameClosest() {
        HeaderFinder finder = new HeaderFinder(TASK_COLUMNS);

        finder.offer(row(1, "任务清单"));
        finder.offer(row(2, "任务编号", "单位"));

        assertThat(finder.header()).isEmpty();
        assertThat(finder.missingColumns()).containsExactly("牵头单位");
        assertThat(finder.closestRow()).isEqualTo(2);
    }
}
