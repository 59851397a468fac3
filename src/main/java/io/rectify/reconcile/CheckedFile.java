package io.rectify.reconcile;

import io.rectify.ledger.Unit;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.FileOutcome;
import java.util.List;
import java.util.Optional;

/**
 * One workbook of a period after every check it gets on its own ({@link PeriodChecks#check}),
 * holding what reconcile stores of it and its exceptions but no longer the cells it was read from.
 * Which files are used is decided for the period as a whole, from these.
 */
public final class CheckedFile {

    private final ReturnFile file;
    private final List<ExceptionEntry> fileFindings;
    private final CheckedReturn rows;
    private final List<ExceptionEntry> useFindings;
    private final int rowsRead;

    /**
     * @param file         accepted or rejected as the file alone tells (unit, name, period)
     * @param fileFindings its file-scope exceptions, kept unless the file is a duplicate
     * @param rows         its checked rows; null unless it is accepted
     * @param useFindings  its warnings and row exceptions, kept only if it is the unit's used file
     * @param rowsRead     the rows of all its tables, as read
     */
    CheckedFile(ReturnFile file, List<ExceptionEntry> fileFindings, CheckedReturn rows,
                List<ExceptionEntry> useFindings, int rowsRead) {
        this.file = file;
        this.fileFindings = fileFindings;
        this.rows = rows;
        this.useFindings = useFindings;
        this.rowsRead = rowsRead;
    }

    ReturnFile file() {
        return file;
    }

    List<ExceptionEntry> fileFindings() {
        return fileFindings;
    }

    CheckedReturn rows() {
        return rows;
    }

    List<ExceptionEntry> useFindings() {
        return useFindings;
    }

    /** Accepted or rejected as the file alone tells: what the period makes of it if it is its unit's only file. */
    public FileOutcome outcome() {
        return file.outcome();
    }

    /** The unit it belongs to, when that could be told (also for a rejected file). */
    public Optional<Unit> unit() {
        return Optional.ofNullable(file.unit());
    }

    /** Its 整改进展 rows taken if it is its unit's used file; none when it is rejected. */
    public int rowsAccepted() {
        return rows == null ? 0 : rows.progress().rows().size();
    }

    /** Its filled 整改进展 rows left out for their errors if it is its unit's used file; none when it is rejected. */
    public int rowsRejected() {
        return rows == null ? 0 : rows.progress().rowsFilled() - rowsAccepted();
    }

    /** The rows of all its tables as read (整改进展, 制度建设, 问责情况): what the progress line counts. */
    public int rowsRead() {
        return rowsRead;
    }
}
