package io.rectify.report;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.SubmissionCount;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.ops.AtomicFiles;
import io.rectify.ops.Parallel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.util.Reproducibility;
import org.springframework.stereotype.Component;

/**
 * Writes the outputs of SPEC §5 for a consolidated period into {@code <output>/<YYYY-MM>/}, each
 * file atomically. The same consolidation gives the same bytes.
 */
@Component
public class ReportWriter {

    public static final String STATISTICS = "汇总统计.xlsx";
    public static final String EXCEPTIONS = "异常清单.xlsx";
    public static final String RECEIPTS = "回执";
    public static final String BULLETIN = "通报.txt";
    public static final String SUMMARY = "summary.json";
    public static final String EXCEPTIONS_CSV = "exceptions.csv";

    /**
     * @param output the output root (--output); the files go to its sub-folder named by the period
     */
    public WrittenReport write(Consolidation consolidation, Path output) throws IOException {
        Path folder = output.resolve(consolidation.period().toString());
        List<Path> files = new ArrayList<>();
        Path summary = folder.resolve(SUMMARY);
        AtomicFiles.write(summary, out -> out.write(SummaryJson.bytes(consolidation)));
        files.add(summary);
        Path csv = folder.resolve(EXCEPTIONS_CSV);
        AtomicFiles.write(csv, out -> ExceptionsCsv.write(consolidation.exceptions(), out));
        files.add(csv);
        Path bulletin = folder.resolve(BULLETIN);
        AtomicFiles.write(bulletin, out -> out.write((Bulletin.text(consolidation.headline()) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        files.add(bulletin);
        Path statistics = folder.resolve(STATISTICS);
        StatisticsWorkbook.write(consolidation, statistics);
        files.add(statistics);
        Path exceptions = folder.resolve(EXCEPTIONS);
        ExceptionWorkbook.write(consolidation, exceptions);
        files.add(exceptions);
        files.addAll(receipts(consolidation, folder.resolve(RECEIPTS)));
        return new WrittenReport(folder, List.copyOf(files), consoleSummary(consolidation, folder));
    }

    /** One receipt per ledger unit; receipts left from an earlier run for units no longer in the ledger are removed. */
    private static List<Path> receipts(Consolidation consolidation, Path folder) throws IOException {
        // POI's reproducible-save switch is one flag for the whole JVM: set here, around every
        // thread's save, so that no thread's save ends it while another is still writing
        // each receipt is made when got (Consolidation#receipts), so on the writing thread, by index
        List<UnitReceipt> receipts = consolidation.receipts();
        List<Integer> indexes = IntStream.range(0, receipts.size()).boxed().toList();
        List<List<Path>> result = new ArrayList<>();
        Reproducibility.runWithSourceDateEpoch(() -> result.add(Parallel.map(indexes, index -> {
            UnitReceipt receipt = receipts.get(index);
            Path target = folder.resolve(fileName(receipt.unit().unit().code()) + ".xlsx");
            ReceiptWorkbook.write(consolidation, receipt, target);
            return target;
        })));
        List<Path> written = result.get(0);
        Set<Path> current = new HashSet<>(written);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> old = Files.list(folder)) {
                for (Path stale : old.filter(p -> p.toString().endsWith(".xlsx") && !current.contains(p)).toList()) {
                    Files.delete(stale);
                }
            }
        }
        return written;
    }

    /** A unit code made safe as a file name on every system. */
    static String fileName(String code) {
        return code.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    static String consoleSummary(Consolidation c, Path folder) {
        PeriodFigures f = c.headline();
        SubmissionCount s = f.submissions();
        return String.join("\n",
                "汇总完成：" + Labels.period(c.period()) + "（截至 " + c.asOf() + "）",
                Bulletin.text(f),
                "报送：应报送 %d 个单位，已报送 %d，未报送 %d，逾期报送 %d，退回文件 %d"
                        .formatted(s.expected(), s.accepted(), s.missing(), s.late(), s.rejectedFiles()),
                "异常：错误 %d 条，警告 %d 条，提示 %d 条"
                        .formatted(f.exceptions().error(), f.exceptions().warning(), f.exceptions().info()),
                "输出：" + folder.toAbsolutePath() + "（" + STATISTICS + "、" + EXCEPTIONS + "、" + RECEIPTS + " "
                        + c.receipts().size() + " 份、" + BULLETIN + "、" + SUMMARY + "、" + EXCEPTIONS_CSV + "）");
    }
}
