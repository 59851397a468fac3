package io.rectify.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job executions Spring Batch recorded (BATCH_JOB_EXECUTION and its parameters and
 * contexts), read back as {@link ExecutionRecord}s.
 */
@Component
public class ExecutionHistory {

    private final JobRepository jobRepository;
    private final JdbcClient jdbc;

    ExecutionHistory(JobRepository jobRepository, JdbcClient jdbc) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /** The latest executions of every job, newest first. */
    public List<ExecutionRecord> recent(int limit) {
        return jdbc.sql("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT ?")
                .param(limit).query(Long.class).list().stream()
                .map(jobRepository::getJobExecution).filter(Objects::nonNull)
                .map(this::record)
                .toList();
    }

    /** The execution with this id; empty when there is none (the repository would throw). */
    public Optional<JobExecution> execution(long id) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
                .param(id).query(Long.class).single() > 0;
        return exists ? Optional.of(jobRepository.getJobExecution(id)) : Optional.empty();
    }

    public ExecutionRecord record(JobExecution execution) {
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
        return ExecutionRecord.of(execution, latest == null || latest.getId() == execution.getId());
    }

    /** The latest execution that served a schedule's slot, if any did. */
    public Optional<JobExecution> latestFor(Slot slot) {
        return jdbc.sql("""
                        SELECT s.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION_PARAMS s
                        JOIN BATCH_JOB_EXECUTION_PARAMS a ON a.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                        WHERE s.PARAMETER_NAME = ? AND s.PARAMETER_VALUE = ?
                          AND a.PARAMETER_NAME = ? AND a.PARAMETER_VALUE = ?
                        ORDER BY s.JOB_EXECUTION_ID DESC LIMIT 1""")
                .params(JobRuns.SCHEDULE, slot.schedule(), JobRuns.SCHEDULED_AT, slot.atText())
                .query(Long.class).optional()
                .map(jobRepository::getJobExecution);
    }
}
