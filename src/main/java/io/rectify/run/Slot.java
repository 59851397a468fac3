package io.rectify.run;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A schedule's fire time that a run serves: recorded in the run's job parameters so that a
 * missed slot can be told from a served one, exactly.
 *
 * @param schedule the schedule's name (its file in jobs/, without .properties)
 * @param at       the fire time, in the schedule's time zone
 */
public record Slot(String schedule, ZonedDateTime at) {

    /** The form stored in the job parameter {@link JobRuns#SCHEDULED_AT}. */
    public String atText() {
        return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
