package io.rectify.run;

import io.rectify.intake.Archive;
import io.rectify.ops.AtomicFiles;
import io.rectify.ops.RectifyProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * What a new run clears up after runs that were killed or crashed; it runs holding the data
 * folder's lock, so no other process writes meanwhile. The temporary files a killed writer left
 * under the outputs and the archive are deleted (they never took an output's name). An interrupted
 * execution of the same job for the same period is recovered and abandoned through the
 * {@link JobOperator}, with a line in the log: the new run redoes all of its work from the inputs,
 * so it would never be continued, and it must not stay in the way of the night's runs. An
 * interrupted execution of another job or period is left as it is, for {@code restart} or serve's
 * catch-up to continue.
 */
@Component
class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final ExecutionHistory history;
    private final Archive archive;

    InterruptedRuns(JobOperator jobOperator, JobRepository jobRepository, ExecutionHistory history,
                    RectifyProperties properties) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.history = history;
        this.archive = new Archive(properties.data());
    }

    /**
     * Clears up before {@code jobName} starts for {@code period} (null for a job without one),
     * writing its outputs under {@code output}.
     */
    void supersede(String jobName, String period, Path output) throws IOException {
        for (JobExecution execution : jobRepository.findRunningJobExecutions(jobName)) {
            ExecutionRecord record = history.record(execution);
            if (record.state() == ExecutionRecord.State.INTERRUPTED && Objects.equals(record.period(), period)) {
                log.warn("{} execution {} ({}started {}) was interrupted: the process that ran it ended without finishing "
                                + "(killed or crashed). This run does its work again, so it is recovered and abandoned "
                                + "through the JobOperator", jobName, execution.getId(), period == null ? "" : period + ", ",
                        execution.getStartTime());
                abandon(jobOperator.recover(execution));
            }
        }
        int removed = 0;
        for (Path folder : List.of(output, archive.folder())) {
            removed += AtomicFiles.removeLeftovers(folder);
        }
        if (removed > 0) {
            log.warn("Removed {} half-written temporary file(s) or staging folder(s) a killed run left", removed);
        }
    }

    private void abandon(JobExecution recovered) {
        try {
            jobOperator.abandon(recovered);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new IllegalStateException("execution " + recovered.getId() + " is still running after recovery", e);
        }
    }
}
