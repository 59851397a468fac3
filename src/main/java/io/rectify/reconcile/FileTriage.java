package io.rectify.reconcile;

import static io.rectify.intake.ReturnLayout.PERIOD;
import static io.rectify.intake.ReturnLayout.PHONE;
import static io.rectify.intake.ReturnLayout.PROGRESS_SHEET;
import static io.rectify.intake.ReturnLayout.REPORTER;
import static io.rectify.intake.ReturnLayout.SUBMITTED_ON;
import static io.rectify.intake.ReturnLayout.UNIT_CODE;
import static io.rectify.intake.ReturnLayout.UNIT_NAME;

import io.rectify.intake.FoundFile;
import io.rectify.intake.MetadataField;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.SkippedFile;
import io.rectify.intake.UnitReturn;
import io.rectify.ledger.Unit;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.workbook.ExcelDates;
import io.rectify.workbook.Texts;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The file-scope rules of docs/RULES.md and docs/RETURNS.md: which files of a period folder are duplicates, refused or
 * rejected, and which one of each unit's acceptable files is used (the others are superseded).
 */
final class FileTriage {

    /** Where the office works: a last-modified time becomes a submission day in this zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Comparator<ReturnFile> LATEST = Comparator
            .comparing(ReturnFile::submittedOn)
            .thenComparing((ReturnFile f) -> f.found().modifiedAt())
            .thenComparing(ReturnFile::path);

    private final LedgerIndex ledger;
    private final UnitClues clues;
    private final YearMonth period;
    private final JudgedVersion version;

    FileTriage(LedgerIndex ledger, YearMonth period, JudgedVersion version) {
        this.ledger = ledger;
        this.clues = new UnitClues(ledger);
        this.period = period;
        this.version = version;
    }

    /** The day after which a return for the period is late: 报送截止日 of the following month. */
    LocalDate cutoff() {
        return ledger.info().dueDate(period);
    }

    /**
     * Every file of the scan with its outcome, in path order. A file byte-identical to an earlier
     * one (by path) is a duplicate whatever its check gave; the file-scope exceptions of the others
     * are kept, and those found for a file's use (its warnings and row exceptions) for the used files only.
     */
    List<ReturnFile> triage(PeriodScan scan, Map<FoundFile, CheckedFile> checked, Findings findings) {
        Map<String, FoundFile> byPath = new LinkedHashMap<>();
        scan.workbooks().stream().sorted(Comparator.comparing(FoundFile::relative))
                .forEach(f -> byPath.putIfAbsent(f.relative(), f));
        Map<String, ReturnFile> firstByContent = new HashMap<>();
        List<ReturnFile> files = new ArrayList<>();
        for (FoundFile found : byPath.values()) {
            ReturnFile original = found.sha256() == null ? null : firstByContent.get(found.sha256());
            if (original != null) {
                files.add(duplicate(found, original, findings));
                continue;
            }
            CheckedFile alone = checked.get(found);
            if (alone == null) {
                throw new IllegalArgumentException("no checked file for " + found.relative());
            }
            findings.addAll(alone.fileFindings());
            if (found.sha256() != null) {
                firstByContent.put(found.sha256(), alone.file());
            }
            files.add(alone.file());
        }
        List<ReturnFile> decided = new ArrayList<>(supersede(files, findings));
        decided.stream().filter(ReturnFile::accepted).forEach(f -> findings.addAll(checked.get(f.found()).useFindings()));
        scan.skipped().forEach(s -> decided.add(skipped(s, findings)));
        decided.sort(Comparator.comparing(ReturnFile::path));
        return decided;
    }

    private ReturnFile duplicate(FoundFile found, ReturnFile original, Findings findings) {
        findings.add(Rule.DUPLICATE_FILE, original.unit(), null, Place.file(found.relative()),
                "本文件与“" + original.path() + "”内容完全相同，按重复文件处理，不再读取；无需处理，可删除多余的副本");
        return new ReturnFile(found.relative(), found, original.unit(), null, false, null, FileOutcome.DUPLICATE);
    }

