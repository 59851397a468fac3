package io.rectify.check;

import io.rectify.intake.FoundFile;
import io.rectify.intake.ReadLimits;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReturnLayout;
import io.rectify.intake.ReturnReader;
import io.rectify.ledger.DeadlineExtensions;
import io.rectify.ledger.LedgerVersion;
import io.rectify.ledger.Unit;
import io.rectify.ops.FailureCause;
import io.rectify.ops.RectifyProperties;
import io.rectify.reconcile.CheckedFile;
import io.rectify.reconcile.PeriodChecks;
import io.rectify.reconcile.Reconciler;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Rule;
import io.rectify.workbook.ExcelDates;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Checks one return now, as the nightly would judge it (docs/PORTAL.md, {@code check} in
 * docs/COMMANDS.md): read within the nightly's limits, then every file- and row-scope rule against
 * the current ledger version, as if it were its unit's only file of the period. Rules about a
 * period as a whole (a task not reported, overdue, a file superseded by a later one) are the
 * nightly's. Reads the database only: never archives the file, never stores anything and needs no
 * lock on the data folder, so it runs beside a nightly run.
 * <p>
 * The as-of day is the period's last day, as the nightly judges the period by default; the file-
 * and row-scope rules do not depend on it (lateness is judged by the return's 报送日期, else the
 * file's last-modified day, against the period's 报送截止日).
 */
@Component
public class ReturnCheck {

    /** Periods whose checks are kept at most; more (someone checking many periods) starts afresh. */
    private static final int KEPT_PERIODS = 12;

    private final Reconciler reconciler;
    private final DeadlineExtensions extensions;
    private final ReturnReader reader;
    private final OpenPeriod openPeriod;
    /**
     * The checks of a period, built once for what they are built from: making them reads the whole
     * ledger from the database, a good part of a check's time, and with 54 units checking at once 54 times over.
     */
    private final Map<ChecksOf, PeriodChecks> checks = new ConcurrentHashMap<>();

    /** What the checks of a period are made of: the ledger version and the deadlines extended before the period. */
    private record ChecksOf(YearMonth period, LedgerVersion version, Map<String, LocalDate> extended) {
    }

    ReturnCheck(Reconciler reconciler, DeadlineExtensions extensions, RectifyProperties properties, OpenPeriod openPeriod) {
        this.reconciler = reconciler;
        this.extensions = extensions;
        this.reader = new ReturnReader(ReadLimits.of(properties.limits()));
        this.openPeriod = openPeriod;
    }

    /**
     * @param file     the return to check; only read
     * @param fileName its name as the unit sent it, shown in the report and the exceptions (never used as a path)
     * @param period   the period to check it for; empty: the one it states, else the {@link OpenPeriod}
     * @throws NoLedger when no ledger has been imported
     */
    public CheckReport check(Path file, String fileName, Optional<YearMonth> period) {
        Optional<LedgerVersion> version = reconciler.currentVersion();
        if (version.isEmpty()) {
            throw new NoLedger();
        }
        String name = fileName == null || fileName.isBlank() ? String.valueOf(file.getFileName()) : fileName;
        Read read = read(file, name);
        ReadOutcome outcome = read.outcome();
        YearMonth checked = period.or(() -> stated(outcome)).orElseGet(openPeriod::period);
        PeriodChecks checks = checksOf(checked, version.get());
        CheckedFile result = checks.check(read.found(), outcome);
        List<ExceptionEntry> exceptions = checks.exceptions(result).stream()
                .sorted(Comparator.comparing(ExceptionEntry::severity)).toList();
        Optional<Unit> unit = result.unit();
        return new CheckReport(result.outcome() == FileOutcome.ACCEPTED, unit.map(Unit::code).orElse(null),
                unit.map(Unit::name).orElse(null), checked, name, exceptions, result.rowsAccepted(), result.rowsRejected());
    }

    private PeriodChecks checksOf(YearMonth period, LedgerVersion version) {
        if (checks.size() > KEPT_PERIODS) {
            checks.clear();
        }
        return checks.computeIfAbsent(new ChecksOf(period, version, extensions.inForceBefore(period)),
                key -> reconciler.checks(period, period.atEndOfMonth(), Optional.of(version)));
    }

    /** The file as found (never archived, so without a content hash) and what reading it gave. */
    private record Read(FoundFile found, ReadOutcome outcome) {
    }

    /** Reads the file within the limits; a path that is no readable file is refused, naming the real cause. */
    private Read read(Path file, String name) {
        FoundFile unread = new FoundFile(file, name, 0, null, null);
        try {
            if (Files.isDirectory(file)) {
                return refused(unread, "“" + name + "”是一个文件夹，不是报送表文件；请选择报送表文件本身");
            }
            FoundFile found = new FoundFile(file, name, Files.size(file), null, Files.getLastModifiedTime(file).toInstant());
            if (!Files.isReadable(file)) {
                return refused(found, noPermission(file));
            }
            return new Read(found, reader.read(found));
        } catch (AccessDeniedException e) {
            return refused(unread, noPermission(file));
        } catch (IOException e) {
            return refused(unread, "无法读取本文件（" + FailureCause.of(e).orElse(e.getClass().getSimpleName()) + "）；请确认文件存在、"
                    + "已保存完毕后再检查");
        }
    }

    private static String noPermission(Path file) {
        return "没有读取本文件的权限：" + file + "；请让文件的所有者开放读取权限，或另存一份后再检查";
    }

    private static Read refused(FoundFile file, String message) {
        return new Read(file, new ReadOutcome.Refused(Rule.FILE_UNREADABLE, null, null, null, null, message));
    }

    /** The period the return states in its metadata block, when it was read and states one that can be understood. */
    private static Optional<YearMonth> stated(ReadOutcome outcome) {
        return outcome instanceof ReadOutcome.Read read
                ? read.unitReturn().field(ReturnLayout.PERIOD).flatMap(field -> ExcelDates.period(field.cell()))
                : Optional.empty();
    }
}
