package io.rectify.run;

import io.rectify.ops.DataLock;
import io.rectify.ops.FailureCause;
import io.rectify.ops.RectifyProperties;
import io.rectify.ops.ServerLock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
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
 * <p>
 * Spring Batch marks an execution STOPPED, with an end time, as soon as it is asked to stop,
 * while its chunk still runs; so the end is told by the work around it returning ({@link #busy}:
 * the launch and the end summary), not by the database.
 */
@Component
public class RunningJobs implements JobExecutionListener, SmartInitializingSingleton, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);
    private static final long POLL_MILLIS = 200;

    private final List<Job> jobs;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final Duration shutdownWait;
    private final Path data;
    private final Path output;
    private final ServerLock serverLock;
    private final Set<Long> begun = ConcurrentHashMap.newKeySet();
    private final Set<Long> stopRequested = ConcurrentHashMap.newKeySet();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean active;

    RunningJobs(List<Job> jobs, JobRepository jobRepository, JobOperator jobOperator,
                @Value("${rectify.shutdown-wait}") Duration shutdownWait, RectifyProperties properties,
                ServerLock serverLock) {
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.shutdownWait = shutdownWait;
        this.data = properties.data();
        this.output = properties.output();
        this.serverLock = serverLock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Job job : jobs) {
            if (job instanceof AbstractJob listened) {
                listened.registerJobExecutionListener(this);
            }
        }
    }

    /**
     * Runs the work of a command around a job (its launch and end summary), counted until it
     * returns, holding the locks of the data folder and of the output folder ({@link DataLock}) and,
     * when the database is a server, its writer lock ({@link ServerLock}): no other process writes to
     * any of them meanwhile. Should the writer lock be lost, the executions are asked to stop.
     *
     * @param command what runs, as another process refused the lock is told
     * @throws DataLock.Busy when another process holds the lock
     */
    <T> T busy(String command, Callable<T> work) throws Exception {
        try (DataLock lock = DataLock.acquire(data, command);
             DataLock outputLock = DataLock.acquireOutput(output, command + " --data=" + data);
             ServerLock.Hold serverHold = serverLock.acquire(command, this::stopAllNow)) {
            busy.incrementAndGet();
            try {
                return work.call();
            } finally {
                busy.decrementAndGet();
            }
        }
    }

    /** Asks every execution this process runs to stop after its current chunk, without waiting. */
    private void stopAllNow() {
        begun.stream().filter(stopRequested::add).forEach(this::stop);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        RunProcess.current().putInto(execution.getExecutionContext());
        jobRepository.updateExecutionContext(execution);
        begun.add(execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        begun.remove(execution.getId());
        stopRequested.remove(execution.getId());
        sayTheCause(execution);
        log.info(ExecutionRecord.of(execution, true).logLine(LocalDateTime.now()));
    }

    /**
     * Puts the real cause of a failed execution (the disk is full, no permission...) in Chinese on
     * the first line of its exit description, where the end summary and status read it, before the
     * stack trace Spring Batch keeps there, whose first line may be a library's follow-on message.
     */
    private static void sayTheCause(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED) {
            return;
        }
        execution.getAllFailureExceptions().stream().map(FailureCause::of).flatMap(Optional::stream).findFirst()
                .ifPresent(cause -> {
                    ExitStatus exit = execution.getExitStatus();
                    execution.setExitStatus(new ExitStatus(exit.getExitCode(), cause + "\n" + exit.getExitDescription()));
                });
    }

    /**
     * Asks every execution this process runs to stop after its current chunk, and waits until
     * the work around them has returned or {@code wait} has passed.
     *
     * @return whether all returned in time
     */
    public boolean stopAll(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            stopAllNow();
            if (busy.get() == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                log.error("Executions {} did not stop within {}; status will show them as interrupted: "
                        + "restart or abandon them", begun, wait);
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void stop(long id) {
        JobExecution execution = jobRepository.getJobExecution(id);
        log.warn("Stopping execution {} ({}): it ends after its current chunk and can be restarted",
                id, execution.getJobInstance().getJobName());
        try {
            jobOperator.stop(execution);
        } catch (JobExecutionNotRunningException e) {
            // ended meanwhile
        }
    }

    @Override
    public void start() {
        active = true;
    }

    @Override
    public void stop() {
        if (busy.get() > 0) {
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
