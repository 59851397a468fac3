package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodScan;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Rule;
import io.rectify.rule.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each workbook of a period folder as its checks left it ({@link PeriodChecks#check}), kept in table
 * checked_file (V11) with the period-wide inputs it was checked with: a night whose inputs are the
 * same takes an unchanged workbook (same path, size, SHA-256 and last-modified time) from here
 * instead of reading and checking it again. A workbook's checks depend on nothing but the workbook and
 * those inputs, so what is taken is what reading it again would give. The ledger's tasks and units are
 * kept by code and found again in the period's ledger, which the inputs hold unchanged.
 */
@Repository
public class CheckedFiles {

    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;

    CheckedFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The workbooks of the scan kept as checked with {@code inputs}, by the scan's file. */
    public Map<FoundFile, CheckedFile> unchanged(PeriodChecks checks, PeriodScan scan, String inputs) {
        Map<String, FoundFile> byPath = new HashMap<>();
        scan.workbooks().forEach(f -> byPath.put(f.relative(), f));
        Map<FoundFile, CheckedFile> kept = new LinkedHashMap<>();
        jdbc.query("SELECT path, file_key, checked FROM checked_file WHERE period = ? AND inputs = ?", rs -> {
            FoundFile found = byPath.get(rs.getString(1));
            if (found != null && rs.getString(2).equals(key(found))) {
                kept.put(found, new Decoder(checks.ledger(), found, rs.getBytes(3)).checkedFile());
            }
        }, scan.period().toString(), inputs);
        return kept;
    }

    /**
     * Keeps the workbooks just {@code read} (all but those whose outcome was of the moment), checked with
     * {@code inputs}, and forgets those no longer in the scan.
     */
    public void keep(PeriodScan scan, String inputs, Map<FoundFile, CheckedFile> read, Collection<FoundFile> momentary) {
        String period = scan.period().toString();
        Set<String> paths = new HashSet<>();
        scan.workbooks().forEach(f -> paths.add(f.relative()));
        List<Object[]> gone = new ArrayList<>();
        jdbc.query("SELECT path FROM checked_file WHERE period = ?", rs -> {
            String path = rs.getString(1);
            if (!paths.contains(path)) {
                gone.add(new Object[] {period, path});
            }
        }, period);
        read.keySet().forEach(f -> gone.add(new Object[] {period, f.relative()}));
        jdbc.batchUpdate("DELETE FROM checked_file WHERE period = ? AND path = ?", gone);
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (Map.Entry<FoundFile, CheckedFile> e : read.entrySet()) {
            FoundFile found = e.getKey();
            if (found.sha256() == null || momentary.contains(found)) {
                continue;
            }
            rows.add(new Object[] {period, found.relative(), key(found), inputs, encode(e.getValue())});
            if (rows.size() == BATCH) {
                jdbc.batchUpdate("INSERT INTO checked_file (period, path, file_key, inputs, checked) VALUES (?, ?, ?, ?, ?)",
                        rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO checked_file (period, path, file_key, inputs, checked) VALUES (?, ?, ?, ?, ?)",
                    rows);
        }
    }

    private static String key(FoundFile found) {
        return found.size() + " " + found.sha256() + " " + found.modifiedAt();
    }

    static byte[] encode(CheckedFile checked) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(
                new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 8192))) {
            new Encoder(out).checkedFile(checked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes a checked file field by field; every file reference in it is the checked file's own. */
    private record Encoder(DataOutputStream out) {

        void checkedFile(CheckedFile c) throws IOException {
            ReturnFile f = c.file();
            text(f.path());
            text(f.unit() == null ? null : f.unit().code());
            date(f.submittedOn());
            out.writeBoolean(f.late());
            out.writeBoolean(f.metadata() != null);
            if (f.metadata() != null) {
                text(f.reporter());
                text(f.phone());
                text(f.marker());
            }
            text(f.outcome().name());
            entries(c.fileFindings());
            entries(c.useFindings());
            out.writeInt(c.rowsRead());
            CheckedReturn rows = c.rows();
            out.writeBoolean(rows != null);
            if (rows == null) {
                return;
            }
            ProgressCheck.Progress progress = rows.progress();
            out.writeInt(progress.rows().size());
            for (ReportedRow r : progress.rows()) {
                text(r.task().code());
                out.writeBoolean(r.lead());
                text(r.status().name());
                date(r.completionDate());
                text(r.progress());
                text(r.evidence());
                text(r.remark());
                out.writeInt(r.excelRow());
                text(r.columns().sheet());
                text(r.columns().status());
                text(r.columns().date());
                text(r.statusText());
                text(r.dateText());
            }
            out.writeInt(progress.flaggedTasks().size());
            for (String task : progress.flaggedTasks()) {
                text(task);
            }
            out.writeInt(progress.rowsFilled());
            out.writeInt(rows.institutions().rows().size());
            for (InstitutionRow i : rows.institutions().rows()) {
                text(i.unit() == null ? null : i.unit().code());
                text(i.name());
                text(i.docNo());
                text(i.kind());
                date(i.issuedOn());
                text(i.taskRef());
                text(i.key().docKey());
                text(i.key().nameKey());
                out.writeInt(i.excelRow());
                place(i.nameCell());
            }
            out.writeBoolean(rows.institutions().replaces());
            out.writeInt(rows.accountability().rows().size());
            for (AccountabilityRow a : rows.accountability().rows()) {
                text(a.unit() == null ? null : a.unit().code());
                text(a.kind());
                out.writeInt(a.persons());
                text(a.problemRef());
                text(a.note());
                out.writeInt(a.excelRow());
            }
            out.writeBoolean(rows.accountability().replaces());
            out.writeInt(rows.extensions().size());
            for (ExtensionRequest r : rows.extensions()) {
                text(r.unit() == null ? null : r.unit().code());
                text(r.task().code());
                date(r.requested());
                text(r.reason());
                place(r.place());
            }
        }

        private void entries(List<ExceptionEntry> entries) throws IOException {
            out.writeInt(entries.size());
            for (ExceptionEntry e : entries) {
                text(e.rule().code());
                text(e.group());
                text(e.unitCode());
                text(e.unitName());
                text(e.problemCode());
                text(e.taskCode());
                text(e.file());
                text(e.sheet());
                text(e.row() == null ? null : e.row().toString());
                text(e.column());
                text(e.value());
                text(e.message());
            }
        }

        private void place(Place p) throws IOException {
            out.writeBoolean(p != null);
            if (p != null) {
                text(p.file());
                text(p.sheet());
                text(p.row() == null ? null : p.row().toString());
                text(p.column());
                text(p.value());
            }
        }

        private void date(LocalDate date) throws IOException {
            out.writeBoolean(date != null);
            if (date != null) {
                out.writeLong(date.toEpochDay());
            }
        }

        private void text(String text) throws IOException {
            if (text == null) {
                out.writeInt(-1);
                return;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** Reads a checked file as {@link Encoder} wrote it, its tasks and units found again in the period's ledger. */
    private static final class Decoder {

        private final LedgerIndex ledger;
        private final FoundFile found;
        private final DataInputStream in;
        private final Map<String, String> texts = new HashMap<>();

        Decoder(LedgerIndex ledger, FoundFile found, byte[] bytes) {
            this.ledger = ledger;
            this.found = found;
            this.in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)));
        }

        CheckedFile checkedFile() {
            try (in) {
                return read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private CheckedFile read() throws IOException {
            String path = text();
            Unit unit = unit(text());
            LocalDate submittedOn = date();
            boolean late = in.readBoolean();
            ReturnFile.Metadata metadata = in.readBoolean() ? new ReturnFile.Metadata(text(), text(), text()) : null;
            ReturnFile file = new ReturnFile(path, found, unit, submittedOn, late, metadata, FileOutcome.valueOf(text()));
            List<ExceptionEntry> fileFindings = entries();
            List<ExceptionEntry> useFindings = entries();
            int rowsRead = in.readInt();
            if (!in.readBoolean()) {
                return new CheckedFile(file, fileFindings, null, useFindings, rowsRead);
            }
            int count = in.readInt();
            List<ReportedRow> reported = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                reported.add(new ReportedRow(file, task(text()), in.readBoolean(), TaskStatus.valueOf(text()), date(),
                        text(), text(), text(), in.readInt(), new ReportedRow.Columns(text(), text(), text()), text(),
                        text()));
            }
            Set<String> flagged = new LinkedHashSet<>();
            for (int i = in.readInt(); i > 0; i--) {
                flagged.add(text());
            }
            ProgressCheck.Progress progress = new ProgressCheck.Progress(List.copyOf(reported), flagged, in.readInt());
            List<InstitutionRow> institutions = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                institutions.add(new InstitutionRow(file, unit(text()), text(), text(), text(), date(), text(),
                        new InstitutionIdentity.Key(text(), text()), in.readInt(), place()));
            }
            UnitList<InstitutionRow> institutionList = new UnitList<>(List.copyOf(institutions), in.readBoolean());
            List<AccountabilityRow> accountability = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                accountability.add(new AccountabilityRow(file, unit(text()), text(), in.readInt(), text(), text(),
                        in.readInt()));
            }
            UnitList<AccountabilityRow> accountabilityList = new UnitList<>(List.copyOf(accountability), in.readBoolean());
            List<ExtensionRequest> extensions = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                extensions.add(new ExtensionRequest(unit(text()), task(text()), date(), text(), place()));
            }
            return new CheckedFile(file, fileFindings, new CheckedReturn(file, progress, institutionList,
                    accountabilityList, List.copyOf(extensions)), useFindings, rowsRead);
        }

        private List<ExceptionEntry> entries() throws IOException {
            int count = in.readInt();
            List<ExceptionEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                entries.add(new ExceptionEntry(Rule.of(text()), text(), text(), text(), text(), text(), text(), text(),
                        integer(text()), text(), text(), text()));
            }
            return List.copyOf(entries);
        }

        private Place place() throws IOException {
            return in.readBoolean() ? new Place(text(), text(), integer(text()), text(), text()) : null;
        }

        private Unit unit(String code) {
            return code == null ? null : ledger.unit(code);
        }

        private Task task(String code) {
            return ledger.task(code).orElseThrow(() -> new IllegalStateException("task " + code + " is not in the ledger"));
        }

        private static Integer integer(String text) {
            return text == null ? null : Integer.valueOf(text);
        }

        private LocalDate date() throws IOException {
            return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
        }

        /**
         * The same text is the same string within a file, as a workbook's shared strings are when it is read: a
         * city's unchanged returns hold 400,000 rows, their sheet names, column letters and status words repeated.
         */
        private String text() throws IOException {
            int length = in.readInt();
            if (length < 0) {
                return null;
            }
            byte[] bytes = in.readNBytes(length);
            return texts.computeIfAbsent(new String(bytes, StandardCharsets.UTF_8), t -> t);
        }
    }
}
