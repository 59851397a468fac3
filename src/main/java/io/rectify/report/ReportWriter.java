package io.rectify.report;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.SubmissionCount;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.dashboard.Dashboard;
import io.rectify.dashboard.Links;
import io.rectify.intake.ReviewLayout;
import io.rectify.ledger.Unit;
import io.rectify.marking.ReturnMarker;
import io.rectify.ops.AtomicFiles;
import io.rectify.ops.Parallel;
import io.rectify.ops.RectifyProperties;
import io.rectify.ops.StagedFolder;
import io.rectify.review.ReviewWorkbooks;
import io.rectify.rule.Periods;
import io.rectify.scoring.Scores;
import io.rectify.scoring.Scoring;
import io.rectify.standing.Light;
import io.rectify.standing.Standings;
import io.rectify.standing.UnitStanding;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.poi.util.Reproducibility;
import org.springframework.stereotype.Component;

/**
 * Writes the outputs of a consolidated period into {@code <output>/<YYYY-MM>/}, all of them from
 * one run. The same consolidation gives the same bytes.
 */
@Component
public class ReportWriter {

    public static final String STATISTICS = "汇总统计.xlsx";
    public static final String EXCEPTIONS = "异常清单.xlsx";
    public static final String RECEIPTS = "回执";
    public static final String NOTICES = "督办单";
    public static final String BULLETIN = "通报.txt";
    public static final String SUMMARY = "summary.json";
    public static final String EXCEPTIONS_CSV = "exceptions.csv";
    public static final String DASHBOARD = "index.html";

    /** The names this writer gives the entries of a period folder; anything else there is someone else's. */
    private static final Set<String> OURS = Set.of(STATISTICS, EXCEPTIONS, RECEIPTS, NOTICES, BULLETIN, SUMMARY,
            EXCEPTIONS_CSV, DASHBOARD, ReviewLayout.SIGN_OFF_FOLDER, ReviewLayout.EXTENSION_FILE);

    private final ReturnMarker marker;
    private final Scoring scoring;
    /** Who issues the receipts (rectify.issuer). */
    private final String issuer;
    /** The share of a group's signed-off tasks its 销号审核表 spot-checks (rectify.spot-check-share). */
    private final double spotCheckShare;

    ReportWriter(ReturnMarker marker, Scoring scoring, RectifyProperties properties) {
        this.marker = marker;
        this.scoring = scoring;
        this.issuer = properties.issuer();
        this.spotCheckShare = properties.spotCheckShare();
    }

    /**
     * Writes the period's outputs into a staging folder and swaps it in for {@code <output>/<period>/}
     * only once every file is written ({@link StagedFolder}): a run that fails or is killed midway
     * leaves the previous run's folder as it was.
     *
     * @param output the output root (--output); the files go to its sub-folder named by the period
     */
    public WrittenReport write(Consolidation consolidation, Path output) throws IOException {
        return write(consolidation, output, "", List.of());
    }

    /**
     * Writes the period's outputs as {@link #write(Consolidation, Path)} does, but takes a unit's receipt, marked
     * copy and 督办单 over from the period folder being replaced (a hard link, else a copy) when what they show is
     * what the {@code previous} outputs were written from and each file still has the hash it was written with.
     *
     * @param build    the application's build: outputs written by another build are written again
     * @param previous the unit outputs of the period folder as last written ({@link WrittenReport#unitOutputs()})
     */
    public WrittenReport write(Consolidation consolidation, Path output, String build, List<UnitOutput> previous)
            throws IOException {
        Path folder = output.resolve(consolidation.period().toString());
        List<String> files = new ArrayList<>();
        List<UnitOutput> unitOutputs = new ArrayList<>();
        int takenOver = 0;
        try (StagedFolder staged = StagedFolder.create(folder)) {
            Path staging = staged.path();
            Scores scores = scoring.of(consolidation);
            AtomicFiles.write(staging.resolve(SUMMARY), out -> out.write(SummaryJson.bytes(consolidation, scores)));
            files.add(SUMMARY);
            AtomicFiles.write(staging.resolve(EXCEPTIONS_CSV), out -> ExceptionsCsv.write(consolidation.exceptions(), out));
            files.add(EXCEPTIONS_CSV);
            AtomicFiles.write(staging.resolve(BULLETIN), out -> out.write(Bulletin.file(consolidation)));
            files.add(BULLETIN);
            Standings standings = Standings.of(consolidation);
            StatisticsWorkbook.write(consolidation, standings, scores, staging.resolve(STATISTICS));
            files.add(STATISTICS);
            ExceptionWorkbook.write(consolidation, staging.resolve(EXCEPTIONS));
            files.add(EXCEPTIONS);
            UnitOutputs outputs = new UnitOutputs(folder, build + "\n" + issuer, previous);
            for (UnitOutputs.Written unit : receipts(consolidation, standings, staging, outputs)) {
                files.addAll(unit.files());
                unitOutputs.addAll(unit.outputs());
                takenOver += unit.takenOver() ? unit.files().size() : 0;
            }
            files.addAll(ReviewWorkbooks.write(consolidation, spotCheckShare, staging));
            boolean notices = files.stream().anyMatch(f -> f.startsWith(NOTICES + "/"));
            Links links = new Links(STATISTICS, EXCEPTIONS, BULLETIN, RECEIPTS,
                    unit -> RECEIPTS + "/" + receiptFile(unit, consolidation.period()),
                    notices ? Optional.of(NOTICES) : Optional.empty());
            AtomicFiles.write(staging.resolve(DASHBOARD), out -> Dashboard.write(consolidation, links,
                    SkippedNotice.of(consolidation).map(SkippedNotice::text), out));
            files.add(DASHBOARD);
            staged.publish(OURS::contains);
        }
        return new WrittenReport(folder, files.stream().map(folder::resolve).toList(), List.copyOf(unitOutputs), takenOver,
                consoleSummary(consolidation, folder, (int) files.stream().filter(f -> f.startsWith(NOTICES + "/")).count(),
                (int) files.stream().filter(f -> f.startsWith(ReviewLayout.SIGN_OFF_FOLDER + "/")).count()));
    }

