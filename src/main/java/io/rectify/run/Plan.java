package io.rectify.run;

import java.time.ZonedDateTime;

/**
 * A schedule of jobs/ as {@code status} shows it.
 *
 * @param schedule the schedule's name (its file in jobs/)
 * @param command  the command it runs
 * @param cron     its cron expression
 * @param zone     its time zone
 * @param period   which period it processes, in the words of the file (previous-month, 2024-03...)
 * @param next     the next fire time; null when the schedule is disabled
 */
public record Plan(String schedule, String command, String cron, String zone, String period, ZonedDateTime next) {
}
