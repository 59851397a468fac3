package io.rectify.run;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The executions this process runs. Listens to every job of the context (registered on each at
 * start-up, so a job added later needs nothing): when one starts it records this process in the
 * execution's context ({@link RunProcess}), at once, so that a crash leaves a trace; when one
 * ends it logs its one-line record. When the context closes (SIGTERM, Ctrl-C, serve shutting
 * down) it asks every execution still running to stop and waits, within a bound, until each has
 * finished its current chunk and ended STOPPED: restartable, never half-written.
 */
@Component
public class RunningJobs implements JobExecutionListener, SmartInitializingSingleton, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);
    private static final long POLL_MILLIS = 200;

    private final List<Job> jobs;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final Duration shutdownWait;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private volatile boolean active;

    RunningJobs(List<Job> jobs, JobRepository jobRepository, JobOperator jobOperator,
                @Value("${rectify.shutdown-wait}") Duration shutdownWait) {
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.shutdownWait = shutdownWait;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Job job : jobs) {
            if (job instanceof AbstractJob listened) {
                listened.registerJobExecutionListener(this);
            }
        }
    }

    @Override
    public void beforeJob(JobExecution execution) {
        RunProcess.current().putInto(execution.getExecutionContext());
        jobRepository.updateExecutionContext(execution);
        running.add(execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        log.info(ExecutionRecord.of(execution, true).logLine(LocalDateTime.now()));
    }

    /**
     * Asks every execution this process still runs to stop after its current chunk, and waits
     * until each has ended or {@code wait} has passed.
     *
     * @return the ids of the executions still running when the wait ended
     */
    public Set<Long> stopAll(Duration wait) {
        pruneEnded();
        for (long id : running) {
            JobExecution execution = jobRepository.getJobExecution(id);
            if (execution != null && execution.getStatus().isRunning() && !execution.isStopping()) {
                log.warn("Stopping execution {} ({}): it will end after its current step chunk and can be restarted",
                        id, execution.getJobInstance().getJobName());
                try {
                    jobOperator.stop(execution);
                } catch (JobExecutionNotRunningException e) {
                    // ended meanwhile
                }
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (pruneEnded() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!running.isEmpty()) {
            log.error("Executions {} did not stop within {}; they will show as interrupted: restart or abandon them",
                    running, wait);
        }
        return Set.copyOf(running);
    }

    /**
     * Forgets the executions the database shows as ended; returns how many still run. Ended is
     * an end time: a stop request marks an execution STOPPED at once, while its chunk still runs.
     */
    private int pruneEnded() {
        running.removeIf(id -> {
            JobExecution execution = jobRepository.getJobExecution(id);
            return execution == null || execution.getEndTime() != null;
        });
        return running.size();
    }

    @Override
    public void start() {
        active = true;
    }

    @Override
    public void stop() {
        if (!running.isEmpty()) {
            stopAll(shutdownWait);
        }
        active = false;
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    /** Stops before every other bean, the database included, so a stopping job can still write. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
