package io.rectify.nightly;

import io.rectify.TestDatabase;
import io.rectify.reconcile.PeriodFolder;
import io.rectify.reconcile.ReturnFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What nights left in the database (H2 or PostgreSQL: {@link TestDatabase}) under a {@link Rectify} root, read (and changed) with plain JDBC;
 * and the February folder that the classes testing stored periods share.
 */
final class StoredPeriods {

    /** February's returns of the standard test ledger: U01..U04 report their lead tasks, U05 sends nothing. */
    static void writeFebruary(Path input) {
        new PeriodFolder(input, "2024-02").add(
                ReturnFixture.unit("U01").period("2024-02").row("T01", "推进中").row("T06", "推进中"),
                ReturnFixture.unit("U02").period("2024-02").row("T02", "推进中"),
                ReturnFixture.unit("U03").period("2024-02").row("T03", "推进中"),
                ReturnFixture.unit("U04").period("2024-02").row("T04", "未启动")).write();
    }

    private final Path root;

    StoredPeriods(Path root) {
        this.root = root;
    }

    /** The task codes of one rule's exceptions of a period, as stored. */
    List<String> exceptions(String period, String rule) {
        List<String> tasks = new ArrayList<>();
        query("SELECT task_code FROM rule_exception WHERE period = '" + period + "' AND rule = '" + rule + "' ORDER BY seq",
                rs -> tasks.add(rs.getString(1)));
        return tasks;
    }

    Map<String, Instant> reconciledAt() {
        return byPeriod("reconciled_at", rs -> rs.getTimestamp(2).toInstant());
    }

    Map<String, String> fingerprints() {
        return byPeriod("fingerprint", rs -> rs.getString(2));
    }

    /** One column of period_fingerprint, by period. */
    private <T> Map<String, T> byPeriod(String column, Value<T> value) {
        Map<String, T> values = new TreeMap<>();
        query("SELECT period, " + column + " FROM period_fingerprint", rs -> values.put(rs.getString(1), value.of(rs)));
        return values;
    }

    /** Per period, its stored task statuses, files and exceptions as text. */
    Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        query("SELECT period, task_code, status, completion_date, source_period FROM task_status ORDER BY period, task_code",
                rs -> states.merge(rs.getString(1), rs.getString(2) + rs.getString(3) + rs.getDate(4) + rs.getString(5), String::concat));
        query("SELECT period, path, sha256, outcome FROM return_file ORDER BY period, path",
                rs -> states.merge(rs.getString(1), rs.getString(2) + rs.getString(3) + rs.getString(4), String::concat));
        query("SELECT period, seq, rule, task_code, message FROM rule_exception ORDER BY period, seq",
                rs -> states.merge(rs.getString(1), rs.getInt(2) + rs.getString(3) + rs.getString(4) + rs.getString(5), String::concat));
        return states;
    }

    /** The task codes with a stored status in a period, in code order. */
    List<String> tasks(String period) {
        List<String> tasks = new ArrayList<>();
        query("SELECT task_code FROM task_status WHERE period = '" + period + "' ORDER BY task_code", rs -> tasks.add(rs.getString(1)));
        return tasks;
    }

    /** Files the ingest step of the latest night read. */
    long readCount() {
        long[] count = {-1};
        query("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'ingestStep' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1",
                rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private interface Value<T> {
        T of(ResultSet rs) throws SQLException;
    }

    void query(String sql, Row row) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs one UPDATE (or DELETE, INSERT) with its parameters. */
    void update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection connect() throws SQLException {
        return TestDatabase.connect(root.resolve("data"));
    }
}
