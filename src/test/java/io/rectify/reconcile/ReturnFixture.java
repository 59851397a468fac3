package io.rectify.reconcile;

import io.rectify.intake.ReturnLayout;
import io.rectify.intake.TemplateMarker;
import io.rectify.workbook.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.Reproducibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a unit writes into its return for one period, in the words of the return (docs/RETURNS.md): the
 * metadata block, the 整改进展 rows, the optional 制度建设 and 问责情况 sheets, the file's name and
 * time. {@link #write} saves it as a real workbook with POI (.xls when the file name says so, else
 * .xlsx), laid out as the generated template is:
 * <ul>
 *   <li>整改进展: title in row 1; labels in column A and values in column B: 单位代码 row 2, 单位名称
 *       row 3, 报送期次 row 4, 报送日期 row 5 (every label is written, its value only when given);
 *       header row 7; data rows from Excel row 8, columns from A in the order of {@link #columns}
 *       (default 任务编号, 整改状态, 完成日期, 进展情况, 佐证材料, 备注);</li>
 *   <li>制度建设, 问责情况 and 延期申请, when used: header row 1, data rows from row 2, columns in layout order;</li>
 *   <li>the template marker, when given: the very hidden sheet {@value TemplateMarker#SHEET}.</li>
 * </ul>
 * Cell values: a String is a text cell, a {@link LocalDate} an Excel date cell, a Number a number
 * cell; null or "" leaves the cell empty. The same content always gives the same bytes, so a
 * {@link #copyAs copy} is byte-identical.
 */
public final class ReturnFixture {

    public static final int HEADER_ROW = 7;
    public static final int FIRST_ROW = HEADER_ROW + 1;
    private static final List<String> DEFAULT_COLUMNS = List.of(ReturnLayout.TASK_CODE, ReturnLayout.STATUS,
            ReturnLayout.COMPLETION_DATE, ReturnLayout.PROGRESS, ReturnLayout.EVIDENCE, ReturnLayout.REMARK);
    private static final List<String> LABELS = List.of(ReturnLayout.UNIT_CODE, ReturnLayout.UNIT_NAME,
            ReturnLayout.PERIOD, ReturnLayout.SUBMITTED_ON);
    private static final Date CREATED = Date.from(LocalDate.of(2024, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));

    private String file;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private List<String> columns = DEFAULT_COLUMNS;
    private final List<Object[]> rows = new ArrayList<>();
    private List<Object[]> institutions;
    private List<Object[]> accountability;
    private List<Object[]> extensions;
    private String marker;
    private String markerUnit;
    private LocalDateTime modifiedAt;
    private Damage damage = Damage.NONE;

    /** How a file that is no readable workbook was spoilt. */
    private enum Damage { NONE, TEXT, TRUNCATED, ENCRYPTED }

    private ReturnFixture() {
    }

    /** A return whose 单位代码 cell holds {@code code} ("" leaves it empty). */
    public static ReturnFixture unit(String code) {
        ReturnFixture fixture = new ReturnFixture();
        fixture.metadata.put(ReturnLayout.UNIT_CODE, code);
        fixture.file = (code.isBlank() ? "无代码" : code.strip()) + ".xlsx";
        return fixture;
    }

    /** A file that is no readable workbook: text saved under a workbook's name. */
    public static ReturnFixture unreadable(String file) {
        return damaged(file, Damage.TEXT);
    }

    /** The first half of a real .xlsx, as an interrupted upload leaves it. */
    public static ReturnFixture truncated(String file) {
        return damaged(file, Damage.TRUNCATED);
    }

    /** A password-protected .xlsx. */
    public static ReturnFixture encrypted(String file) {
        return damaged(file, Damage.ENCRYPTED);
    }

    private static ReturnFixture damaged(String file, Damage damage) {
        ReturnFixture fixture = unit("U01").period("2024-03").row("P01-01", "推进中").file(file);
        fixture.damage = damage;
        return fixture;
    }

    public ReturnFixture name(String name) {
        metadata.put(ReturnLayout.UNIT_NAME, name);
        return this;
    }

    /** 报送期次: text such as "2024-03" or "2024年3月", or a LocalDate for a date cell. */
    public ReturnFixture period(Object period) {
        metadata.put(ReturnLayout.PERIOD, period);
        return this;
    }

    /** 报送日期: text or a LocalDate date cell. Without it the file's last-modified day counts. */
    public ReturnFixture submittedOn(Object date) {
        metadata.put(ReturnLayout.SUBMITTED_ON, date);
        return this;
    }

    /** The file's name under the period folder, '/' separated. Default: the unit code + .xlsx. */
    public ReturnFixture file(String relative) {
        file = relative;
        return this;
    }

    /** Last-modified time in Asia/Shanghai, e.g. "2024-04-02T10:00". Default: the 2nd of the following month, 10:00. */
    public ReturnFixture modifiedAt(String localDateTime) {
        modifiedAt = LocalDateTime.parse(localDateTime);
        return this;
    }

    /** The template marker: the ledger version hash the template was generated from. */
    public ReturnFixture marker(String ledgerVersion) {
        marker = ledgerVersion;
        return this;
    }

    /** The template marker of a template made for {@code unit}. */
    public ReturnFixture marker(String ledgerVersion, String unit) {
        markerUnit = unit;
        return marker(ledgerVersion);
    }

    /** The 整改进展 columns by header text, left to right (a unit may drop, add or reorder columns). */
    public ReturnFixture columns(String... headers) {
        columns = List.of(headers);
        return this;
    }

    /** A 整改进展 row, values in {@link #columns} order. */
    public ReturnFixture row(Object... values) {
        rows.add(values);
        return this;
    }

    /** The 制度建设 sheet, present (with its header) even when no row follows. */
    public ReturnFixture institutions() {
        if (institutions == null) {
            institutions = new ArrayList<>();
        }
        return this;
    }

    /** A 制度建设 row: 制度名称, 文号, 类型, 印发日期, 关联任务编号. */
    public ReturnFixture institution(Object... values) {
        institutions().institutions.add(values);
        return this;
    }

    /** The 问责情况 sheet, present (with its header) even when no row follows. */
    public ReturnFixture accountability() {
        if (accountability == null) {
            accountability = new ArrayList<>();
        }
        return this;
    }

    /** A 问责情况 row: 类型, 人数, 关联问题编号, 说明. */
    public ReturnFixture accountability(Object... values) {
        accountability().accountability.add(values);
        return this;
    }

    /** A 延期申请 row: 任务编号, 申请延期至, 延期理由, 整改措施, 现完成时限. */
    public ReturnFixture extension(Object... values) {
        if (extensions == null) {
            extensions = new ArrayList<>();
        }
        extensions.add(values);
        return this;
    }

    /** The same content under another file name: a byte-identical copy. */
    public ReturnFixture copyAs(String relative) {
        ReturnFixture copy = new ReturnFixture();
        copy.file = relative;
        copy.metadata.putAll(metadata);
        copy.columns = columns;
        copy.rows.addAll(rows);
        copy.institutions = institutions == null ? null : new ArrayList<>(institutions);
        copy.accountability = accountability == null ? null : new ArrayList<>(accountability);
        copy.extensions = extensions == null ? null : new ArrayList<>(extensions);
        copy.marker = marker;
        copy.markerUnit = markerUnit;
        copy.modifiedAt = modifiedAt;
        copy.damage = damage;
        return copy;
    }

    public String file() {
        return file;
    }

    /**
     * Saves the file under {@code periodFolder} (replacing one of the same name) and sets its
     * last-modified time ({@link #modifiedAt}, else {@code defaultModifiedAt}, in Asia/Shanghai).
     */
    public Path write(Path periodFolder, LocalDateTime defaultModifiedAt) {
        Path target = periodFolder.resolve(file);
        try {
            Files.createDirectories(target.getParent());
            switch (damage) {
                // the name in the text: two such files are not byte-identical copies of each other
                case TEXT -> Files.writeString(target, "单位代码,任务编号,整改状态\n这是另存为CSV后改了扩展名的文件：" + file
                        + "\n", StandardCharsets.UTF_8);
                case ENCRYPTED -> writeEncrypted(target);
                case TRUNCATED -> {
                    byte[] whole = bytes(new XSSFWorkbook());
                    Files.write(target, Arrays.copyOf(whole, whole.length / 2));
                }
                case NONE -> Files.write(target, bytes(file.toLowerCase(Locale.ROOT).endsWith(".xls")
                        ? new HSSFWorkbook() : new XSSFWorkbook()));
            }
            LocalDateTime modified = modifiedAt == null ? defaultModifiedAt : modifiedAt;
            Files.setLastModifiedTime(target, FileTime.from(modified.atZone(FileTriage.ZONE).toInstant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private byte[] bytes(Workbook empty) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = workbook(empty)) {
            Reproducibility.runWithSourceDateEpoch(() -> workbook.write(out));
        }
        return out.toByteArray();
    }

    private void writeEncrypted(Path target) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (Workbook workbook = workbook(new XSSFWorkbook()); OutputStream out = encryptor.getDataStream(fs)) {
                workbook.write(out);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                fs.writeFilesystem(out);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Workbook workbook(Workbook workbook) {
        if (workbook instanceof XSSFWorkbook xssf) {
            xssf.getProperties().getCoreProperties().setCreated(Optional.of(CREATED));
        }
        CellStyle dates = workbook.createCellStyle();
        dates.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));

        Sheet progress = workbook.createSheet(ReturnLayout.PROGRESS_SHEET);
        fill(progress.createRow(0), new Object[] {"巡视整改进展报送表"}, dates);
        for (int i = 0; i < LABELS.size(); i++) {
            fill(progress.createRow(1 + i), new Object[] {LABELS.get(i), metadata.get(LABELS.get(i))}, dates);
        }
        table(progress, HEADER_ROW - 1, columns, rows, dates);
        if (institutions != null) {
            table(workbook.createSheet(ReturnLayout.INSTITUTION_SHEET), 0, ReturnLayout.INSTITUTION_COLUMNS.stream()
                    .map(Column::name).toList(), institutions, dates);
        }
        if (accountability != null) {
            table(workbook.createSheet(ReturnLayout.ACCOUNTABILITY_SHEET), 0, ReturnLayout.ACCOUNTABILITY_COLUMNS.stream()
                    .map(Column::name).toList(), accountability, dates);
        }
        if (extensions != null) {
            table(workbook.createSheet(ReturnLayout.EXTENSION_SHEET), 0, ReturnLayout.EXTENSION_COLUMNS.stream()
                    .map(Column::name).toList(), extensions, dates);
        }
        if (marker != null) {
            Sheet sheet = workbook.createSheet(TemplateMarker.SHEET);
            fill(sheet.createRow(0), new Object[] {TemplateMarker.LEDGER_VERSION, marker}, dates);
            if (markerUnit != null) {
                fill(sheet.createRow(1), new Object[] {TemplateMarker.UNIT, markerUnit}, dates);
            }
            workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
        }
        return workbook;
    }

    /** A header in row {@code headerIndex} (0-based) and the data rows right under it. */
    private static void table(Sheet sheet, int headerIndex, List<String> headers, List<Object[]> values, CellStyle dates) {
        fill(sheet.createRow(headerIndex), headers.toArray(), dates);
        for (int r = 0; r < values.size(); r++) {
            fill(sheet.createRow(headerIndex + 1 + r), values.get(r), dates);
        }
    }

    private static void fill(Row row, Object[] values, CellStyle dates) {
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null || value instanceof String s && s.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dates);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }
}
