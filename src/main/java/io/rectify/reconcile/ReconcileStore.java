package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.Sha256;
import io.rectify.reconcile.InstitutionIdentity.Key;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;
import io.rectify.rule.Verdict;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Repository;

/**
 * The returns tables of V3 for reconcile: the state of the period before a given one, the ledger
 * version a period was judged with (V7), and the replacement of what changed of a period's stored
 * state, part by part (V11), written in batches.
 */
@Repository
class ReconcileStore {

    /** Longest cell value and message rule_exception holds. */
    private static final int TEXT_LIMIT = 4000;
    /** Rows per JDBC batch. */
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    ReconcileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each task's status in the latest period before {@code period} that was reconciled, by task code. */
    Map<String, TaskState> statusesBefore(YearMonth period) {
        Map<String, TaskState> states = new HashMap<>();
        // one instance of each period: a city carries 400,000 states forward
        Map<String, String> periods = new HashMap<>();
        jdbc.query("""
                SELECT task_code, status, completion_date, source_period, sign_off, signed_off_period FROM task_status
                WHERE period = (SELECT MAX(period) FROM task_status WHERE period < ?)""",
                rs -> {
                    String task = rs.getString(1);
                    String sourcePeriod = rs.getString(4);
                    String signedOffPeriod = rs.getString(6);
                    states.put(task, new TaskState(task, TaskStatus.of(rs.getString(2)), toLocalDate(rs.getDate(3)),
                            sourcePeriod == null ? null : periods.computeIfAbsent(sourcePeriod, w -> w),
                            SignOff.of(rs.getString(5)),
                            signedOffPeriod == null ? null : periods.computeIfAbsent(signedOffPeriod, w -> w)));
                }, period.toString());
        return states;
    }

