package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.MetadataField;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReturnLayout;
import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import io.rectify.intake.UnitReturn;
import io.rectify.rule.Rule;
import io.rectify.workbook.Cell;
import io.rectify.workbook.Column;
import io.rectify.workbook.Texts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a unit writes into its return for one period, in the words of the return (SPEC §3): the
 * metadata block, the 整改进展 rows, the optional 制度建设 and 问责情况 sheets, the file's name and
 * time. {@link #read} turns it into what the reader gives for such a workbook, laid out as the
 * generated template is:
 * <ul>
 *   <li>整改进展: title in row 1; labels in column A and values in column B: 单位代码 row 2, 单位名称
 *       row 3, 报送期次 row 4, 报送日期 row 5; header row 7; data rows from Excel row 8, columns
 *       from A in the order of {@link #columns} (default 任务编号, 整改状态, 完成日期, 进展情况,
 *       佐证材料, 备注);</li>
 *   <li>制度建设 and 问责情况: header row 1, data rows from row 2, columns in layout order.</li>
 * </ul>
 * Cell values: a String is a text cell, a {@link LocalDate} an Excel date cell, a Number a number
 * cell; null or "" leaves the cell empty. A row left wholly empty is skipped, as the reader does.
 */
final class ReturnFixture {

    static final int HEADER_ROW = 7;
    static final int FIRST_ROW = HEADER_ROW + 1;
    private static final List<String> DEFAULT_COLUMNS = List.of(ReturnLayout.TASK_CODE, ReturnLayout.STATUS,
            ReturnLayout.COMPLETION_DATE, ReturnLayout.PROGRESS, ReturnLayout.EVIDENCE, ReturnLayout.REMARK);
    private static final Map<String, Integer> LABEL_ROWS = Map.of(ReturnLayout.UNIT_CODE, 2, ReturnLayout.UNIT_NAME, 3,
            ReturnLayout.PERIOD, 4, ReturnLayout.SUBMITTED_ON, 5);

    private String file;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private List<String> columns = DEFAULT_COLUMNS;
    private final List<Object[]> rows = new ArrayList<>();
    private List<Object[]> institutions;
    private List<Object[]> accountability;
    private String marker;
    private LocalDateTime modifiedAt;
    private Rule refusal;

    private ReturnFixture() {
    }

    /** A return whose 单位代码 cell holds {@code code} ("" leaves it empty). */
    static ReturnFixture unit(String code) {
        ReturnFixture fixture = new ReturnFixture();
        fixture.metadata.put(ReturnLayout.UNIT_CODE, code);
        fixture.file = (code.isBlank() ? "无代码" : code.strip()) + ".xlsx";
        return fixture;
    }

    /** A file that is no readable workbook (corrupt or another format renamed). */
    static ReturnFixture unreadable(String file) {
        return refused(file, Rule.FILE_UNREADABLE);
    }

    /** A password-protected workbook. */
    static ReturnFixture encrypted(String file) {
        return refused(file, Rule.FILE_ENCRYPTED);
    }

    private static ReturnFixture refused(String file, Rule rule) {
        ReturnFixture fixture = new ReturnFixture();
        fixture.file = file;
        fixture.refusal = rule;
        return fixture;
    }

    ReturnFixture name(String name) {
        metadata.put(ReturnLayout.UNIT_NAME, name);
        return this;
    }

    /** 报送期次: text such as "2024-03" or "2024年3月", or a LocalDate for a date cell. */
    ReturnFixture period(Object period) {
        metadata.put(ReturnLayout.PERIOD, period);
        return this;
    }

    /** 报送日期: text or a LocalDate date cell. Without it the file's last-modified day counts. */
    ReturnFixture submittedOn(Object date) {
        metadata.put(ReturnLayout.SUBMITTED_ON, date);
        return this;
    }

    /** The file's name under the period folder, '/' separated. Default: the unit code + .xlsx. */
    ReturnFixture file(String relative) {
        file = relative;
        return this;
    }

    /** Last-modified time in Asia/Shanghai, e.g. "2024-04-02T10:00". Default: the 2nd of the following month, 10:00. */
    ReturnFixture modifiedAt(String localDateTime) {
        modifiedAt = LocalDateTime.parse(localDateTime);
        return this;
    }

    /** The template marker: the ledger version hash the template was generated from. */
    ReturnFixture marker(String ledgerVersion) {
        marker = ledgerVersion;
        return this;
    }

    /** The 整改进展 columns by header text, left to right (a unit may drop, add or reorder columns). */
    ReturnFixture columns(String... headers) {
        columns = List.of(headers);
        return this;
    }

    /** A 整改进展 row, values in {@link #columns} order. */
    ReturnFixture row(Object... values) {
        rows.add(values);
        return this;
    }

    /** The 制度建设 sheet, present even when no row follows. */
    ReturnFixture institutions() {
        if (institutions == null) {
            institutions = new ArrayList<>();
        }
        return this;
    }

    /** A 制度建设 row: 制度名称, 文号, 类型, 印发日期, 关联任务编号. */
    ReturnFixture institution(Object... values) {
        institutions().institutions.add(values);
        return this;
    }

    /** The 问责情况 sheet, present even when no row follows. */
    ReturnFixture accountability() {
        if (accountability == null) {
            accountability = new ArrayList<>();
        }
        return this;
    }

    /** A 问责情况 row: 类型, 人数, 关联问题编号, 说明. */
    ReturnFixture accountability(Object... values) {
        accountability().accountability.add(values);
        return this;
    }

    /** The same content under another file name: a byte-identical copy. */
    ReturnFixture copyAs(String relative) {
        ReturnFixture copy = new ReturnFixture();
        copy.file = relative;
        copy.metadata.putAll(metadata);
        copy.columns = columns;
        copy.rows.addAll(rows);
        copy.institutions = institutions == null ? null : new ArrayList<>(institutions);
        copy.accountability = accountability == null ? null : new ArrayList<>(accountability);
        copy.marker = marker;
        copy.modifiedAt = modifiedAt;
        copy.refusal = refusal;
        return copy;
    }

    String file() {
        return file;
    }

    /** The file as the scanner finds it under {@code folder} and what the reader gives for it. */
    Map.Entry<FoundFile, ReadOutcome> read(Path folder, LocalDateTime defaultModifiedAt) {
        String content = content();
        Instant modified = (modifiedAt == null ? defaultModifiedAt : modifiedAt).atZone(FileTriage.ZONE).toInstant();
        FoundFile found = new FoundFile(folder.resolve(file), file, content.getBytes(StandardCharsets.UTF_8).length,
                sha256(content), modified);
        return Map.entry(found, outcome());
    }

    private ReadOutcome outcome() {
        if (refusal != null) {
            return new ReadOutcome.Refused(refusal, null, null, null, null, refusal == Rule.FILE_ENCRYPTED
                    ? "文件设置了密码，无法读取，请取消密码保护后重新报送"
                    : "文件不是可读取的Excel工作簿，请另存为.xlsx格式后重新报送");
        }
        Optional<Column> missing = ReturnLayout.PROGRESS_COLUMNS.stream().filter(Column::required)
                .filter(c -> columns.stream().noneMatch(h -> canonical(ReturnLayout.PROGRESS_COLUMNS, h).equals(c.name())))
                .findFirst();
        if (missing.isPresent()) {
            return new ReadOutcome.Refused(Rule.TEMPLATE_MISMATCH, ReturnLayout.PROGRESS_SHEET, HEADER_ROW, null, null,
                    "“整改进展”表缺少必填列“" + missing.get().name() + "”，请使用本期模板填报后重新报送");
        }
        Map<String, MetadataField> fields = new LinkedHashMap<>();
        metadata.forEach((label, value) -> {
            Cell cell = cell(1, value);
            if (cell != null) {
                fields.put(label, new MetadataField(label, LABEL_ROWS.get(label), "B", cell));
            }
        });
        return new ReadOutcome.Read(new UnitReturn(file, fields,
                table(ReturnLayout.PROGRESS_SHEET, ReturnLayout.PROGRESS_COLUMNS, columns, rows, FIRST_ROW),
                Optional.ofNullable(institutions).map(r -> table(ReturnLayout.INSTITUTION_SHEET,
                        ReturnLayout.INSTITUTION_COLUMNS, names(ReturnLayout.INSTITUTION_COLUMNS), r, 2)),
                Optional.ofNullable(accountability).map(r -> table(ReturnLayout.ACCOUNTABILITY_SHEET,
                        ReturnLayout.ACCOUNTABILITY_COLUMNS, names(ReturnLayout.ACCOUNTABILITY_COLUMNS), r, 2)),
                Optional.ofNullable(marker)));
    }

    private static SheetTable table(String sheet, List<Column> layout, List<String> headers, List<Object[]> values,
                                    int firstRow) {
        Map<String, String> letters = new LinkedHashMap<>();
        for (int c = 0; c < headers.size(); c++) {
            String name = canonical(layout, headers.get(c));
            if (!name.isEmpty()) {
                letters.putIfAbsent(name, Cell.columnLetter(c));
            }
        }
        List<TableRow> rows = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            Object[] row = values.get(r);
            for (int c = 0; c < Math.min(row.length, headers.size()); c++) {
                Cell cell = cell(c, row[c]);
                String name = canonical(layout, headers.get(c));
                if (cell != null && !name.isEmpty()) {
                    cells.put(name, cell);
                }
            }
            if (!cells.isEmpty()) {
                rows.add(new TableRow(firstRow + r, cells));
            }
        }
        return new SheetTable(sheet, letters, rows);
    }

    /** The layout's name for a header text, "" for a column the layout does not know. */
    private static String canonical(List<Column> layout, String header) {
        String text = Texts.header(header);
        return layout.stream().filter(c -> c.name().equals(text) || c.synonyms().contains(text))
                .map(Column::name).findFirst().orElse("");
    }

    private static List<String> names(List<Column> layout) {
        return layout.stream().map(Column::name).toList();
    }

    private static Cell cell(int column, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return new Cell(column, Cell.Kind.DATE, date.toString(),
                    org.apache.poi.ss.usermodel.DateUtil.getExcelDate(date));
        }
        if (value instanceof Number number) {
            double n = number.doubleValue();
            return new Cell(column, Cell.Kind.NUMBER, n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n), n);
        }
        return Cell.text(column, value.toString());
    }

    /** Everything that would be in the workbook's bytes (not its name or time). */
    private String content() {
        StringBuilder out = new StringBuilder(String.valueOf(refusal)).append('|').append(marker).append('|')
                .append(metadata).append('|').append(columns);
        rows.forEach(r -> out.append('|').append(Arrays.toString(r)));
        out.append("|I").append(institutions == null ? "-" : institutions.stream().map(Arrays::toString).toList());
        out.append("|A").append(accountability == null ? "-" : accountability.stream().map(Arrays::toString).toList());
        return out.toString();
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
