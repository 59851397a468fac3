package io.rectify.schedule;

import io.rectify.ops.CommandLine;
import io.rectify.run.JobRuns;
import io.rectify.run.Slot;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs a schedule's job for one slot, or one asked for now, and reports its end; a run that cannot start is logged, never thrown. */
@Component
class SlotRunner {

    private static final Logger log = LoggerFactory.getLogger(SlotRunner.class);

    private final JobRuns jobRuns;

    SlotRunner(JobRuns jobRuns) {
        this.jobRuns = jobRuns;
    }

    void run(JobSchedule schedule, ZonedDateTime slot, CommandLine serve) {
        Slot served = new Slot(schedule.name(), slot);
        try {
            CommandLine commandLine = schedule.commandLine(slot, serve);
            log.info("Schedule {}: running {} for the slot {}", schedule.name(), schedule.command().word(), served.atText());
            jobRuns.run(commandLine, Optional.of(served));
        } catch (RuntimeException e) {
            log.error("Schedule {}: the run for the slot {} could not start: {}", schedule.name(), served.atText(),
                    e.getMessage(), e);
        }
    }

    /** Runs a job asked for now (the office's portal), as a run by hand: a new job instance, no slot. */
    void runNow(CommandLine commandLine) {
        try {
            log.info("Running {} now, as asked in the portal", commandLine.command().word());
            jobRuns.run(commandLine, Optional.empty());
        } catch (RuntimeException e) {
            log.error("The {} asked for now could not start: {}", commandLine.command().word(), e.getMessage(), e);
        }
    }
}
