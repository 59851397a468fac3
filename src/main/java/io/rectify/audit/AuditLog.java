package io.rectify.audit;

import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The audit log (table audit_event): append-only; nothing in Rectify updates or deletes a line. */
@Component
public class AuditLog {

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(AuditEvent event) {
        jdbc.update("INSERT INTO audit_event (at, username, remote_address, action, target, outcome, detail) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(event.at()), clip(event.username(), 100), clip(event.remoteAddress(), 100),
                event.action().name(), clip(event.target(), 1000), event.outcome().name(), clip(event.detail(), 2000));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
