package io.rectify.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a Rectify job took inside its JVM, from Spring Batch's own records in its database
 * (job and step start and end), and the stage times the nightly job logs.
 *
 * @param jobMillis  the last job execution, start to end
 * @param stepMillis each of its steps, by step name
 * @param stages     from the log: read, reconcile (summed over periods), consolidate, write; rows read;
 *                   and, when the build logs them, units reconciled again ({@code again}) and kept
 *                   ({@code kept}) by an incremental night
 */
record JobTimes(long jobMillis, Map<String, Long> stepMillis, Map<String, Long> stages) {

    private static final Pattern INGESTED = Pattern.compile(
            "Ingested \\d{4}-\\d{2}: .*?(\\d+) rows accepted, (\\d+) rejected.*read in (\\d+) ms, reconciled in (\\d+) ms");
    private static final Pattern REPORTED = Pattern.compile("Consolidated \\d{4}-\\d{2} in (\\d+) ms; .* in (\\d+) ms");
    /** "… reconciled in 16532 ms; units reconciled again 100, kept 1900; …", as IngestTasklet logs it. */
    private static final Pattern AGAIN_KEPT = Pattern.compile("units reconciled again (\\d+), kept (\\d+)");

    static JobTimes of(Database database, String output) throws SQLException {
        Map<String, Long> steps = new LinkedHashMap<>();
        long job;
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            long id;
            try (ResultSet rs = sql.executeQuery("SELECT JOB_EXECUTION_ID, START_TIME, END_TIME FROM BATCH_JOB_EXECUTION "
                    + "ORDER BY JOB_EXECUTION_ID DESC LIMIT 1")) {
                rs.next();
                id = rs.getLong(1);
                job = Duration.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()).toMillis();
            }
            try (ResultSet rs = sql.executeQuery("SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION "
                    + "WHERE JOB_EXECUTION_ID = " + id + " ORDER BY STEP_EXECUTION_ID")) {
                while (rs.next()) {
                    steps.put(rs.getString(1), Duration.between(rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant()).toMillis());
                }
            }
        }
        return new JobTimes(job, steps, stages(output));
    }

    static Map<String, Long> stages(String output) {
        Map<String, Long> stages = new LinkedHashMap<>();
        Matcher ingested = INGESTED.matcher(output);
        while (ingested.find()) {
            stages.merge("rows", Long.parseLong(ingested.group(1)) + Long.parseLong(ingested.group(2)), Long::sum);
            stages.merge("read", Long.parseLong(ingested.group(3)), Long::sum);
            stages.merge("reconcile", Long.parseLong(ingested.group(4)), Long::sum);
        }
        Matcher reported = REPORTED.matcher(output);
        if (reported.find()) {
            stages.put("consolidate", Long.parseLong(reported.group(1)));
            stages.put("write", Long.parseLong(reported.group(2)));
        }
        Matcher againKept = AGAIN_KEPT.matcher(output);
        while (againKept.find()) {
            stages.merge("again", Long.parseLong(againKept.group(1)), Long::sum);
            stages.merge("kept", Long.parseLong(againKept.group(2)), Long::sum);
        }
        return stages;
    }
}
