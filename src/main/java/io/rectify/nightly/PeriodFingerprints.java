package io.rectify.nightly;

import io.rectify.intake.Archive;
import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReadLimits;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.Sha256;
import io.rectify.intake.SkippedFile;
import io.rectify.ledger.LedgerVersion;
import io.rectify.ops.RectifyProperties;
import io.rectify.rule.Rule;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a period's stored state was reconciled from (table {@code period_fingerprint}, V5), so that
 * the nightly job leaves an earlier period whose inputs did not change as it is stored instead of
 * reading and reconciling it again. The fingerprint is a SHA-256 over everything a period's result
 * depends on:
 * <ul>
 *   <li>the application's build ({@link BuildIdentity}): rules and readers are the build's;</li>
 *   <li>the content hash of the ledger version the period is judged with (its tasks, units,
 *       deadlines, 报送截止日): the period's own version, not today's, so that a ledger edit leaves
 *       earlier periods kept ({@link io.rectify.reconcile.Reconciler#versionFor});</li>
 *   <li>the as-of date and the settings reconcile and reading use: {@code rectify.due-soon-days},
 *       {@code rectify.immediate-days} (the day 立行立改 tasks fall due) and every
 *       {@code rectify.limits.*} (which files are refused);</li>
 *   <li>the period folder as scanned: every workbook's relative path, size, SHA-256 and
 *       last-modified time (the submission day when none is written, hence late and superseding),
 *       and every skipped file with its reason (skipped-file entries; a file still settling);</li>
 *   <li>the period's reviews folder ({@code <input>/reviews/<YYYY-MM>/}) scanned the same way: a review
 *       workbook added or changed for an earlier period makes it, and the periods after it, reconciled again;</li>
 *   <li>the stored state the period builds on: the fingerprint stored for the latest earlier
 *       period with stored state (statuses are carried forward from it, lists in force come from
 *       the periods before), so a period whose predecessor changed is reconciled again, and the
 *       next one after it, down the chain.</li>
 * </ul>
 * The workbooks are not read for it: the scanner hashed them. A period is kept only when its stored
 * fingerprint is the one computed and each of its workbooks (within the size limit) is in the
 * archive. A reading outcome of the moment, not of the file (the time or memory limit, a failed
 * archive copy), is tried again: such a period is stored with a fingerprint never computed
 * ({@code unrepeatable-<uuid>}), so it and every later period are reconciled again next night, as
 * before fingerprints.
 */
@Component
class PeriodFingerprints {

    private static final Logger log = LoggerFactory.getLogger(PeriodFingerprints.class);
    /** Stored for a period whose result may differ when its files are read again. */
    static final String UNREPEATABLE = "unrepeatable-";
    /**
     * Parts of the file-unreadable messages whose cause is the moment: ReturnReader's time and memory
     * limits, IngestTasklet's failed archive copy (UnchangedPeriodsIT holds the time limit's and the
     * archive copy's to their messages; running out of memory cannot be brought about in a test).
     */
    private static final List<String> MOMENTARY = List.of("（每份文件读取时间上限）", "（内存上限）", "无法复制");

    private final JdbcTemplate jdbc;
    private final Archive archive;
    private final int dueSoonDays;
    private final int immediateDays;
    private final ReadLimits limits;
    private final String build;

    PeriodFingerprints(JdbcTemplate jdbc, RectifyProperties properties) {
        this.jdbc = jdbc;
        this.archive = new Archive(properties.data());
        this.dueSoonDays = properties.dueSoonDays();
        this.immediateDays = properties.immediateDays();
        this.limits = ReadLimits.of(properties.limits());
        // at start-up: a jar replaced while serve runs is the next process's build, not this one's
        this.build = BuildIdentity.current();
    }

    /**
     * The fingerprint of reconciling the scanned period as of {@code asOf} now against the ledger
     * {@code version}, after the periods stored before it.
     */
    String of(PeriodScan scan, PeriodScan reviews, LocalDate asOf, Optional<LedgerVersion> version) {
        Fields fields = new Fields().add("rectify period fingerprint 2").add(build)
                .add(scan.period()).add(asOf)
                .add(version.map(LedgerVersion::contentHash).orElse("no ledger"))
                .add(dueSoonDays).add(immediateDays).add(limits).add(before(scan.period()));
        files(fields, scan);
        files(fields.add("reviews"), reviews);
        return fields.hex();
    }

    private static void files(Fields fields, PeriodScan scan) {
        fields.add(scan.workbooks().size());
        for (FoundFile file : scan.workbooks()) {
            fields.add(file.relative()).add(file.size()).add(file.sha256()).add(file.modifiedAt());
        }
        fields.add(scan.skipped().size());
        for (SkippedFile file : scan.skipped()) {
            fields.add(file.relative()).add(file.reason());
        }
    }

    /**
     * Whether the period's stored state was reconciled from exactly these inputs and all of its workbooks (returns
     * and reviews) are archived.
     */
    boolean unchanged(PeriodScan scan, PeriodScan reviews, String fingerprint) {
        return stored(scan.period()).filter(fingerprint::equals).isPresent()
                && Stream.concat(scan.workbooks().stream(), reviews.workbooks().stream())
                .filter(f -> f.size() <= limits.maxFileBytes())
                .allMatch(f -> Files.isRegularFile(archive.pathOf(f.sha256())));
    }

    /**
     * Records the fingerprint the period was just reconciled from, in the transaction that stored its
     * state (the ingest step's chunk; nothing this period's reconcile stored changes it); an
     * unrepeatable one when an outcome was of the moment.
     */
    void record(PeriodScan scan, PeriodScan reviews, LocalDate asOf, Optional<LedgerVersion> version,
                Collection<ReadOutcome> outcomes) {
        YearMonth period = scan.period();
        long momentary = outcomes.stream().filter(PeriodFingerprints::momentary).count();
        if (momentary > 0) {
            log.info("{}: {} file(s) refused for a cause of the moment (time or memory limit, archive copy): "
                    + "the period is reconciled again on the next run", period, momentary);
        }
        String stored = momentary > 0 ? UNREPEATABLE + UUID.randomUUID() : of(scan, reviews, asOf, version);
        jdbc.update("DELETE FROM period_fingerprint WHERE period = ?", period.toString());
        jdbc.update("INSERT INTO period_fingerprint (period, fingerprint, reconciled_at) VALUES (?, ?, ?)",
                period.toString(), stored, Timestamp.from(Instant.now()));
    }

    /** The first characters of a fingerprint, as the log shows it. */
    static String brief(String fingerprint) {
        return fingerprint.substring(0, 12);
    }

    static boolean momentary(ReadOutcome outcome) {
        return outcome instanceof ReadOutcome.Refused refused && refused.rule() == Rule.FILE_UNREADABLE
                && MOMENTARY.stream().anyMatch(refused.message()::contains);
    }

    /**
     * The fingerprint stored for a period whose state is stored (a fingerprint left without it, by a
     * hand-cleared database, counts for nothing).
     */
    private Optional<String> stored(YearMonth period) {
        return jdbc.query("""
                SELECT fingerprint FROM period_fingerprint f
                WHERE period = ? AND EXISTS (SELECT 1 FROM task_status s WHERE s.period = f.period)""",
                (rs, n) -> rs.getString(1), period.toString()).stream().findFirst();
    }

    /** The latest earlier period with stored state and its stored fingerprint ("none" when it has none). */
    private String before(YearMonth period) {
        String p = period.toString();
        return jdbc.query("""
                SELECT l.period, f.fingerprint FROM (
                    SELECT MAX(period) AS period FROM (
                        SELECT period FROM task_status WHERE period < ?
                        UNION ALL SELECT period FROM return_file WHERE period < ?
                        UNION ALL SELECT period FROM period_fingerprint WHERE period < ?) earlier) l
                LEFT JOIN period_fingerprint f ON f.period = l.period""",
                (rs, n) -> rs.getString(1) == null ? "nothing before"
                        : rs.getString(1) + " " + Optional.ofNullable(rs.getString(2)).orElse("none"), p, p, p)
                .get(0);
    }

    /** Values hashed one after another, each with its length, so that no two lists of values hash alike. */
    private static final class Fields {

        private final MessageDigest digest = Sha256.digest();

        Fields add(Object value) {
            byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            digest.update(bytes);
            return this;
        }

        String hex() {
            return Sha256.hex(digest);
        }
    }
}
