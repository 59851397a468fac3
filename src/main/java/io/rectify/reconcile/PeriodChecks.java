package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.SheetTable;
import io.rectify.intake.UnitReturn;
import io.rectify.rule.ExceptionEntry;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The checks of one period's reconcile that need one workbook only, given as each workbook is
 * read so that its cells can be dropped at once: a period of thousands of returns is never held
 * as cells. Thread-safe: the ledger is only read, and each file's exceptions are its own.
 * Made by {@link Reconciler#checks}; the period is then decided by {@link Reconciler#reconcile}.
 */
public final class PeriodChecks {

    private final LedgerIndex ledger;
    private final YearMonth period;
    private final LocalDate asOf;
    private final JudgedVersion version;
    private final FileTriage triage;

    PeriodChecks(LedgerIndex ledger, YearMonth period, LocalDate asOf, JudgedVersion version) {
        this.ledger = ledger;
        this.period = period;
        this.asOf = asOf;
        this.version = version;
        this.triage = new FileTriage(ledger, period, version);
    }

    /**
     * A workbook's file-scope checks (unit, name, period, submission date) and, when they accept
     * it, its warnings and row checks, as if it were its unit's used file.
     */
    public CheckedFile check(FoundFile found, ReadOutcome outcome) {
        Findings fileFindings = new Findings(ledger);
        if (outcome instanceof ReadOutcome.Refused refused) {
            return new CheckedFile(triage.refused(found, refused, fileFindings), fileFindings.entries(), null, List.of(), 0);
        }
        UnitReturn content = ((ReadOutcome.Read) outcome).unitReturn();
        ReturnFile file = triage.checked(found, content, fileFindings);
        int rowsRead = content.progress().rows().size() + rows(content.institutions().orElse(null))
                + rows(content.accountability().orElse(null)) + rows(content.extensions().orElse(null));
        if (!file.accepted()) {
            return new CheckedFile(file, fileFindings.entries(), null, List.of(), rowsRead);
        }
        Findings useFindings = new Findings(ledger);
        triage.warn(file, content, useFindings);
        CheckedReturn rows = new CheckedReturn(file,
                new ProgressCheck(ledger, useFindings).check(file, content.progress()),
                new InstitutionCheck(ledger, useFindings).check(file, content.institutions()),
                new AccountabilityCheck(ledger, useFindings).check(file, content.accountability()),
                new ExtensionRequestCheck(ledger, useFindings).check(file, content.extensions()));
        return new CheckedFile(file, fileFindings.entries(), rows, useFindings.entries(), rowsRead);
    }

    /**
     * A checked file's own exceptions, those of the file and those of its use, in the order of the
     * period's exception list: what the period's list would hold for it if it were its unit's only file.
     */
    public List<ExceptionEntry> exceptions(CheckedFile checked) {
        Findings all = new Findings(ledger);
        all.addAll(checked.fileFindings());
        all.addAll(checked.useFindings());
        return all.sorted();
    }

    private static int rows(SheetTable table) {
        return table == null ? 0 : table.rows().size();
    }

    LedgerIndex ledger() {
        return ledger;
    }

    YearMonth period() {
        return period;
    }

    LocalDate asOf() {
        return asOf;
    }

    JudgedVersion version() {
        return version;
    }

    FileTriage triage() {
        return triage;
    }
}
