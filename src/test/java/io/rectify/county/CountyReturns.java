package io.rectify.county;

import static io.rectify.intake.TestWorkbooks.row;

import io.rectify.intake.ReturnLayout;
import io.rectify.intake.TestWorkbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/**
 * The county units' returns for one period, as they really arrive: most fill the template the
 * templates job made for them (found by its labels and headers, as a person finds the cells), two
 * retype their own table, and in May the faults of {@link Kind}. Each file is dated the day its unit
 * sent it, before the 10th. {@link #write} says what was sent: every file by unit, and every row
 * each file reports with whether it can be accepted.
 */
final class CountyReturns {

    /** How a unit's return was made. */
    enum Kind {
        TEMPLATE,
        /** A table typed by the unit: own title and metadata, its lead tasks only, own columns. */
        RETYPED,
        /** Another unit's own table, its columns in yet another order. */
        RETYPED_REORDERED,
        /** The template with 整改进展 renamed 进展情况表; its 单位代码 cell still names the unit. */
        RENAMED_SHEET,
        /** A retyped table without a status column. */
        NO_STATUS_COLUMN,
        /** The template saved as a macro-enabled workbook. */
        XLSM,
        /** An OpenDocument spreadsheet (WPS, LibreOffice) named after the unit. */
        ODS,
        /** The template as an export tool rewrites it: {@code <v></v>} in a number cell, {@code <v/>} in a shared-string cell. */
        EMPTY_VALUES,
        /** The template encrypted with Excel's default password, which Excel opens without asking. */
        DEFAULT_PASSWORD,
        /** The template with an unknown task, a status that is none of the three and a completion without date. */
        REJECTED_ROWS,
        /** The template with one cooperating task's row left blank. */
        COOPERATOR_BLANK,
        /** The template with one lead task's status left blank. */
        LEAD_BLANK;

        boolean refused() {
            return this == RENAMED_SHEET || this == NO_STATUS_COLUMN || this == ODS;
        }
    }

    /** A row of a return: the task code typed, the status typed, and whether the row can be taken. */
    record SentRow(String task, String status, boolean acceptable) {
    }

    /**
     * A file sent by a unit: its path under the period folder, how it was made, the rows it reports
     * (none when the file is refused) and the tasks whose rows it leaves blank.
     */
    record Sent(String unit, String path, Kind kind, List<SentRow> rows, List<String> blank) {
    }

    /** What {@link #filled} and {@link #retyped} wrote: the rows with a status, and the task rows left blank. */
    private record Written(List<SentRow> rows, List<String> blank) {
    }

    static final String UNKNOWN_TASK = "Q-99-9";
    static final String BAD_STATUS = "基本完成";
    static final String RENAMED_SHEET = "进展情况表";
    private static final String NUMBER_PLACEHOLDER = "45999";
    private static final String TEXT_PLACEHOLDER = "（导出工具写入的空值）";

    /** The faults of May, by unit. */
    static final Map<String, Kind> MAY_FAULTS = Map.ofEntries(Map.entry("XF-02", Kind.RETYPED),
            Map.entry("XF-06", Kind.RETYPED_REORDERED), Map.entry("XF-05", Kind.RENAMED_SHEET),
            Map.entry("XF-09", Kind.NO_STATUS_COLUMN), Map.entry("XF-11", Kind.XLSM), Map.entry("XF-21", Kind.ODS),
            Map.entry("XF-13", Kind.EMPTY_VALUES), Map.entry("XF-15", Kind.DEFAULT_PASSWORD),
            Map.entry("XF-17", Kind.REJECTED_ROWS), Map.entry("XF-20", Kind.COOPERATOR_BLANK),
            Map.entry("XF-23", Kind.LEAD_BLANK));
    /** June's returns are clean but for the two retyped ones and the macro-enabled workbook. */
    static final Map<String, Kind> JUNE_KINDS = Map.of("XF-02", Kind.RETYPED, "XF-06", Kind.RETYPED_REORDERED,
            "XF-11", Kind.XLSM);

    private final CountyLedger ledger;
    private final YearMonth period;
    private final Path templates;
    private final Path folder;

