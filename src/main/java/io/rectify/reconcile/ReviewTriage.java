package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.MetadataField;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReviewLayout;
import io.rectify.intake.ReviewOutcome;
import io.rectify.intake.ReviewWorkbook;
import io.rectify.intake.SkippedFile;
import io.rectify.intake.TemplateMarker;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.workbook.ExcelDates;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file rules of a period's reviews folder (docs/REVIEWS.md): which files are duplicates, refused, of another
 * group or period (review-mismatch), skipped, and which one of each group's 销号审核表 (and of the 延期审批表) is
 * used, the others superseded. Its exceptions reach the group the file names, never a unit.
 */
final class ReviewTriage {

    private static final Comparator<ReviewFile> LATEST = Comparator
            .comparing(ReviewFile::reviewedOn)
            .thenComparing((ReviewFile f) -> f.found().modifiedAt())
            .thenComparing(ReviewFile::path);

    private final LedgerIndex ledger;
    private final YearMonth period;
    private final Findings findings;

    ReviewTriage(LedgerIndex ledger, YearMonth period, Findings findings) {
        this.ledger = ledger;
        this.period = period;
        this.findings = findings;
    }

    /** Every file of the reviews folder with its outcome, in path order. */
    List<ReviewFile> triage(PeriodReviews reviews) {
        Map<String, ReviewFile> firstByContent = new HashMap<>();
        List<ReviewFile> files = new ArrayList<>();
        for (FoundFile found : reviews.scan().workbooks()) {
            ReviewFile original = firstByContent.get(found.sha256());
            if (original != null) {
                findings.addForGroup(Rule.DUPLICATE_FILE, original.group(), null, place(found.relative()),
                        "本文件与“" + ReviewFile.named(period, original.path()) + "”内容完全相同，按重复文件处理，不再读取；无需处理，可删除多余的副本");
                files.add(new ReviewFile(found.relative(), found, original.kind(), original.group(), null, null,
                        FileOutcome.DUPLICATE, null));
                continue;
            }
            ReviewOutcome outcome = reviews.outcomes().get(found);
            if (outcome == null) {
                throw new IllegalArgumentException("no review outcome for " + found.relative());
            }
            ReviewFile file = outcome instanceof ReviewOutcome.Read read ? checked(found, read.workbook())
                    : refused(found, (ReviewOutcome.Refused) outcome);
            firstByContent.put(found.sha256(), file);
            files.add(file);
        }
        List<ReviewFile> decided = new ArrayList<>(supersede(files));
        for (SkippedFile skipped : reviews.scan().skipped()) {
            // an Office lock file or a hidden file is a by-product of whoever opened or copied a workbook: no group's
            String name = skipped.relative().substring(skipped.relative().lastIndexOf('/') + 1);
            String group = name.startsWith("~$") || name.startsWith(".") ? null
                    : ledger.groupInPath(skipped.relative()).orElse(null);
            findings.addForGroup(Rule.SKIPPED_FILE, group, null, place(skipped.relative()), "已跳过：" + skipped.reason());
            decided.add(new ReviewFile(skipped.relative(), null, null, group, null, null, FileOutcome.SKIPPED, null));
        }
        decided.sort(Comparator.comparing(ReviewFile::path));
        return decided;
    }

    private ReviewFile refused(FoundFile found, ReviewOutcome.Refused outcome) {
        ReadOutcome.Refused refusal = outcome.refusal();
        String group = outcome.groupClue().flatMap(ledger::group).or(() -> ledger.groupInPath(found.relative())).orElse(null);
        findings.addForGroup(refusal.rule(), group, null, new Place(ReviewFile.named(period, found.relative()),
                refusal.sheet(), refusal.row(), refusal.column(), refusal.value()), refusal.message());
        return new ReviewFile(found.relative(), found, null, group, null, null, FileOutcome.REJECTED, null);
    }

