package io.rectify.portal.group;

import io.rectify.ops.Command;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the job executions Spring Batch recorded say about the stored state the pages show. */
@Repository
class NightlyRuns {

    private static final String NIGHTLY = Command.NIGHTLY.jobName().orElseThrow();

    private final JdbcClient jdbc;

    NightlyRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The as-of date of the period's outputs: that of the latest completed nightly run of the period (its
     * {@code asOf} parameter, else the period's last day); the period's last day when no run was of the period
     * (it was reconciled as an earlier period of a later run, as of its last day).
     */
    LocalDate asOf(YearMonth period) {
        return jdbc.sql("""
                        SELECT a.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION e
                        JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                        JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                             AND p.PARAMETER_NAME = 'period'
                        LEFT JOIN BATCH_JOB_EXECUTION_PARAMS a ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                             AND a.PARAMETER_NAME = 'asOf'
                        WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED' AND p.PARAMETER_VALUE = ?
                        ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1""")
                .param(NIGHTLY).param(period.toString())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)).map(LocalDate::parse)).optional()
                .flatMap(asOf -> asOf).orElse(period.atEndOfMonth());
    }

    /**
     * The latest job execution, its status and when it was last updated: only a job (nightly, import-ledger,
     * restart) changes the stored state, so a consolidation made under the same answer is still the state's.
     */
    String latestExecution() {
        return jdbc.sql("""
                        SELECT JOB_EXECUTION_ID || ' ' || STATUS || ' ' || LAST_UPDATED FROM BATCH_JOB_EXECUTION
                        ORDER BY JOB_EXECUTION_ID DESC LIMIT 1""")
                .query(String.class).optional().orElse("none");
    }
}
