package io.rectify.portal.unit;

import io.rectify.check.CheckReport;
import io.rectify.rule.ExceptionEntry;
import java.util.List;

/**
 * The JSON API's answer for one checked file (docs/PORTAL.md): whether it is accepted, the unit code
 * and period it was checked for, the name it was sent with, and every exception as exceptions.csv
 * writes it (rule code, lower-case severity code, sheet, Excel row, column letter, value, message).
 */
record CheckAnswer(boolean accepted, String unit, String period, String file, List<Item> exceptions) {

    record Item(String rule, String severity, String sheet, Integer row, String column, String value, String message) {

        static Item of(ExceptionEntry e) {
            return new Item(e.rule().code(), e.severity().code(), e.sheet(), e.row(), e.column(), e.value(), e.message());
        }
    }

    static CheckAnswer of(CheckReport report) {
        return new CheckAnswer(report.accepted(), report.unitCode(),
                report.period() == null ? null : report.period().toString(), report.file(),
                report.exceptions().stream().map(Item::of).toList());
    }
}
