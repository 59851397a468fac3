package io.rectify.ledger;

import io.rectify.rule.Periods;
import io.rectify.workbook.Cell;
import io.rectify.workbook.Texts;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A task's 完成时限: the text the ledger shows for it and the day it falls due. Offices write a
 * date, a worded period (2023年12月底, 2024年6月前, 2024年上半年, 2024年第三季度...), 立行立改 or
 * 长期坚持; the text is shown to people as written and the date decides overdue and due-soon.
 *
 * <p>An approved extension (延期) moves the day and keeps the ledger's words beside it:
 * {@code 2024年6月前（延期至2024年9月30日）}, so that every output showing the text shows both.
 *
 * @param text   as written, trimmed; a plain date (a date cell, 2024/6/30, 2024年6月30日) as 2024-06-30;
 *               for an extended deadline the ledger's text and the extension
 * @param date   the last day the text names; null for 长期坚持, which is never overdue
 * @param ledger the ledger's own deadline when this one is extended, else null
 */
public record Deadline(String text, LocalDate date, Deadline ledger) {

    public static final String LONG_TERM = "长期坚持";
    public static final String IMMEDIATE = "立行立改";
    /** 长期坚持: no date. */
    public static final Deadline NONE = new Deadline(LONG_TERM, null);

    /** The forms a ledger may use, for the message that refuses any other. */
    static final String ACCEPTED_FORMS = "应填写日期（如 2024-06-30、2024/6/30、2024年6月30日）、"
            + "月底或年底（如 2024年6月底、2024年6月前、2023年底）、半年或季度（如 2024年上半年、2024年第三季度），"
            + "或“" + IMMEDIATE + "”“" + LONG_TERM + "”";

    public Deadline {
        Objects.requireNonNull(text);
    }

    public Deadline(String text, LocalDate date) {
        this(text, date, null);
    }

    public static Deadline on(LocalDate date) {
        return new Deadline(date.toString(), date);
    }

    public boolean longTerm() {
        return date == null;
    }

    /** Whether an approved extension moved the ledger's deadline. */
    public boolean extended() {
        return ledger != null;
    }

    /** The ledger's deadline: this one unless an extension moved it. */
    public Deadline original() {
        return extended() ? ledger : this;
    }

    /** The ledger's deadline moved to {@code day} by an approved extension: 2024年6月前（延期至2024年9月30日）. */
    public Deadline extendedTo(LocalDate day) {
        Deadline original = original();
        return new Deadline(original.text + "（延期至" + Periods.date(day) + "）", day, original);
    }

    /** Whether the text is words for a day rather than the day itself: 2024年上半年, 立行立改. */
    public boolean worded() {
        return date != null && !extended() && !text.equals(date.toString());
    }

    /** For messages: the text, and the day it names when worded: 2024年上半年（2024-06-30）. */
    public String describe() {
        return worded() ? text + "（" + date + "）" : text;
    }

    /**
     * Whether a unit's copy of this deadline is the same deadline: the text as written or any
     * accepted form of the same day (2024年6月前 copied as 2024-06-30 or 2024年6月底), or 长期坚持; for
     * an extended deadline the ledger's too (a template made before the extension).
     */
    public boolean sameAs(Cell copy) {
        return Texts.code(copy.text()).equals(Texts.code(text))
                || DeadlineForms.read(copy).map(d -> Objects.equals(d.date(), date)).orElse(false)
                || extended() && ledger.sameAs(copy);
    }
}