    /**
     * Each unit's 制度建设 list in force before {@code period}: the rows of its latest accepted file
     * of an earlier period that replaced its list. By unit code; a unit whose list is empty is absent.
     */
    Map<String, List<Key>> institutionListsBefore(YearMonth period) {
        Map<String, List<Key>> lists = new LinkedHashMap<>();
        jdbc.query("""
                SELECT f.unit_code, i.doc_key, i.name_key FROM institution i
                JOIN return_file f ON f.id = i.file_id
                JOIN (SELECT unit_code, MAX(period) AS period FROM return_file
                      WHERE outcome = 'accepted' AND has_institutions AND period < ? GROUP BY unit_code) l
                  ON l.unit_code = f.unit_code AND l.period = f.period
                WHERE f.outcome = 'accepted'
                ORDER BY f.unit_code, i.excel_row""",
                rs -> {
                    lists.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Key(rs.getString(2), rs.getString(3)));
                }, period.toString());
        return lists;
    }

    /** The content hash of the ledger version {@code period} was last judged with (V7); empty when it has no stored state. */
    Optional<String> judgedWith(YearMonth period) {
        return jdbc.queryForList("SELECT ledger_hash FROM period_ledger WHERE period = ?", String.class, period.toString())
                .stream().findFirst();
    }

    /** Whether a period after {@code period} has stored state. */
    boolean laterPeriodStored(YearMonth period) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM task_status WHERE period > ?)", Boolean.class, period.toString()));
    }

    /** How many of the ledger's units had their stored state replaced by {@link #replace}, and how many kept it. */
    record Replaced(int units, int kept) {
    }

    /**
     * Stores the period's new state, judged with the ledger version of content hash {@code ledgerHash}
     * (null when no ledger was imported), in place of its earlier state, part by part (V11 stored_part):
     * each unit's files with the rows and lists of its used return, each block of the exception list,
     * the reviews (review files, sign-off and extension decisions) and each task's status. A part whose
     * digest is the one stored is left as it is; a changed one is deleted and inserted again, so a night
     * on which few units changed rewrites few rows. A period never stored is only inserted, in batches.
     */
    Replaced replace(YearMonth period, LedgerIndex ledger, String ledgerHash, List<ReturnFile> files,
                     List<CheckedReturn> used, List<TaskState> states, List<ExceptionEntry> exceptions,
                     List<ReviewFile> reviewFiles, List<ReviewDecision> decisions,
                     List<ExtensionDecision> extensionDecisions) {
        String p = period.toString();
        Map<String, String> storedParts = new HashMap<>();
        jdbc.query("SELECT part, digest FROM stored_part WHERE period = ?",
                rs -> {
                    storedParts.put(rs.getString(1), rs.getString(2));
                }, p);
        if (!storedParts.isEmpty() && !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM task_status WHERE period = ?)", Boolean.class, p))) {
            // digests left without the state they describe (a hand-cleared database) count for nothing
            jdbc.update("DELETE FROM stored_part WHERE period = ?", p);
            storedParts.clear();
        }
        if (storedParts.isEmpty()) {
            // stored before parts were (V11), or never: whatever there is goes whole
            for (String table : List.of("rule_exception", "task_status", "institution", "accountability",
                    "extension_request", "return_row", "return_file", "review_decision", "review_file",
                    "deadline_extension")) {
                jdbc.update("DELETE FROM " + table + " WHERE period = ?", p);
            }
        }
        // period_fingerprint (V5) goes too: what the nightly job records of the new state's inputs comes after;
        // so do the trend rows of this period and the later ones (lists in force come from the periods before)
        jdbc.update("DELETE FROM period_fingerprint WHERE period = ?", p);
        jdbc.update("DELETE FROM period_ledger WHERE period = ?", p);
        jdbc.update("DELETE FROM period_figures WHERE period >= ?", p);
        if (ledgerHash != null) {
            jdbc.update("INSERT INTO period_ledger (period, ledger_hash) VALUES (?, ?)", p, ledgerHash);
        }
        List<Part> parts = new ArrayList<>(unitParts(p, files, used));
        parts.addAll(exceptionParts(p, ledger, exceptions));
        parts.add(new ReviewPart(p, reviewFiles, decisions, extensionDecisions));
        List<Part> changed = parts.stream().filter(part -> !part.digest().equals(storedParts.get(part.name()))).toList();
        Set<String> replacedNames = new HashSet<>(storedParts.keySet());
        parts.forEach(part -> replacedNames.remove(part.name()));
        changed.forEach(part -> replacedNames.add(part.name()));
        // every stored part that changed or is gone is deleted before anything is inserted: a file may
        // move from one unit's part to another's
        replacedNames.stream().filter(storedParts::containsKey).sorted().forEach(name -> deletePart(p, name));
        insert(changed);
        Batch forget = new Batch("DELETE FROM stored_part WHERE period = ? AND part = ?");
        replacedNames.stream().filter(storedParts::containsKey).sorted().forEach(name -> forget.add(p, name));
        forget.flush();
        Batch remember = new Batch("INSERT INTO stored_part (period, part, digest) VALUES (?, ?, ?)");
        changed.forEach(part -> remember.add(p, part.name(), part.digest()));
        remember.flush();
        replaceStatuses(p, states, !storedParts.isEmpty());
        Set<String> replacedUnits = new HashSet<>();
        replacedNames.forEach(name -> unitOf(name).ifPresent(replacedUnits::add));
        int units = (int) ledger.units().stream().filter(u -> replacedUnits.contains(u.code())).count();
        return new Replaced(units, ledger.units().size() - units);
    }

    /** The unit a part's name belongs to: its files, or its block of exceptions. */
    private static Optional<String> unitOf(String part) {
        if (part.startsWith(FILES)) {
            return Optional.of(part.substring(FILES.length())).filter(code -> !code.isEmpty());
        }
        if (part.startsWith(EXCEPTIONS)) {
            int unit = part.indexOf(':', EXCEPTIONS.length());
            return unit < 0 ? Optional.empty() : Optional.of(part.substring(unit + 1));
        }
        return Optional.empty();
    }

    private static final String FILES = "files:";
    private static final String EXCEPTIONS = "exceptions:";
    private static final String REVIEWS = "reviews";
    /** An exception's seq is its block's number shifted by this many bits, plus its place in the block. */
    private static final int BLOCK_SHIFT = 22;
    /** Group and unit ranks of an exception block take this many bits each. */
    private static final int RANK_BITS = 20;

    private void deletePart(String period, String name) {
        if (name.startsWith(FILES)) {
            String unit = name.substring(FILES.length());
            // the rows of its files go with them (ON DELETE CASCADE)
            if (unit.isEmpty()) {
                jdbc.update("DELETE FROM return_file WHERE period = ? AND unit_code IS NULL", period);
            } else {
                jdbc.update("DELETE FROM return_file WHERE period = ? AND unit_code = ?", period, unit);
            }
        } else if (name.startsWith(EXCEPTIONS)) {
            int end = name.indexOf(':', EXCEPTIONS.length());
            long block = Long.parseLong(name.substring(EXCEPTIONS.length(), end < 0 ? name.length() : end));
            jdbc.update("DELETE FROM rule_exception WHERE period = ? AND seq >= ? AND seq < ?", period,
                    block << BLOCK_SHIFT, (block + 1) << BLOCK_SHIFT);
        } else if (name.equals(REVIEWS)) {
            jdbc.update("DELETE FROM review_file WHERE period = ?", period);
            jdbc.update("DELETE FROM deadline_extension WHERE period = ?", period);
        } else {
            throw new IllegalStateException("unknown stored part " + name);
        }
    }

    /**
     * Each task's status: on a period already stored, only the statuses that differ from the stored ones are
     * deleted and inserted again. The stored ones are compared as they are read, never held: a city's
     * 400,000 statuses held twice do not fit a night's heap beside its rows.
     */
    private void replaceStatuses(String period, List<TaskState> states, boolean stored) {
        BitSet unchanged = new BitSet(states.size());
        List<String> replaced = new ArrayList<>();
        if (stored) {
            // the states by task code, searched by halving: a hash map of them would cost more than the states
            int[] order = IntStream.range(0, states.size()).boxed()
                    .sorted(Comparator.comparing(i -> states.get(i).taskCode())).mapToInt(Integer::intValue).toArray();
            String[] codes = Arrays.stream(order).mapToObj(i -> states.get(i).taskCode()).toArray(String[]::new);
            jdbc.query("""
                    SELECT task_code, status, completion_date, source_period, sign_off, signed_off_period
                    FROM task_status WHERE period = ?""",
                    rs -> {
                        int found = Arrays.binarySearch(codes, rs.getString(1));
                        if (found >= 0 && stored(states.get(order[found]), rs)) {
                            unchanged.set(order[found]);
                        } else {
                            replaced.add(rs.getString(1));
                        }
                    }, period);
        }
        Batch delete = new Batch("DELETE FROM task_status WHERE period = ? AND task_code = ?");
        replaced.forEach(task -> delete.add(period, task));
        delete.flush();
        Batch insert = new Batch("""
                INSERT INTO task_status (period, task_code, status, completion_date, source_period, sign_off,
                    signed_off_period) VALUES (?, ?, ?, ?, ?, ?, ?)""");
        for (int i = unchanged.nextClearBit(0); i < states.size(); i = unchanged.nextClearBit(i + 1)) {
            TaskState s = states.get(i);
            insert.add(period, s.taskCode(), s.status().word(), toDate(s.completionDate()), s.sourcePeriod(),
                    word(s.signOff()), s.signedOffPeriod());
        }
        insert.flush();
    }

    /** Whether the status row at the result set's cursor is {@code state} as stored. */
    private static boolean stored(TaskState state, ResultSet rs) throws SQLException {
        return state.status().word().equals(rs.getString(2))
                && Objects.equals(state.completionDate(), toLocalDate(rs.getDate(3)))
                && Objects.equals(state.sourcePeriod(), rs.getString(4))
                && Objects.equals(word(state.signOff()), rs.getString(5))
                && Objects.equals(state.signedOffPeriod(), rs.getString(6));
    }

    private static String word(SignOff signOff) {
        return signOff == null ? null : signOff.word();
    }

    /** The parts of each unit's files (and of the files of no known unit), by unit code. */
    private static List<Part> unitParts(String period, List<ReturnFile> files, List<CheckedReturn> used) {
        Map<String, List<ReturnFile>> byUnit = new TreeMap<>();
        files.forEach(f -> byUnit.computeIfAbsent(f.unit() == null ? "" : f.unit().code(), k -> new ArrayList<>()).add(f));
        Map<String, CheckedReturn> usedByPath = new HashMap<>();
        used.forEach(c -> usedByPath.put(c.file().path(), c));
        return byUnit.entrySet().stream().<Part>map(e -> new UnitPart(period, e.getKey(), e.getValue(), usedByPath))
                .toList();
    }

    /** The exception list in blocks: a unit's exceptions, a group's without a unit, those of neither. */
    private static List<Part> exceptionParts(String period, LedgerIndex ledger, List<ExceptionEntry> exceptions) {
        Map<Long, ExceptionPart> blocks = new LinkedHashMap<>();
        for (ExceptionEntry e : exceptions) {
            long block = ((long) rank(ledger.groupOrder(e.group())) << RANK_BITS) | rank(ledger.unitOrder(e.unitCode()));
            blocks.computeIfAbsent(block, b -> new ExceptionPart(period, b, e.unitCode())).entries.add(e);
        }
        return List.copyOf(blocks.values());
    }

    /** A group's or unit's place in ledger order within {@link #RANK_BITS} bits, none and unknown last. */
    private static long rank(int order) {
        long last = (1L << RANK_BITS) - 1;
        return order == Integer.MAX_VALUE ? last : Math.min(order, last - 1);
    }

    /** The tables a part's rows go to; a file table's rows go in before the rows that refer to them. */
    private enum Table {
        RETURN_FILE(true, """
                INSERT INTO return_file (id, period, path, size_bytes, sha256, modified_at, unit_code, submitted_on,
                    reporter, phone, ledger_marker, outcome, late, has_institutions, has_accountability)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        REVIEW_FILE(true, """
                INSERT INTO review_file (id, period, path, size_bytes, sha256, modified_at, kind, group_name, reviewer,
                    reviewed_on, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        RETURN_ROW(false, """
                INSERT INTO return_row (file_id, period, unit_code, task_code, lead, status, completion_date, progress,
                    evidence, remark, excel_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        INSTITUTION(false, """
                INSERT INTO institution (file_id, period, unit_code, name, doc_no, kind, issued_on, task_ref, doc_key,
                    name_key, excel_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        ACCOUNTABILITY(false, """
                INSERT INTO accountability (file_id, period, unit_code, kind, persons, problem_ref, note, excel_row)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""),
        EXTENSION_REQUEST(false, """
                INSERT INTO extension_request (file_id, period, unit_code, task_code, deadline, requested, reason, excel_row)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""),
        REVIEW_DECISION(false, """
                INSERT INTO review_decision (file_id, period, task_code, verdict, opinion, excel_row)
                VALUES (?, ?, ?, ?, ?, ?)"""),
        DEADLINE_EXTENSION(false, """
                INSERT INTO deadline_extension (period, task_code, granted, previous, requested, extended_to, decided_by,
                    decided_on, file, excel_row, opinion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        RULE_EXCEPTION(false, """
                INSERT INTO rule_exception (period, seq, rule, severity, group_name, unit_code, unit_name, problem_code,
                    task_code, file, sheet, excel_row, col, cell_value, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");

        private final boolean files;
        private final String sql;

        Table(boolean files, String sql) {
            this.files = files;
            this.sql = sql;
        }
    }

    /** A file a row refers to, by its path: its id is given when the part is inserted, and not digested. */
    private record FileRef(boolean review, String path) {
    }

    /** Where a part's rows go: into its digest, or into the tables. */
    private interface Rows {
        void row(Table table, Object... values);
    }

    /** A part of a period's stored state: the rows it stores, and their digest. */
    private abstract static class Part {

        private String digest;

        abstract String name();

        abstract void rows(Rows rows);

        String digest() {
            if (digest == null) {
                MessageDigest sha = Sha256.digest();
                rows((table, values) -> {
                    add(sha, table.name());
                    for (Object value : values) {
                        add(sha, value instanceof FileRef ref ? ref.path() : value);
                    }
                });
                digest = Sha256.hex(sha);
            }
            return digest;
        }

        private static void add(MessageDigest sha, Object value) {
            if (value == null) {
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
                return;
            }
            byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha.update(bytes);
        }
    }

    /** A unit's files with the rows and lists of its used return (unit "" for the files of no known unit). */
    private static final class UnitPart extends Part {

        private final String period;
        private final String unit;
        private final List<ReturnFile> files;
        private final Map<String, CheckedReturn> usedByPath;

        UnitPart(String period, String unit, List<ReturnFile> files, Map<String, CheckedReturn> usedByPath) {
            this.period = period;
            this.unit = unit;
            this.files = files;
            this.usedByPath = usedByPath;
        }

        @Override
        String name() {
            return FILES + unit;
        }

        @Override
        void rows(Rows out) {
            for (ReturnFile file : files) {
                CheckedReturn checked = usedByPath.get(file.path());
                FoundFile found = file.found();
                out.row(Table.RETURN_FILE, new FileRef(false, file.path()), period, file.path(),
                        found == null ? null : found.size(), found == null ? null : found.sha256(),
                        found == null ? null : Timestamp.from(found.modifiedAt()),
                        file.unit() == null ? null : file.unit().code(), toDate(file.submittedOn()),
                        file.reporter(), file.phone(), file.marker(), file.outcome().word(), file.late(),
                        checked != null && checked.institutions().replaces(),
                        checked != null && checked.accountability().replaces());
            }
            for (ReturnFile file : files) {
                CheckedReturn checked = usedByPath.get(file.path());
                if (checked == null) {
                    continue;
                }
                FileRef id = new FileRef(false, file.path());
                String code = checked.file().unit().code();
                for (ReportedRow r : checked.progress().rows()) {
                    out.row(Table.RETURN_ROW, id, period, code, r.task().code(), r.lead(), r.status().word(),
                            toDate(r.completionDate()), r.progress(), r.evidence(), r.remark(), r.excelRow());
                }
                for (InstitutionRow i : checked.institutions().rows()) {
                    out.row(Table.INSTITUTION, id, period, code, i.name(), i.docNo(), i.kind(), toDate(i.issuedOn()),
                            i.taskRef(), i.key().docKey(), i.key().nameKey(), i.excelRow());
                }
                for (AccountabilityRow a : checked.accountability().rows()) {
                    out.row(Table.ACCOUNTABILITY, id, period, code, a.kind(), a.persons(), a.problemRef(), a.note(),
                            a.excelRow());
                }
                for (ExtensionRequest r : checked.extensions()) {
                    out.row(Table.EXTENSION_REQUEST, id, period, code, r.task().code(), toDate(r.task().deadline().date()),
                            toDate(r.requested()), r.reason(), r.place().row());
                }
            }
        }
    }

    /** One block of the period's exception list, numbered from the block's first seq. */
    private static final class ExceptionPart extends Part {

        private final String period;
        private final long block;
        private final String unit;
        private final List<ExceptionEntry> entries = new ArrayList<>();

        ExceptionPart(String period, long block, String unit) {
            this.period = period;
            this.block = block;
            this.unit = unit;
        }

        @Override
        String name() {
            return EXCEPTIONS + block + (unit == null ? "" : ":" + unit);
        }

        @Override
        void rows(Rows out) {
            long seq = block << BLOCK_SHIFT;
            for (ExceptionEntry e : entries) {
                out.row(Table.RULE_EXCEPTION, period, ++seq, e.rule().code(), e.severity().code(), e.group(),
                        e.unitCode(), e.unitName(), e.problemCode(), e.taskCode(), e.file(), e.sheet(), e.row(),
                        e.column(), limit(e.value()), limit(e.message()));
            }
        }
    }

    /**
     * The files of the period's reviews folder, the sign-off decisions taken from them and the extension
     * decisions (deadline_extension), granted or not, each with the deadline in force before it.
     */
    private static final class ReviewPart extends Part {

        private final String period;
        private final List<ReviewFile> files;
        private final List<ReviewDecision> decisions;
        private final List<ExtensionDecision> extensions;

        ReviewPart(String period, List<ReviewFile> files, List<ReviewDecision> decisions,
                   List<ExtensionDecision> extensions) {
            this.period = period;
            this.files = files;
            this.decisions = decisions;
            this.extensions = extensions;
        }

        @Override
        String name() {
            return REVIEWS;
        }

        @Override
        void rows(Rows out) {
            for (ReviewFile file : files) {
                FoundFile found = file.found();
                out.row(Table.REVIEW_FILE, new FileRef(true, file.path()), period, file.path(),
                        found == null ? null : found.size(), found == null ? null : found.sha256(),
                        found == null ? null : Timestamp.from(found.modifiedAt()), file.kindWord(), file.group(),
                        file.reviewer(), toDate(file.reviewedOn()), file.outcome().word());
            }
            decisions.forEach(d -> out.row(Table.REVIEW_DECISION, new FileRef(true, d.file().path()), period,
                    d.task().code(), d.verdict().word(), d.opinion(), d.row()));
            for (ExtensionDecision d : extensions) {
                ExtensionRequest r = d.request();
                out.row(Table.DEADLINE_EXTENSION, period, r.task().code(), d.verdict() == Verdict.GRANT,
                        toDate(r.task().deadline().date()), toDate(r.requested()), toDate(d.extendedTo()), d.decidedBy(),
                        toDate(d.decidedOn()), d.file(), d.row(), d.opinion());
            }
        }
    }

    /**
     * Inserts the rows of the parts in batches, the files first with ids after the highest stored (in the
     * parts' order, each part's files in path order), then the rows that refer to them.
     */
    private void insert(List<Part> parts) {
        Map<Table, Batch> batches = new EnumMap<>(Table.class);
        Map<FileRef, Long> ids = new HashMap<>();
        long[] next = {nextId("return_file"), nextId("review_file")};
        for (boolean files : new boolean[] {true, false}) {
            for (Part part : parts) {
                part.rows((table, values) -> {
                    if (table.files != files) {
                        return;
                    }
                    Object[] row = values.clone();
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] instanceof FileRef ref) {
                            row[i] = table.files ? register(ids, ref, next) : ids.get(ref);
                        }
                    }
                    batches.computeIfAbsent(table, t -> new Batch(t.sql)).add(row);
                });
            }
            batches.values().forEach(Batch::flush);
        }
    }

    private static long register(Map<FileRef, Long> ids, FileRef ref, long[] next) {
        long id = next[ref.review() ? 1 : 0]++;
        ids.put(ref, id);
        return id;
    }

    private long nextId(String table) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class) + 1;
    }


    /**
     * Rows of one INSERT sent in batches of {@link #BATCH}: a period's 400,000 rows are never all
     * held as statement parameters at once. Values are set with setObject (null included), without
     * a per-value look-up of the parameter's SQL type.
     */
    private final class Batch {

        private final String sql;
        private final List<Object[]> pending = new ArrayList<>(BATCH);

        Batch(String sql) {
            this.sql = sql;
        }

        void add(Object... values) {
            pending.add(values);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            jdbc.execute(sql, (PreparedStatementCallback<int[]>) statement -> {
                for (Object[] values : pending) {
                    for (int i = 0; i < values.length; i++) {
                        statement.setObject(i + 1, values[i]);
                    }
                    statement.addBatch();
                }
                return statement.executeBatch();
            });
            pending.clear();
        }
    }

    private static String limit(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT - 1) + "…";
    }

    private static Date toDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
