package io.rectify.schedule;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which period a scheduled run processes, judged on the day of its slot in the schedule's time
 * zone (so a run caught up the next morning processes what the missed one would have):
 * {@code previous-month} (the default), {@code current-month}, {@code next-month}, {@code latest}
 * (nightly only: the latest period folder in input/returns/) or a fixed {@code YYYY-MM}.
 */
record PeriodRule(String text, int monthsFromSlot, YearMonth fixed) {

    static final PeriodRule PREVIOUS_MONTH = new PeriodRule("previous-month", -1, null);
    static final PeriodRule LATEST = new PeriodRule("latest", 0, null);

    static PeriodRule parse(String text) {
        return switch (text) {
            case "previous-month" -> PREVIOUS_MONTH;
            case "current-month" -> new PeriodRule(text, 0, null);
            case "next-month" -> new PeriodRule(text, 1, null);
            case "latest" -> LATEST;
            default -> {
                try {
                    if (text.matches("\\d{4}-\\d{2}")) {
                        yield new PeriodRule(text, 0, YearMonth.parse(text));
                    }
                } catch (DateTimeParseException e) {
                    // reported below
                }
                throw new IllegalArgumentException("period must be previous-month, current-month, next-month, latest "
                        + "or a month as YYYY-MM, got '" + text + "'");
            }
        };
    }

    /** The period for a slot on {@code day}; empty for latest, which the run itself resolves. */
    Optional<YearMonth> resolve(LocalDate day) {
        if (text.equals(LATEST.text)) {
            return Optional.empty();
        }
        return Optional.of(fixed != null ? fixed : YearMonth.from(day).plusMonths(monthsFromSlot));
    }
}