    /**
     * One receipt per ledger unit, beside it the unit's own file marked when that has anything to
     * mark, and for a unit whose light is red its 督办单, by their paths relative to the period folder.
     * Each receipt is read from the database once, for all three. A unit whose outputs show what they showed
     * when last written has them taken over from the folder being replaced ({@link UnitOutputs}).
     */
    private List<UnitOutputs.Written> receipts(Consolidation consolidation, Standings standings, Path staging,
                                               UnitOutputs outputs) throws IOException {
        // each receipt is made when got (Consolidation#receipts), so on the writing thread, by index
        List<UnitReceipt> receipts = consolidation.receipts();
        Optional<SkippedNotice> skipped = SkippedNotice.of(consolidation);
        return inParallel(IntStream.range(0, receipts.size()).boxed().toList(), index -> {
            UnitReceipt receipt = receipts.get(index);
            Unit unit = receipt.unit().unit();
            UnitStanding standing = standings.unit(unit.code());
            String digest = outputs.digest(consolidation, receipt, standing);
            Optional<UnitOutputs.Written> taken = outputs.takeOver(unit.code(), digest, staging);
            if (taken.isPresent()) {
                return taken.get();
            }
            Path folder = staging.resolve(RECEIPTS);
            Optional<Path> marked = marker.write(receipt, extension -> folder.resolve(markedFile(unit, consolidation.period(), extension)));
            String name = RECEIPTS + "/" + receiptFile(unit, consolidation.period());
            ReceiptWorkbook.write(consolidation, receipt, issuer, marked.map(m -> m.getFileName().toString()).orElse(null),
                    skipped, staging.resolve(name));
            List<String> written = new ArrayList<>(List.of(name));
            marked.ifPresent(m -> written.add(RECEIPTS + "/" + m.getFileName()));
            if (standing.light() == Light.RED) {
                String notice = NOTICES + "/" + noticeFile(unit, consolidation.period());
                SupervisionNotice.write(consolidation, standing, receipt, staging.resolve(notice));
                written.add(notice);
            }
            return outputs.written(unit.code(), digest, staging, written);
        });
    }

    /**
     * Writes workbooks for each item on the machine's cores. POI's reproducible-save switch is one
     * flag for the whole JVM: set here, around every thread's save, so that no thread's save ends it
     * while another is still writing.
     */
    private static <T, R> List<R> inParallel(List<T> items, Parallel.Work<T, R> write) throws IOException {
        List<List<R>> result = new ArrayList<>();
        Reproducibility.runWithSourceDateEpoch(() -> result.add(Parallel.map(items, write)));
        return result.get(0);
    }

    /** The unit's receipt in {@value #RECEIPTS}/: {@code <单位代码>-<单位名称>-<YYYY-MM>-回执.xlsx}. */
    public static String receiptFile(Unit unit, YearMonth period) {
        return unit.fileStem(period) + "-回执.xlsx";
    }

    /** The unit's 督办单 in {@value #NOTICES}/: {@code <单位代码>-<单位名称>-<YYYY-MM>-督办单.xlsx}. */
    public static String noticeFile(Unit unit, YearMonth period) {
        return unit.fileStem(period) + "-督办单.xlsx";
    }

    /**
     * The copy of the unit's own return with its exceptions marked, beside its receipt:
     * {@code <单位代码>-<单位名称>-<YYYY-MM>-标注.<extension>}, the extension of the unit's format
     * ({@code xlsx}, {@code xlsm} or {@code xls}).
     */
    public static String markedFile(Unit unit, YearMonth period, String extension) {
        return unit.fileStem(period) + "-标注." + extension;
    }

    static String consoleSummary(Consolidation c, Path folder, int notices, int signOffReviews) {
        PeriodFigures f = c.headline();
        SubmissionCount s = f.submissions();
        return String.join("\n",
                "汇总完成：" + Periods.text(c.period()) + "（截至 " + c.asOf() + "）"
                        + SkippedNotice.of(c).map(n -> "\n" + n.text()).orElse(""),
                Bulletin.text(f, c.completion()),
                Bulletin.signOff(f),
                "报送：应报送 %d 个单位，已报送 %d 个，未报送 %d 个，逾期报送 %d 个，未采纳文件 %d 份"
                        .formatted(s.expected(), s.accepted(), s.missing(), s.late(), s.rejectedFiles()),
                "异常：错误 %d 条，警告 %d 条，提示 %d 条"
                        .formatted(f.exceptions().error(), f.exceptions().warning(), f.exceptions().info()),
                "输出：" + folder.toAbsolutePath() + "（" + STATISTICS + "、" + EXCEPTIONS + "、" + RECEIPTS + " "
                        + c.receipts().size() + " 份、" + NOTICES + " " + notices + " 份、"
                        + "销号审核表 " + signOffReviews + " 份、" + ReviewLayout.EXTENSION_FILE + "、" + BULLETIN + "、" + DASHBOARD + "、"
                        + SUMMARY + "、" + EXCEPTIONS_CSV + "）");
    }
}
