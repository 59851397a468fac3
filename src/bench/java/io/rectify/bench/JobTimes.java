package io.rectify.bench;

import io.rectify.ops.DatabasePassword;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a Rectify job took inside its JVM, from Spring Batch's own records in the H2 database
 * (job and step start and end), and the stage times the nightly job logs.
 *
 * @param jobMillis  the last job execution, start to end
 * @param stepMillis each of its steps, by step name
 * @param stages     from the log: read, reconcile (summed over periods), consolidate, write; and rows read
 */
record JobTimes(long jobMillis, Map<String, Long> stepMillis, Map<String, Long> stages) {

    private static final Pattern INGESTED = Pattern.compile(
            "Ingested \\d{4}-\\d{2}: .*?(\\d+) rows accepted, (\\d+) rejected.*read in (\\d+) ms, reconciled in (\\d+) ms");
    private static final Pattern REPORTED = Pattern.compile("Consolidated \\d{4}-\\d{2} in (\\d+) ms; .* in (\\d+) ms");

    /** The data folder's database password; none for a baseline build from before passwords. */
    private static String password(Path dataFolder) {
        return Files.exists(DatabasePassword.file(dataFolder)) ? DatabasePassword.current(dataFolder) : "";
    }

    static JobTimes of(Path dataFolder, String output) throws SQLException {
        Map<String, Long> steps = new LinkedHashMap<>();
        long job;
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataFolder.resolve("db").resolve("rectify")
                + ";ACCESS_MODE_DATA=r", DatabasePassword.USER, password(dataFolder));
             Statement sql = db.createStatement()) {
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

    private static Map<String, Long> stages(String output) {
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
        return stages;
    }
}
