package io.rectify.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Clears up after a run that was killed or crashed, before the next command starts its job. The
 * caller holds the {@link DataLock}, so an execution the repository still calls running belongs to
 * a process that is gone: it is recovered (marked failed) and abandoned through the
 * {@link JobOperator}, and said so in the log. Its work is not resumed: every job redoes its whole
 * work from the inputs, so the next run gives what an uninterrupted one would have. The temporary
 * files it was writing are removed.
 */
@Component
class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    InterruptedRuns(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /**
     * @param jobNames the jobs to look at
     * @param folders  where their half-written files may be (output, archive)
     * @return how many executions were abandoned
     */
    int clear(Collection<String> jobNames, Collection<Path> folders) throws IOException {
        int abandoned = 0;
        for (String jobName : jobNames) {
            Set<JobExecution> running = jobRepository.findRunningJobExecutions(jobName);
            for (JobExecution execution : running) {
                log.warn("{} execution {} (started {}) is still marked {}, but the process that ran it has ended "
                                + "(killed or crashed): recovered and abandoned through the JobOperator; this run does its work again",
                        jobName, execution.getId(), execution.getStartTime(), execution.getStatus());
                abandon(jobOperator.recover(execution));
                abandoned++;
            }
        }
        if (abandoned > 0) {
            int removed = 0;
            for (Path folder : folders) {
                removed += AtomicFiles.removeLeftovers(folder);
            }
            log.warn("Removed {} half-written temporary file(s) the interrupted run left", removed);
        }
        return abandoned;
    }

    private void abandon(JobExecution recovered) {
        try {
            jobOperator.abandon(recovered);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new IllegalStateException("execution " + recovered.getId() + " is still running after recovery", e);
        }
    }
}
