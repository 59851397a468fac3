package io.rectify.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit log (table audit_event): append-only; nothing in Rectify updates or deletes a line, and
 * the database refuses to ({@link AppendOnlyTrigger}). The office reads it newest first
 * ({@link #find}) and exports it to a workbook ({@link #export}).
 */
@Component
public class AuditLog {

    /** The office's time zone: the times the audit page and the export show. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A moment as the office reads it: 2024-04-03 10:15:00, in {@link #ZONE}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    /** The most events one export holds: Excel's rows, less the title and the header. */
    private static final int MAX_EXPORT = 1_048_576 - 2;

    private static final String COLUMNS = "at, username, remote_address, action, target, outcome, detail";

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(AuditEvent event) {
        jdbc.update("INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(event.at()), clip(event.username(), 100), clip(event.remoteAddress(), 100),
                event.action().name(), clip(event.target(), 1000), event.outcome().name(), clip(event.detail(), 2000));
    }

    /** The events the filter asks for, newest first, at most {@code limit} of them. */
    public List<AuditEvent> find(AuditFilter filter, int limit) {
        Query query = Query.of(filter);
        List<Object> params = new ArrayList<>(query.params());
        params.add(Math.max(0, limit));
        return jdbc.query(query.sql() + " LIMIT ?", AuditLog::event, params.toArray());
    }

    /**
     * Writes the events the filter asks for, newest first, as a workbook (A4 landscape, the header
     * repeated on every page) to {@code out}, which stays open.
     *
     * @return how many events it holds: all that match, up to {@link #MAX_EXPORT}
     */
    public int export(AuditFilter filter, OutputStream out) throws IOException {
        Query query = Query.of(filter);
        try (AuditWorkbook workbook = new AuditWorkbook(filter)) {
            int[] count = {0};
            jdbc.query(connection -> {
                var statement = connection.prepareStatement(query.sql() + " LIMIT " + MAX_EXPORT);
                statement.setFetchSize(1000);
                for (int i = 0; i < query.params().size(); i++) {
                    statement.setObject(i + 1, query.params().get(i));
                }
                return statement;
            }, rs -> {
                workbook.append(event(rs, count[0]++));
            });
            workbook.write(out);
            return count[0];
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), rs.getString(2),
                rs.getString(3), AuditAction.valueOf(rs.getString(4)), rs.getString(5),
                AuditOutcome.valueOf(rs.getString(6)), rs.getString(7));
    }

    /** The SELECT of a filter, newest first, and its parameters. */
    private record Query(String sql, List<Object> params) {

        static Query of(AuditFilter filter) {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (filter.from() != null) {
                where.append(" AND at >= ?");
                params.add(Timestamp.from(filter.from().atStartOfDay(ZONE).toInstant()));
            }
            if (filter.to() != null) {
                where.append(" AND at < ?");
                params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
            }
            if (filter.username() != null && !filter.username().isBlank()) {
                where.append(" AND LOWER(username) LIKE ? ESCAPE '\\'");
                params.add("%" + filter.username().strip().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (filter.action() != null) {
                where.append(" AND action = ?");
                params.add(filter.action().name());
            }
            if (filter.outcome() != null) {
                where.append(" AND outcome = ?");
                params.add(filter.outcome().name());
            }
            return new Query("SELECT " + COLUMNS + " FROM audit_event" + where + " ORDER BY at DESC, id DESC", params);
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
