package io.rectify.portal.unit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Table upload (V9). Column report holds the API's answer ({@link CheckAnswer}) and, beside its
 * fields, what the receipt page needs again: rowsAccepted, and the names of the receipt and marked
 * copy in {@code <data>/uploads/<id>/}.
 */
@Repository
class Uploads {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String COLUMNS = "id, username, unit_code, period, original_name, stored_as, uploaded_at, "
            + "accepted, errors, warnings, infos, report";

    private final JdbcClient jdbc;

    Uploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an upload; its id. */
    long add(Upload upload, String sha256, long size) {
        ObjectNode report = JSON.valueToTree(upload.answer());
        report.put("rowsAccepted", upload.rowsAccepted());
        report.put("receipt", upload.receipt());
        report.put("marked", upload.marked());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO upload (username, unit_code, period, original_name, stored_as, sha256, size_bytes, uploaded_at,
                                    accepted, errors, warnings, infos, report)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(upload.username(), upload.unitCode(), upload.period() == null ? null : upload.period().toString(),
                        upload.shownName(), upload.storedAs(), sha256, size, Timestamp.from(upload.uploadedAt()),
                        upload.accepted(), upload.errors(), upload.warnings(), upload.infos(), JSON.writeValueAsString(report))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Upload> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM upload WHERE id = ?").param(id).query(Uploads::upload).optional();
    }

    /** The unit's uploads, newest first. */
    List<Upload> of(String unitCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM upload WHERE unit_code = ? ORDER BY uploaded_at DESC, id DESC")
                .param(unitCode).query(Uploads::upload).list();
    }

    /** Whether the unit has an accepted return for the period stored through the portal. */
    boolean storedFor(String unitCode, YearMonth period) {
        return jdbc.sql("SELECT COUNT(*) FROM upload WHERE unit_code = ? AND period = ? AND accepted AND stored_as IS NOT NULL")
                .params(unitCode, period.toString()).query(Integer.class).single() > 0;
    }

    private static Upload upload(ResultSet rs, int row) throws SQLException {
        ObjectNode report = (ObjectNode) JSON.readTree(rs.getString("report"));
        String period = rs.getString("period");
        return new Upload(rs.getLong("id"), rs.getString("username"), rs.getString("unit_code"),
                period == null ? null : YearMonth.parse(period), rs.getString("original_name"), rs.getString("stored_as"),
                rs.getTimestamp("uploaded_at").toInstant(), rs.getBoolean("accepted"), rs.getInt("errors"),
                rs.getInt("warnings"), rs.getInt("infos"), JSON.treeToValue(report, CheckAnswer.class),
                report.path("rowsAccepted").asInt(), report.path("receipt").asText(null),
                report.path("marked").isNull() ? null : report.path("marked").asText(null));
    }
}
