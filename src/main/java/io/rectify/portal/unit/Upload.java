package io.rectify.portal.unit;

import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * One upload as table upload keeps it, with the check's answer to show it again.
 *
 * @param unitCode     the unit the file states, or the uploader's unit when it states none
 * @param shownName    the name it was sent with, cleaned ({@link ShownName})
 * @param storedAs     where it was stored, relative to {@code <input>/returns}; null when not stored
 * @param rowsAccepted the 整改进展 rows the nightly would take
 * @param receipt      the file name of its receipt in {@code <data>/uploads/<id>/}
 * @param marked       the file name of its marked copy there; null when there is none
 */
record Upload(long id, String username, String unitCode, YearMonth period, String shownName, String storedAs,
              Instant uploadedAt, boolean accepted, int errors, int warnings, int infos, CheckAnswer answer,
              int rowsAccepted, String receipt, String marked) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(StoredReturns.ZONE);

    /** When it was uploaded, Beijing time, as the pages show it. */
    public String shownTime() {
        return TIME.format(uploadedAt);
    }

    /** Why a file not accepted was refused: the messages of its errors that concern the whole file. */
    public List<String> reasons() {
        return answer.exceptions().stream().filter(e -> e.row() == null && Severity.of(e.severity()) == Severity.ERROR)
                .map(CheckAnswer.Item::message).distinct().toList();
    }

    /** The exceptions as the receipt page lists them: errors first, then warnings, then notices. */
    public List<Shown> shownExceptions() {
        return answer.exceptions().stream().map(Shown::of)
                .sorted(Comparator.comparing(Shown::severity)).toList();
    }

    /** One exception in the words of the page: 错误/警告/提示, the rule's title, the cell as Excel names it (F7). */
    record Shown(Severity severity, String title, String sheet, String cell, String value, String message) {

        static Shown of(CheckAnswer.Item item) {
            String cell = item.column() == null ? (item.row() == null ? "" : "第" + item.row() + "行")
                    : item.column() + (item.row() == null ? "列" : item.row().toString());
            return new Shown(Severity.of(item.severity()), Rule.of(item.rule()).title(), item.sheet(), cell,
                    item.value(), item.message());
        }

        public String severityWord() {
            return severity.label();
        }
    }
}
