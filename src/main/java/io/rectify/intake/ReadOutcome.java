package io.rectify.intake;

import io.rectify.rule.Rule;

/** What reading one workbook gave: the return it holds, or the file-scope reason it was refused. */
public sealed interface ReadOutcome {

    record Read(UnitReturn unitReturn) implements ReadOutcome {
    }

    /**
     * @param rule    file-unreadable, file-encrypted or template-mismatch
     * @param sheet   where the problem was found, null when it concerns the whole file
     * @param row     Excel row number, null when none applies
     * @param column  column letter, null when none applies
     * @param value   the offending value, null when none applies
     * @param message what the unit must fix, in Chinese
     */
    record Refused(Rule rule, String sheet, Integer row, String column, String value, String message)
            implements ReadOutcome {
    }
}
