package io.rectify.marking;

import io.rectify.consolidate.UnitReceipt;
import io.rectify.reconcile.ReturnFixture;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * U01's return of {@value #ROWS} rows, as large as the read limits let through, archived, with a
 * 缺少佐证材料 exception on {@code marked} of its rows spread evenly: what LargeReturnIT marks and the
 * marking benchmark times (docs/BENCHMARKS.md).
 */
final class LargeReturn {

    static final int ROWS = 5_000;

    private final ReturnMarker marker;
    private final UnitReceipt receipt;

    private LargeReturn(ReturnMarker marker, UnitReceipt receipt) {
        this.marker = marker;
        this.receipt = receipt;
    }

    /** Writes the return under {@code root}, archives it in {@code root/data}. */
    static LargeReturn archived(Path root, int marked) throws IOException {
        ReturnFixture large = ReturnFixture.unit("U01").name("区发改委").period("2024-03").submittedOn(LocalDate.of(2024, 4, 3));
        List<ExceptionEntry> exceptions = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String task = "P%04d-01".formatted(i);
            large.row(task, "已完成", LocalDate.of(2024, 3, 1), "已完成第" + i + "项");
            int row = ReturnFixture.FIRST_ROW + i;
            if (i % (ROWS / marked) == 0) {
                exceptions.add(ArchivedReturn.entry(Rule.MISSING_EVIDENCE, row, "E",
                        "第" + row + "行任务“" + task + "”已完成，但未填写佐证材料，请补充佐证材料"));
            }
        }
        Path file = large.write(root.resolve("returns/2024-03"), LocalDateTime.of(2024, 4, 3, 10, 0));
        return new LargeReturn(new ReturnMarker(ArchivedReturn.properties(root.resolve("data"))),
                ArchivedReturn.receipt(ArchivedReturn.archive(root.resolve("data"), file), exceptions));
    }

    /** The marked copy, written into {@code folder}. */
    Optional<Path> mark(Path folder) throws IOException {
        return ArchivedReturn.mark(marker, receipt, folder);
    }
}