    /**
     * A file the reader refused: its exception and the file rejected, both with the unit that the
     * texts found in it or its path name, when any does, so that the unit learns why its file was not taken.
     */
    ReturnFile refused(FoundFile found, ReadOutcome.Refused refused, Findings findings) {
        Unit unit = clues.unit(refused.unitClues(), found.relative()).orElse(null);
        findings.add(refused.rule(), unit, null,
                new Place(found.relative(), refused.sheet(), refused.row(), refused.column(), refused.value()),
                refused.message());
        return new ReturnFile(found.relative(), found, unit, null, false, null, FileOutcome.REJECTED);
    }

    /**
     * A file not read, with the unit its path names, when it names one, so that the unit learns it was not
     * taken; but an Office lock file ({@code ~$…}) or a hidden file ({@code ._U02.xlsx} copied from a Mac) is a
     * by-product of whoever opened or copied a return, not something a unit sent, and goes to no unit.
     */
    private ReturnFile skipped(SkippedFile skipped, Findings findings) {
        String name = skipped.relative().substring(skipped.relative().lastIndexOf('/') + 1);
        Unit unit = name.startsWith("~$") || name.startsWith(".") ? null : clues.fromPath(skipped.relative()).orElse(null);
        findings.add(Rule.SKIPPED_FILE, unit, null, Place.file(skipped.relative()),
                "已跳过：" + skipped.reason());
        return new ReturnFile(skipped.relative(), null, unit, null, false, null, FileOutcome.SKIPPED);
    }

    /**
     * The file-scope errors of a read return: unknown-unit, unit-name-mismatch, period-mismatch.
     * The file is accepted when it has none (superseding is decided by {@link #triage}).
     */
    ReturnFile checked(FoundFile found, UnitReturn content, Findings findings) {
        String file = found.relative();
        Optional<MetadataField> codeField = content.field(UNIT_CODE);
        Optional<MetadataField> nameField = content.field(UNIT_NAME);
        String code = codeField.map(MetadataField::text).orElse("");
        String name = nameField.map(MetadataField::text).orElse("");
        Place codePlace = codeField.map(f -> Place.field(file, PROGRESS_SHEET, f)).orElse(Place.sheet(file, PROGRESS_SHEET));
        boolean acceptable = true;
        Unit unit = code.isEmpty() ? null : ledger.unitByCodeOrName(code).orElse(null);
        if (unit == null) {
            acceptable = false;
            unit = clues.unit(Stream.concat(Stream.of(name), content.markerUnit().stream()).toList(), file).orElse(null);
            findings.add(Rule.UNKNOWN_UNIT, unit, null, codePlace, code.isEmpty()
                    ? "报送表未填写单位代码，请在“单位代码”处填写本单位在台账中的代码后重新报送"
                    : "单位代码“" + code + "”在台账中不存在，请核对本单位的单位代码后重新报送");
        } else if (!name.isEmpty() && !Texts.code(name).equals(Texts.code(unit.name()))) {
            acceptable = false;
            findings.add(Rule.UNIT_NAME_MISMATCH, unit, null, Place.field(file, PROGRESS_SHEET, nameField.get()),
                    "单位名称“" + name + "”与单位代码“" + unit.code() + "”对应的单位“" + unit.name()
                            + "”不一致，请核对单位代码和单位名称后重新报送");
        }
        acceptable &= periodMatches(file, content, unit, findings);
        LocalDate submittedOn = content.field(SUBMITTED_ON).flatMap(f -> ExcelDates.date(f.cell()))
                .orElseGet(() -> found.modifiedAt().atZone(ZONE).toLocalDate());
        ReturnFile.Metadata metadata = new ReturnFile.Metadata(metadata(content, REPORTER), metadata(content, PHONE),
                content.ledgerMarker().orElse(null));
        return new ReturnFile(file, found, unit, submittedOn, submittedOn.isAfter(cutoff()), metadata,
                acceptable ? FileOutcome.ACCEPTED : FileOutcome.REJECTED);
    }

