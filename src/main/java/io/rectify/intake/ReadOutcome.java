package io.rectify.intake;

import io.rectify.rule.Rule;
import java.util.List;

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
     * @param unitClues texts found in the file that may tell its unit (a 单位代码 or 单位名称 value from the
     *                metadata block, the template marker or any sheet), most trusted first; empty when none
     */
    record Refused(Rule rule, String sheet, Integer row, String column, String value, String message,
                   List<String> unitClues) implements ReadOutcome {

        public Refused {
            unitClues = List.copyOf(unitClues);
        }

        public Refused(Rule rule, String sheet, Integer row, String column, String value, String message) {
            this(rule, sheet, row, column, value, message, List.of());
        }

        /** This refusal with the unit clues found in the file. */
        public Refused withUnitClues(List<String> clues) {
            return new Refused(rule, sheet, row, column, value, message, clues);
        }
    }
}
