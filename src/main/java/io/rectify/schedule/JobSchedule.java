package io.rectify.schedule;

import io.rectify.ops.Command;
import io.rectify.ops.CommandLine;
import io.rectify.run.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * One scheduled job, as a file of jobs/ describes it: which command runs when, in which time
 * zone, on which period, with which options.
 *
 * @param name      the file's name without .properties; identifies the schedule in the history
 * @param file      the file it was read from
 * @param command   the command it runs (nightly unless the file says otherwise)
 * @param cron      the cron expression: six fields, seconds first
 * @param zone      the time zone the cron expression and the period are read in
 * @param period    which period each run processes
 * @param asOfRunDay nightly: judge overdue and due-soon on the slot's day instead of the period's last day
 * @param options   further options of the command, as on the command line (e.g. --input=/srv/in)
 * @param enabled   false leaves the schedule in place without running it
 */
public record JobSchedule(String name, Path file, Command command, CronExpression cron, ZoneId zone, PeriodRule period,
                          boolean asOfRunDay, List<String> options, boolean enabled) {

    /** Windows searched backwards for the latest fire time, widening until one holds a fire time. */
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofDays(32), Duration.ofDays(367), Duration.ofDays(4 * 366 + 1));

    /** The first fire time strictly after {@code after}; null if the expression never fires again. */
    public ZonedDateTime next(Instant after) {
        return cron.next(after.atZone(zone));
    }

    /** The latest fire time at or before {@code now}: the slot a run should have served by then. */
    public Optional<ZonedDateTime> latestAtOrBefore(Instant now) {
        ZonedDateTime end = now.atZone(zone);
        for (Duration window : LOOK_BACK) {
            ZonedDateTime fire = cron.next(end.minus(window));
            if (fire != null && !fire.isAfter(end)) {
                ZonedDateTime latest = fire;
                while ((fire = cron.next(fire)) != null && !fire.isAfter(end)) {
                    latest = fire;
                }
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }

    /**
     * The command line of the run serving {@code slot}: serve's folders unless the options name
     * others, the period the slot calls for, and the as-of date when the run day is asked for.
     */
    public CommandLine commandLine(ZonedDateTime slot, CommandLine serve) {
        List<String> args = new ArrayList<>();
        args.add(command.word());
        for (String folder : List.of("input", "output")) {
            if (options.stream().noneMatch(o -> o.startsWith("--" + folder + "="))) {
                args.add("--" + folder + "=" + (folder.equals("input") ? serve.input() : serve.output()));
            }
        }
        args.add("--data=" + serve.data());
        if (command.accepts("period")) {
            period.resolve(slot.toLocalDate()).ifPresent(p -> args.add("--period=" + p));
        }
        if (asOfRunDay) {
            args.add("--as-of=" + slot.toLocalDate());
        }
        args.addAll(options);
        return CommandLine.parse(args.toArray(String[]::new));
    }

    Plan plan(Instant now) {
        return new Plan(name, command.word(), cron.toString(), zone.getId(), period.text() + (asOfRunDay ? ", as of the run day" : ""),
                enabled ? next(now) : null);
    }
}
