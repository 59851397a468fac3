package io.rectify.schedule;

import io.rectify.ops.CommandLine;
import io.rectify.run.ExecutionControl;
import io.rectify.run.ExecutionHistory;
import io.rectify.run.ExecutionRecord;
import io.rectify.run.Slot;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * What serve does first: for each schedule, the latest slot at or before start-up is looked up
 * in the history (runs record their slot in their job parameters). A slot no run served (the
 * machine was off, serve was not running) is run now; a run of it that serve's shutdown stopped,
 * or that a crash left interrupted, is continued. A failed one is left for the office (status
 * says what to do): running it again unattended would most likely fail again.
 */
@Component
class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    private final ExecutionHistory history;
    private final ExecutionControl control;
    private final SlotRunner runner;

    CatchUp(ExecutionHistory history, ExecutionControl control, SlotRunner runner) {
        this.history = history;
        this.control = control;
        this.runner = runner;
    }

    void run(List<JobSchedule> schedules, Instant now, CommandLine serve) {
        for (JobSchedule schedule : schedules) {
            Optional<ZonedDateTime> due = schedule.latestAtOrBefore(now);
            if (due.isEmpty()) {
                continue;
            }
            Slot slot = new Slot(schedule.name(), due.get());
            Optional<JobExecution> served = history.latestFor(slot);
            if (served.isEmpty()) {
                log.warn("Schedule {}: no run served the slot {} (the machine was off or serve was not running); "
                        + "catching up now", schedule.name(), slot.atText());
                runner.run(schedule, due.get(), serve);
                continue;
            }
            ExecutionRecord record = history.record(served.get());
            switch (record.state()) {
                case STOPPED, INTERRUPTED -> {
                    log.warn("Schedule {}: the run of the slot {} (execution {}) was {}; continuing it",
                            schedule.name(), slot.atText(), record.id(), record.state().code());
                    control.restart(record.id());
                }
                case FAILED -> log.warn("Schedule {}: the run of the slot {} (execution {}) failed: {}; "
                                + "not retried unattended (see status)", schedule.name(), slot.atText(), record.id(),
                        record.reason());
                default -> log.info("Schedule {}: the slot {} was served by execution {} ({})", schedule.name(),
                        slot.atText(), record.id(), record.state().code());
            }
        }
    }
}
