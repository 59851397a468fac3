package io.rectify.portal.group;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The returns units uploaded through the portal (table {@code upload}, V9) that were accepted and stored into
 * the period's folder but that no nightly run has read yet: the stored file is not among the period's files
 * reconcile recorded (table {@code return_file}).
 */
@Repository
class PendingUploads {

    private final JdbcClient jdbc;

    PendingUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The time of each unit's latest such upload for the period, by unit code. */
    Map<String, Instant> latestByUnit(YearMonth period) {
        Map<String, Instant> latest = new HashMap<>();
        jdbc.sql("""
                        SELECT u.unit_code, MAX(u.uploaded_at) FROM upload u
                        WHERE u.period = ? AND u.accepted AND u.stored_as IS NOT NULL AND u.unit_code IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM return_file f
                                          WHERE f.period = u.period AND u.stored_as = f.period || '/' || f.path)
                        GROUP BY u.unit_code""")
                .param(period.toString())
                .query(rs -> {
                    latest.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return latest;
    }
}
