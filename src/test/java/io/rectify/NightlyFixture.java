package io.rectify;

import static io.rectify.intake.TestWorkbooks.row;

import io.rectify.intake.ReturnLayout;
import io.rectify.intake.TestWorkbooks;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.ops.DataLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An input folder for whole nightly runs: the small standard ledger of {@link LedgerWorkbookFixture}
 * (units U01-U05, tasks T01-T06) and two months of returns from its units, laid out as the
 * template is. Every input file is dated 2024-04-03, so that no run takes one for a file still
 * being written and every run sees the same times.
 */
public final class NightlyFixture {

    /** When the units saved their returns. */
    public static final Instant SAVED = Instant.parse("2024-04-03T02:00:00Z");

    private NightlyFixture() {
    }

    /** Writes the standard ledger and the returns of 2024-02 and 2024-03 into {@code input}. */
    public static void standard(Path input) {
        LedgerWorkbookFixture.standard().writeToMaster(input);
        Path february = input.resolve("returns/2024-02");
        write(february.resolve("U01 区发展改革委.xlsx"), unitReturn("U01", "区发展改革委", "2024-02", LocalDate.of(2024, 3, 4),
                row("T01", "推进中", null, "已起草实施意见"), row("T06", "推进中", null, "开展回头看")));
        write(february.resolve("U02.xlsx"), unitReturn("U02", "区财政局", "2024-02", LocalDate.of(2024, 3, 5),
                row("T02", "推进中", null, "资金方案审议中")));
        write(february.resolve("第二组/U03.xlsx"), unitReturn("U03", "区科委", "2024-02", LocalDate.of(2024, 3, 5),
                row("T03", "推进中", null, "月度例会")));
        write(february.resolve("第二组/U04.xlsx"), unitReturn("U04", "区教育局", "2024-02", LocalDate.of(2024, 3, 6),
                row("T04", "未启动")));
        Path march = input.resolve("returns/2024-03");
        write(march.resolve("U01 区发展改革委.xlsx"), unitReturn("U01", "区发展改革委", "2024-03", LocalDate.of(2024, 4, 3),
                row("T01", "已完成", LocalDate.of(2024, 3, 10), "实施意见已印发", "区发改〔2024〕5号"),
                row("T06", "推进中", null, "开展回头看")));
        write(march.resolve("U02.xlsx"), unitReturn("U02", "区财政局", "2024-03", LocalDate.of(2024, 4, 3),
                row("T02", "已完成", LocalDate.of(2024, 3, 20), "专项资金已设立")));
        write(march.resolve("第二组/U03.xlsx"), withLists(unitReturn("U03", "区科委", "2024-03", LocalDate.of(2024, 4, 3),
                row("T03", "推进中", null, "月度例会")), row("重大项目推进工作规则", "区科发〔2024〕2号", "新建", LocalDate.of(2024, 3, 1)),
                row("诫勉谈话", 1, "项目推进不力")));
        write(march.resolve("第二组/U04.xlsx"), unitReturn("U04", "区教育局", "2024-03", LocalDate.of(2024, 4, 8),
                row("T04", "推进中", null, "专员制度起草中")));
        write(march.resolve("U05.xlsx"), unitReturn("U05", "区民政局", "2024-03", LocalDate.of(2024, 4, 2),
                row("T05", "推进中", null, "责任清单征求意见")));
        dateEverything(input);
    }

    /**
     * A return as the template lays it out: title, then 单位代码, 单位名称, 报送期次, 报送日期 in rows
     * 2-5, the header in row 7 (任务编号, 整改状态, 完成日期, 进展情况, 佐证材料, 备注) and the tasks below.
     */
    public static Consumer<TestWorkbooks.Writer> unitReturn(String code, String name, String period, LocalDate submitted,
                                                            Object[]... tasks) {
        return w -> {
            List<Object[]> rows = new ArrayList<>(List.of(row("区直单位巡视整改进展报送表"), row(ReturnLayout.UNIT_CODE, code),
                    row(ReturnLayout.UNIT_NAME, name), row(ReturnLayout.PERIOD, period), row(ReturnLayout.SUBMITTED_ON, submitted),
                    row(), row(ReturnLayout.TASK_CODE, ReturnLayout.STATUS, ReturnLayout.COMPLETION_DATE, ReturnLayout.PROGRESS,
                            ReturnLayout.EVIDENCE, ReturnLayout.REMARK)));
            rows.addAll(Arrays.asList(tasks));
            w.sheet(ReturnLayout.PROGRESS_SHEET, rows.toArray(Object[][]::new));
        };
    }

    /** A return with one institution (制度名称, 文号, 类型, 印发日期) and one accountability row (类型, 人数, 说明). */
    public static Consumer<TestWorkbooks.Writer> withLists(Consumer<TestWorkbooks.Writer> progress, Object[] institution,
                                                           Object[] accountability) {
        return progress.andThen(w -> {
            w.sheet(ReturnLayout.INSTITUTION_SHEET, row("制度名称", "文号", "类型", "印发日期"), institution);
            w.sheet(ReturnLayout.ACCOUNTABILITY_SHEET, row("类型", "人数", "说明"), accountability);
        });
    }

    public static Path write(Path file, Consumer<TestWorkbooks.Writer> content) {
        try {
            return TestWorkbooks.xlsx(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives every file under {@code folder} the time {@link #SAVED}. */
    public static void dateEverything(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(SAVED));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file under {@code folder} (hidden ones too) by its '/'-separated relative path, with its
     * bytes; but the output folder's lock file, which says which process held it last.
     */
    public static Map<String, byte[]> snapshot(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(f -> Files.isRegularFile(f)
                    && !f.getFileName().toString().equals(DataLock.OUTPUT_FILE_NAME)).toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The files whose bytes differ between two snapshots, or that only one holds. */
    public static List<String> differences(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        List<String> different = new ArrayList<>();
        for (String name : expected.keySet()) {
            if (!actual.containsKey(name)) {
                different.add("missing " + name);
            } else if (!Arrays.equals(expected.get(name), actual.get(name))) {
                different.add("changed " + name);
            }
        }
        actual.keySet().stream().filter(name -> !expected.containsKey(name)).forEach(name -> different.add("extra " + name));
        return different;
    }
}