    /** A metadata value as written, cleaned; null when absent or blank. */
    private static String metadata(UnitReturn content, String label) {
        return content.field(label).map(MetadataField::text).filter(s -> !s.isEmpty()).orElse(null);
    }

    private boolean periodMatches(String file, UnitReturn content, Unit unit, Findings findings) {
        Optional<MetadataField> field = content.field(PERIOD).filter(f -> !f.text().isEmpty());
        if (field.isEmpty()) {
            findings.add(Rule.PERIOD_MISMATCH, unit, null, content.field(PERIOD)
                            .map(f -> Place.field(file, PROGRESS_SHEET, f)).orElse(Place.sheet(file, PROGRESS_SHEET)),
                    "报送表未填写报送期次，请在“报送期次”处填写“" + Periods.text(period) + "”后重新报送");
            return false;
        }
        Place place = Place.field(file, PROGRESS_SHEET, field.get());
        Optional<YearMonth> written = ExcelDates.period(field.get().cell());
        if (written.isEmpty()) {
            findings.add(Rule.PERIOD_MISMATCH, unit, null, place, "报送期次“" + field.get().text()
                    + "”无法识别，请按“" + period + "”的格式填写后重新报送");
            return false;
        }
        if (!written.get().equals(period)) {
            findings.add(Rule.PERIOD_MISMATCH, unit, null, place, "报送期次“" + field.get().text() + "”（"
                    + Periods.text(written.get()) + "）与文件所在的期次文件夹“" + period
                    + "”不一致，请更正报送期次，或将文件放入对应期次的文件夹后重新报送");
            return false;
        }
        return true;
    }

    /** Of several acceptable files of one unit the latest is used, the others are superseded. */
    private List<ReturnFile> supersede(List<ReturnFile> files, Findings findings) {
        Map<Unit, ReturnFile> used = new HashMap<>();
        for (ReturnFile file : files) {
            if (file.accepted()) {
                used.merge(file.unit(), file, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
            }
        }
        return files.stream().map(file -> {
            if (!file.accepted() || used.get(file.unit()) == file) {
                return file;
            }
            ReturnFile latest = used.get(file.unit());
            findings.add(Rule.SUPERSEDED, file.unit(), null, Place.file(file.path()),
                    "本单位本期另有更新的报送文件“" + latest.path() + "”（报送日期" + latest.submittedOn()
                            + "），已采纳该文件，本文件已被替代，未使用；如本文件才是正确版本，请删除其他版本后重新报送");
            return file.with(FileOutcome.SUPERSEDED);
        }).toList();
    }

    /** The file-scope warnings of an accepted file, given when it is used: template-outdated and late-submission. */
    void warn(ReturnFile file, UnitReturn content, Findings findings) {
        version.outdated(file.marker()).ifPresent(reason -> findings.add(Rule.TEMPLATE_OUTDATED, file.unit(), null,
                new Place(file.path(), null, null, null, file.marker()), reason));
        if (file.late()) {
            Optional<MetadataField> written = content.field(SUBMITTED_ON)
                    .filter(f -> ExcelDates.date(f.cell()).isPresent());
            Place place = written.map(f -> Place.field(file.path(), PROGRESS_SHEET, f)).orElse(Place.file(file.path()));
            String when = written.isPresent() ? "报送日期为" + Periods.date(file.submittedOn())
                    : "未填写报送日期，按文件修改日期" + Periods.date(file.submittedOn()) + "计";
            findings.add(Rule.LATE_SUBMISSION, file.unit(), null, place, "本期报送截止日为" + Periods.date(cutoff()) + "，本报送表"
                    + when + "，已逾期报送；本次报送仍予受理，请今后在截止日前报送");
        }
    }
}