    /** review-mismatch for a 销号审核表 of no ledger group, or a workbook of another period; else accepted. */
    private ReviewFile checked(FoundFile found, ReviewWorkbook workbook) {
        boolean signOff = workbook.kind() == ReviewWorkbook.Kind.SIGN_OFF;
        String file = ReviewFile.named(period, found.relative());
        String group = null;
        boolean acceptable = true;
        if (signOff) {
            Optional<MetadataField> field = workbook.field(ReviewLayout.GROUP_LABEL).filter(f -> !f.text().isEmpty());
            String written = field.map(MetadataField::text)
                    .orElse(workbook.marker().getOrDefault(ReviewLayout.GROUP, ""));
            group = ledger.group(written).orElse(null);
            if (group == null) {
                acceptable = false;
                findings.addForGroup(Rule.REVIEW_MISMATCH, ledger.groupInPath(found.relative()).orElse(null), null,
                        field(file, workbook, ReviewLayout.GROUP_LABEL), written.isEmpty()
                                ? "销号审核表未填写督查组，请在“督查组”处填写本组名称（与台账一致）后重新提交"
                                : "督查组“" + written + "”不是台账中的督查组，请使用本组的销号审核表，或按台账更正督查组名称后重新提交");
            }
        }
        String periodLabel = signOff ? ReviewLayout.PERIOD_LABEL : ReviewLayout.EXTENSION_PERIOD_LABEL;
        acceptable &= periodMatches(file, workbook, periodLabel, group);
        String reviewer = workbook.field(signOff ? ReviewLayout.REVIEWER : ReviewLayout.APPROVER)
                .map(MetadataField::text).filter(s -> !s.isEmpty()).orElse(null);
        LocalDate reviewedOn = workbook.field(signOff ? ReviewLayout.REVIEWED_ON : ReviewLayout.APPROVED_ON)
                .flatMap(f -> ExcelDates.date(f.cell()))
                .orElseGet(() -> found.modifiedAt().atZone(FileTriage.ZONE).toLocalDate());
        return new ReviewFile(found.relative(), found, workbook.kind(), group, reviewer, reviewedOn,
                acceptable ? FileOutcome.ACCEPTED : FileOutcome.REJECTED, workbook);
    }

    /** review-mismatch when the workbook's 审核期次 / 审批期次 (else its marker's) is not the folder's period. */
    private boolean periodMatches(String file, ReviewWorkbook workbook, String label, String group) {
        Optional<MetadataField> field = workbook.field(label).filter(f -> !f.text().isEmpty());
        Optional<YearMonth> written = field.isPresent() ? ExcelDates.period(field.get().cell())
                : Optional.ofNullable(workbook.marker().get(TemplateMarker.PERIOD)).flatMap(ReviewTriage::period);
        if (written.filter(period::equals).isPresent()) {
            return true;
        }
        String as = field.map(MetadataField::text).orElse(workbook.marker().get(TemplateMarker.PERIOD));
        findings.addForGroup(Rule.REVIEW_MISMATCH, group, null, field(file, workbook, label), as == null
                ? "审核表未填写" + label + "，请在“" + label + "”处填写“" + Periods.text(period) + "”后重新提交"
                : written.isEmpty() ? label + "“" + as + "”无法识别，请按“" + period + "”的格式填写后重新提交"
                : label + "“" + as + "”（" + Periods.text(written.get()) + "）与文件所在的期次文件夹“" + period
                        + "”不一致，请更正" + label + "，或将文件放入对应期次的文件夹（reviews/" + written.get() + "/）后重新提交");
        return false;
    }

    private static Optional<YearMonth> period(String text) {
        try {
            return Optional.of(YearMonth.parse(text.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A metadata value's cell, else the sheet the block is on. */
    private static Place field(String file, ReviewWorkbook workbook, String label) {
        return workbook.field(label).map(f -> Place.field(file, workbook.metadataSheet(), f))
                .orElse(Place.sheet(file, workbook.metadataSheet()));
    }

    private Place place(String relative) {
        return Place.file(ReviewFile.named(period, relative));
    }

    /** Of several accepted 销号审核表 of one group, or several 延期审批表, the latest is used. */
    private List<ReviewFile> supersede(List<ReviewFile> files) {
        Map<String, ReviewFile> used = new HashMap<>();
        for (ReviewFile file : files) {
            if (file.accepted()) {
                used.merge(key(file), file, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
            }
        }
        return files.stream().map(file -> {
            ReviewFile latest = used.get(key(file));
            if (!file.accepted() || latest == file) {
                return file;
            }
            findings.addForGroup(Rule.SUPERSEDED, file.group(), null, place(file.path()),
                    (file.group() == null ? "本期另有更新的延期审批表“" : "本组本期另有更新的销号审核表“")
                            + ReviewFile.named(period, latest.path()) + "”（" + (file.group() == null ? "审批日期" : "审核日期")
                            + Periods.date(latest.reviewedOn()) + "），已采用该文件，本文件未使用；如本文件才是正确版本，请删除其他版本后重新提交");
            return file.with(FileOutcome.SUPERSEDED);
        }).toList();
    }

    private static String key(ReviewFile file) {
        return file.kind() == ReviewWorkbook.Kind.SIGN_OFF ? "sign-off " + file.group() : "extension";
    }
}
