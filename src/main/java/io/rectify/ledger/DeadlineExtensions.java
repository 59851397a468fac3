package io.rectify.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deadlines moved by approved extensions (延期), as reconcile stored the office's decisions in
 * {@code deadline_extension}: a task's deadline in force for a period is the day of its latest granted
 * extension decided in that period or before, else the ledger's. Apply them with {@link Ledger#extended}.
 */
@Repository
public class DeadlineExtensions {

    private final JdbcClient jdbc;

    DeadlineExtensions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The extended deadlines in force for {@code period}: those granted in it or before, by task code. */
    public Map<String, LocalDate> inForce(YearMonth period) {
        Map<String, LocalDate> days = new HashMap<>();
        jdbc.sql("""
                SELECT task_code, extended_to FROM deadline_extension
                WHERE granted AND period <= ? ORDER BY period""")
                .param(period.toString())
                .query(rs -> {
                    days.put(rs.getString(1), rs.getDate(2).toLocalDate());
                });
        return days;
    }

    /** The extended deadlines in force before {@code period} (what its own decisions start from). */
    public Map<String, LocalDate> inForceBefore(YearMonth period) {
        return inForce(period.minusMonths(1));
    }
}
