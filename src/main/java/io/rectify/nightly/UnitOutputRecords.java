package io.rectify.nightly;

import io.rectify.report.UnitOutput;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The units' outputs of each period folder as last written (V11 unit_output), for the next run to take over. */
@Component
class UnitOutputRecords {

    private final JdbcTemplate jdbc;

    UnitOutputRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<UnitOutput> of(YearMonth period) {
        return jdbc.query("SELECT file, unit_code, digest, sha256 FROM unit_output WHERE period = ?",
                (rs, n) -> new UnitOutput(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                period.toString());
    }

    /** Records the unit outputs of the period folder just published, in place of the earlier ones. */
    void record(YearMonth period, List<UnitOutput> outputs) {
        String p = period.toString();
        jdbc.update("DELETE FROM unit_output WHERE period = ?", p);
        jdbc.batchUpdate("INSERT INTO unit_output (period, file, unit_code, digest, sha256) VALUES (?, ?, ?, ?, ?)",
                outputs.stream().map(o -> new Object[] {p, o.file(), o.unitCode(), o.digest(), o.sha256()}).toList());
    }
}