    /**
     * @param ledger    the ledger the period's templates were made from
     * @param templates the templates job's folder for the period
     * @param returns   {@code <input>/returns}
     */
    CountyReturns(CountyLedger ledger, YearMonth period, Path templates, Path returns) {
        this.ledger = ledger;
        this.period = period;
        this.templates = templates;
        this.folder = returns.resolve(period.toString());
    }

    List<Sent> write(Map<String, Kind> kinds) {
        List<Sent> sent = new ArrayList<>();
        for (CountyLedger.CountyUnit unit : ledger.units) {
            Kind kind = kinds.getOrDefault(unit.code(), Kind.TEMPLATE);
            try {
                sent.add(write(unit, kind));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sent;
    }

    private Sent write(CountyLedger.CountyUnit unit, Kind kind) throws IOException {
        int number = Integer.parseInt(unit.code().substring(3));
        LocalDate submitted = period.plusMonths(1).atDay(3 + number % 6);
        String template = templateFile(unit.code()).getFileName().toString();
        String inGroup = number % 2 == 0 ? unit.group() + "/" + template : template;
        String path = switch (kind) {
            case TEMPLATE, EMPTY_VALUES, DEFAULT_PASSWORD, REJECTED_ROWS, COOPERATOR_BLANK, LEAD_BLANK -> inGroup;
            case XLSM -> inGroup.replace(".xlsx", ".xlsm");
            case RETYPED -> unit.group() + "/" + unit.name() + period.getMonthValue() + "月整改进展.xlsx";
            case RETYPED_REORDERED -> unit.group() + "/" + unit.name().substring(3) + "-巡察整改进展表.xlsx";
            case RENAMED_SHEET -> period.getYear() + "年" + period.getMonthValue() + "月整改报表（" + shortName(unit) + "）.xlsx";
            case NO_STATUS_COLUMN -> "整改进展报送表-" + shortName(unit) + ".xlsx";
            case ODS -> unit.name() + period.getMonthValue() + "月份整改进展.ods";
        };
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Written written = switch (kind) {
            case RETYPED, RETYPED_REORDERED, NO_STATUS_COLUMN -> retyped(unit, kind, submitted, file);
            case ODS -> ods(unit, file);
            default -> filled(unit, kind, submitted, file);
        };
        Files.setLastModifiedTime(file, FileTime.from(submitted.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        return new Sent(unit.code(), path, kind, kind.refused() ? List.of() : written.rows(), written.blank());
    }

    /** 临溪县人力资源和社会保障局 → 人力资源, 临溪县公安局 → 公安: no unit's name, as people shorten them in file names. */
    private static String shortName(CountyLedger.CountyUnit unit) {
        return unit.name().substring(3, Math.min(7, unit.name().length() - 1));
    }

    Path templateFile(String unit) throws IOException {
        try (Stream<Path> files = Files.list(templates)) {
            return files.filter(f -> f.getFileName().toString().startsWith(unit + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no template for " + unit + " in " + templates));
        }
    }

    /** Fills the unit's template; returns the rows it reports. */
    private Written filled(CountyLedger.CountyUnit unit, Kind kind, LocalDate submitted, Path file) throws IOException {
        List<SentRow> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(templateFile(unit.code())); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(ReturnLayout.PROGRESS_SHEET);
            Map<String, Integer> columns = Map.of();
            int header = -1;
            List<String> leadRows = new ArrayList<>();
            List<String> blanked = new ArrayList<>();
            List<OtherTools.EmptyValue> emptyValues = new ArrayList<>();
            for (Row row : sheet) {
                if (header < 0) {
                    rightOf(row, ReturnLayout.SUBMITTED_ON, submitted);
                    rightOf(row, ReturnLayout.REPORTER, "王" + unit.code().substring(3) + "（综合科）");
                    Map<String, Integer> found = headers(row);
                    if (found.containsKey(ReturnLayout.TASK_CODE) && found.containsKey(ReturnLayout.STATUS)) {
                        columns = found;
                        header = row.getRowNum();
                    }
                    continue;
                }
                String code = text(row.getCell(columns.get(ReturnLayout.TASK_CODE)));
                boolean lead = text(row.getCell(columns.get(ReturnLayout.ROLE))).equals(ReturnLayout.ROLE_LEAD);
                if (lead) {
                    leadRows.add(code);
                }
                CountyTask.Progress progress = lead ? ledger.task(code).progress(period)
                        : new CountyTask.Progress(CountyTask.IN_PROGRESS, null);
                String status = progress.status();
                LocalDate completed = progress.completed();
                boolean acceptable = true;
                if (kind == Kind.REJECTED_ROWS && lead && leadRows.size() == 1) {
                    status = BAD_STATUS;
                    acceptable = false;
                } else if (kind == Kind.REJECTED_ROWS && lead && leadRows.size() == 2) {
                    status = CountyTask.COMPLETED;
                    completed = null;
                    acceptable = false;
                } else if (kind == Kind.COOPERATOR_BLANK && !lead && blanked.isEmpty()
                        || kind == Kind.LEAD_BLANK && lead && leadRows.size() == 1) {
                    blanked.add(code);
                    status = "";
                }
                set(row, columns.get(ReturnLayout.STATUS), status);
                set(row, columns.get(ReturnLayout.COMPLETION_DATE), completed);
                set(row, columns.get(ReturnLayout.PROGRESS), status.isEmpty() ? "" : lead ? "按计划推进整改" : "配合牵头单位推进");
                set(row, columns.get(ReturnLayout.EVIDENCE), completed == null ? "" : "临溪" + unit.code() + "〔2024〕" + row.getRowNum() + "号");
                if (kind == Kind.EMPTY_VALUES && emptyValues.isEmpty() && completed == null) {
                    emptyValues.add(number(row, columns.get(ReturnLayout.COMPLETION_DATE)));
                    emptyValues.add(sharedString(row, columns.get(ReturnLayout.REMARK)));
                }
                if (!status.isEmpty()) {
                    rows.add(new SentRow(code, status, acceptable));
                }
            }
            if (kind == Kind.REJECTED_ROWS) {
                Row extra = sheet.createRow(sheet.getLastRowNum() + 1);
                set(extra, columns.get(ReturnLayout.TASK_CODE), UNKNOWN_TASK);
                set(extra, columns.get(ReturnLayout.STATUS), CountyTask.IN_PROGRESS);
                set(extra, columns.get(ReturnLayout.PROGRESS), "本单位自行增加的整改事项");
                rows.add(new SentRow(UNKNOWN_TASK, CountyTask.IN_PROGRESS, false));
            }
            boolean faultPlaced = switch (kind) {
                case COOPERATOR_BLANK, LEAD_BLANK -> !blanked.isEmpty();
                case REJECTED_ROWS -> leadRows.size() >= 2;
                case EMPTY_VALUES -> !emptyValues.isEmpty();
                default -> true;
            };
            if (!faultPlaced) {
                throw new IllegalStateException(unit.code() + " has no row for the fault " + kind);
            }
            if (kind == Kind.RENAMED_SHEET) {
                workbook.setSheetName(workbook.getSheetIndex(sheet), RENAMED_SHEET);
            }
            if (kind == Kind.XLSM) {
                workbook.setWorkbookType(XSSFWorkbookType.XLSM);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            byte[] content = bytes.toByteArray();
            Files.write(file, kind == Kind.DEFAULT_PASSWORD ? OtherTools.withDefaultPassword(content) : content);
            if (kind == Kind.EMPTY_VALUES) {
                OtherTools.emptyValues(file, emptyValues);
            }
            return new Written(rows, blanked);
        }
    }

    /** Writes a placeholder number in a blank date cell, so that its {@code <v>} can be emptied. */
    private static OtherTools.EmptyValue number(Row row, int column) {
        Cell cell = cell(row, column);
        cell.setCellValue(Double.parseDouble(NUMBER_PLACEHOLDER));
        return new OtherTools.EmptyValue(new CellReference(cell).formatAsString(false), NUMBER_PLACEHOLDER, false);
    }

    /** Writes a placeholder text in a blank cell, a shared string whose {@code <v>} (its index) can be emptied. */
    private static OtherTools.EmptyValue sharedString(Row row, int column) {
        XSSFCell cell = (XSSFCell) cell(row, column);
        cell.setCellValue(TEXT_PLACEHOLDER);
        return new OtherTools.EmptyValue(new CellReference(cell).formatAsString(false), cell.getCTCell().getV(), true);
    }

    /**
     * A table the unit typed itself: its own title, the metadata its own way, only its lead tasks,
     * its own columns in its own order ({@link Kind#NO_STATUS_COLUMN} has none for the status).
     */
    private Written retyped(CountyLedger.CountyUnit unit, Kind kind, LocalDate submitted, Path file) throws IOException {
        List<String> headers = switch (kind) {
            case RETYPED -> List.of("序号", "措施编号", "状态", "完成日期", "进展情况", "佐证材料");
            case RETYPED_REORDERED -> List.of("序号", "状态", "任务编号", "佐证材料", "完成日期", "进展情况");
            default -> List.of("序号", "任务编号", "完成日期", "进展情况", "佐证材料");
        };
        List<Object[]> lines = new ArrayList<>(List.of(
                row(unit.name() + period.getYear() + "年" + period.getMonthValue() + "月巡察整改进展情况"),
                row(ReturnLayout.UNIT_NAME, unit.name(), null, ReturnLayout.UNIT_CODE, unit.code()),
                row(ReturnLayout.PERIOD, period.getYear() + "年" + period.getMonthValue() + "月", null, ReturnLayout.SUBMITTED_ON,
                        submitted),
                row(), headers.toArray()));
        List<SentRow> rows = new ArrayList<>();
        List<CountyTask> tasks = ledger.leadTasks(unit.code());
        for (int i = 0; i < tasks.size(); i++) {
            CountyTask task = tasks.get(i);
            CountyTask.Progress progress = task.progress(period);
            Map<String, Object> values = Map.of("序号", i + 1, "措施编号", task.code(), "任务编号", task.code(),
                    "状态", progress.status(), "完成日期", progress.completed() == null ? "" : progress.completed(),
                    "进展情况", "已按要求推进", "佐证材料", progress.completed() == null ? "" : "相关文件已归档");
            lines.add(headers.stream().map(h -> values.get(h) instanceof String s && s.isEmpty() ? null : values.get(h)).toArray());
            rows.add(new SentRow(task.code(), progress.status(), true));
        }
        Object[][] table = lines.toArray(Object[][]::new);
        TestWorkbooks.xlsx(file, w -> w.sheet(ReturnLayout.PROGRESS_SHEET, table));
        return new Written(rows, List.of());
    }

    private Written ods(CountyLedger.CountyUnit unit, Path file) throws IOException {
        Files.write(file, OtherTools.ods(unit.name(), unit.code(), ledger.leadTasks(unit.code()).stream()
                .map(t -> List.of(t.code(), t.progress(period).status())).toList()));
        return new Written(List.of(), List.of());
    }

    private static void rightOf(Row row, String label, Object value) {
        for (Cell cell : row) {
            if (text(cell).equals(label)) {
                set(row, cell.getColumnIndex() + 1, value);
                return;
            }
        }
    }

    private static Map<String, Integer> headers(Row row) {
        Map<String, Integer> headers = new HashMap<>();
        for (Cell cell : row) {
            String text = text(cell);
            if (!text.isEmpty()) {
                headers.putIfAbsent(text, cell.getColumnIndex());
            }
        }
        return headers;
    }

    private static Cell cell(Row row, int column) {
        return row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
    }

    private static void set(Row row, int column, Object value) {
        Cell cell = cell(row, column);
        if (value == null || value instanceof String text && text.isEmpty()) {
            cell.setBlank();
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell).strip();
    }

    /** The template's deadline text on a task's line, and the whole line, as Excel shows them. */
    static List<String> line(Path template, String task) throws IOException {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            DataFormatter formatter = new DataFormatter();
            for (Row row : workbook.getSheet(ReturnLayout.PROGRESS_SHEET)) {
                List<String> texts = new ArrayList<>();
                row.forEach(c -> texts.add(formatter.formatCellValue(c).strip()));
                if (texts.contains(task)) {
                    return texts;
                }
            }
        }
        throw new AssertionError("no line for " + task + " in " + template);
    }
}
