package io.rectify.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes master-ledger workbooks for tests, laid out as offices keep them: title rows merged over
 * the table, then the header row, then the data. {@link #standard()} is a small valid ledger
 * (2 方面, 3 反馈问题, 5 问题, 6 任务, 5 单位, 3 督查组); tests change cells, headers, column order,
 * title rows or merges to make the variant they need. With the default two title rows the header
 * sits in Excel row 3 and data row {@code i} (from 0) in Excel row {@code 4 + i}.
 */
public final class LedgerWorkbookFixture {

    public static final String FILE_NAME = "整改台账.xlsx";

    public static final String CATEGORY_1 = "一、关于贯彻落实党中央和市委重大决策部署方面";
    public static final String CATEGORY_2 = "二、关于落实全面从严治党责任方面";
    public static final String POINT_1 = "1.发挥国家战略平台牵引作用有不足";
    public static final String POINT_2 = "2.优化营商环境有差距";
    public static final String POINT_3 = "3.落实主体责任不够到位";

    private final Map<String, Object> info = new LinkedHashMap<>();
    private boolean infoSheet = true;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    private LedgerWorkbookFixture() {
    }

    public static LedgerWorkbookFixture standard() {
        LedgerWorkbookFixture fixture = new LedgerWorkbookFixture();
        fixture.info.put(LedgerLayout.TITLE, "某区巡视整改");
        fixture.info.put(LedgerLayout.FEEDBACK_DATE, LocalDate.of(2023, 8, 29));
        fixture.info.put(LedgerLayout.CUTOFF_DAY, 10);
        fixture.tables.put(LedgerLayout.UNITS_SHEET, new Table("某区巡视整改责任单位表",
                List.of(LedgerLayout.UNIT_CODE, LedgerLayout.UNIT_NAME, LedgerLayout.GROUP, LedgerLayout.CONTACT,
                        LedgerLayout.PHONE))
                .add("U01", "区发展改革委", "第一督查组", "张伟", "64120001")
                .add("U02", "区财政局", "第一督查组", "李娜", "64120002")
                .add("U03", "区科委", "第二督查组", "", "")
                .add("U04", "区教育局", "第二督查组", "王芳", "")
                .add("U05", "区民政局", "第三督查组", "", "64120005"));
        fixture.tables.put(LedgerLayout.PROBLEMS_SHEET, new Table("某区巡视反馈问题清单",
                List.of(LedgerLayout.PROBLEM_CODE, LedgerLayout.CATEGORY, LedgerLayout.FEEDBACK_POINT,
                        LedgerLayout.DESCRIPTION))
                .add("P01", CATEGORY_1, POINT_1, "重点区域功能定位不够清晰")
                .add("P02", CATEGORY_1, POINT_1, "重大项目推进缓慢")
                .add("P03", CATEGORY_1, POINT_2, "企业服务机制不健全")
                .add("P04", CATEGORY_2, POINT_3, "压力传导层层递减")
                .add("P05", CATEGORY_2, "", "监督检查发现问题整改不彻底"));
        fixture.tables.put(LedgerLayout.TASKS_SHEET, new Table("某区巡视整改任务清单",
                List.of(LedgerLayout.TASK_CODE, LedgerLayout.PROBLEM_CODE, LedgerLayout.MEASURE, LedgerLayout.LEAD_UNIT,
                        LedgerLayout.COOPERATORS, LedgerLayout.DEADLINE))
                .add("T01", "P01", "出台重点区域高质量发展实施意见", "U01", "U02、区科委", LocalDate.of(2023, 12, 31))
                .add("T02", "P01", "设立专项资金支持重点项目", "区财政局", "", "2024年3月31日")
                .add("T03", "P02", "建立重大项目月度推进机制", "U03", "U01,U04", Deadline.LONG_TERM)
                .add("T04", "P03", "完善企业服务专员制度", "U04", "", "2024/6/30")
                .add("T05", "P04", "制定主体责任清单", "U05", "区发展改革委；\nU03", LocalDate.of(2024, 9, 30))
                .add("T06", "P05", "开展整改情况回头看", "U01", "", Deadline.LONG_TERM));
        return fixture;
    }

    public Table units() {
        return table(LedgerLayout.UNITS_SHEET);
    }

    public Table problems() {
        return table(LedgerLayout.PROBLEMS_SHEET);
    }

    public Table tasks() {
        return table(LedgerLayout.TASKS_SHEET);
    }

    /** The sheet 考核规则 (扣分项, 每次扣分), added empty on the first call: {@code scoring().add("逾期未完成", 2)}. */
    public Table scoring() {
        return tables.computeIfAbsent(LedgerLayout.SCORING_SHEET, s -> new Table("某区月度考核扣分规则",
                List.of(LedgerLayout.SCORE_ITEM, LedgerLayout.SCORE_POINTS)));
    }

    public Table table(String sheet) {
        Table table = tables.get(sheet);
        if (table == null) {
            throw new IllegalArgumentException("no table " + sheet);
        }
        return table;
    }

    /**
     * Sets a key of 基本信息 (written as title row 1, then 名称, 反馈日期, 报送截止日 in rows 2 to 4, keys
     * in column A and values in column B); a null value leaves the key out.
     */
    public LedgerWorkbookFixture info(String key, Object value) {
        info.put(key, value);
        return this;
    }

    /** Leaves a sheet out of the workbook. */
    public LedgerWorkbookFixture without(String sheet) {
        if (sheet.equals(LedgerLayout.INFO_SHEET)) {
            infoSheet = false;
        } else {
            tables.remove(sheet);
        }
        return this;
    }

    /** Writes the ledger as {@code <input>/master/整改台账.xlsx}. */
    public Path writeToMaster(Path input) {
        return write(input.resolve(LedgerLayout.FOLDER).resolve(FILE_NAME));
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Workbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                CellStyle dates = workbook.createCellStyle();
                dates.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
                if (infoSheet) {
                    Sheet sheet = workbook.createSheet(LedgerLayout.INFO_SHEET);
                    sheet.createRow(0).createCell(0).setCellValue("台账基本信息");
                    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
                    int row = 1;
                    for (Map.Entry<String, Object> entry : info.entrySet()) {
                        if (entry.getValue() != null) {
                            Row r = sheet.createRow(row++);
                            r.createCell(0).setCellValue(entry.getKey());
                            fill(r.createCell(1), entry.getValue(), dates);
                        }
                    }
                }
                for (Map.Entry<String, Table> entry : tables.entrySet()) {
                    entry.getValue().write(workbook.createSheet(entry.getKey()), dates);
                }
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A date cell shown in another number format, such as Excel's 2024年6月 for a typed month. */
    public record Shown(LocalDate date, String format) {
    }

    private static void fill(org.apache.poi.ss.usermodel.Cell cell, Object value, CellStyle dates) {
        if (value instanceof Shown shown) {
            Workbook workbook = cell.getSheet().getWorkbook();
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(shown.format()));
            cell.setCellValue(shown.date());
            cell.setCellStyle(style);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(dates);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value != null && !value.toString().isEmpty()) {
            cell.setCellValue(value.toString());
        }
    }

    /**
     * One table sheet. Columns are named by the key they had in the standard layout (its header
     * text there), whatever {@link #rename} or {@link #order} later do to their header or place.
     */
    public static final class Table {

        private final List<String> titles = new ArrayList<>();
        private final List<String> columns = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private final List<Merge> merges = new ArrayList<>();

        private record Merge(String column, int fromRow, int toRow) {
        }

        Table(String title, List<String> columns) {
            titles.add(title);
            titles.add("（截至2024年3月）");
            columns.forEach(c -> {
                this.columns.add(c);
                headers.put(c, c);
            });
        }

        /** Replaces the title rows above the header (none moves the header to row 1). */
        public Table titles(String... titles) {
            this.titles.clear();
            this.titles.addAll(List.of(titles));
            return this;
        }

        /** Appends a data row, values in the current column order. */
        public Table add(Object... values) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(columns.get(i), values[i]);
            }
            rows.add(row);
            return this;
        }

        public Table set(int dataRow, String column, Object value) {
            rows.get(dataRow).put(column, value);
            return this;
        }

        public Table remove(int dataRow) {
            rows.remove(dataRow);
            return this;
        }

        /** Writes another header text for a column (a synonym, white space, a star...). */
        public Table rename(String column, String header) {
            headers.put(column, header);
            return this;
        }

        public Table drop(String column) {
            columns.remove(column);
            return this;
        }

        /** Adds a column the ledger does not know, filled with {@code value} in every row. */
        public Table extra(String header, Object value) {
            columns.add(header);
            headers.put(header, header);
            rows.forEach(r -> r.put(header, value));
            return this;
        }

        /** Puts the columns in this order (every column must be named). */
        public Table order(String... order) {
            if (order.length != columns.size() || !columns.containsAll(List.of(order))) {
                throw new IllegalArgumentException("order must name every column once: " + columns);
            }
            columns.clear();
            columns.addAll(List.of(order));
            return this;
        }

        /** Merges a column's cells down over data rows {@code from..to}: only the first keeps its value. */
        public Table mergeDown(String column, int from, int to) {
            merges.add(new Merge(column, from, to));
            return this;
        }

        /** The Excel row number of a data row (0 = the first below the header). */
        public int excelRow(int dataRow) {
            return titles.size() + 2 + dataRow;
        }

        public int headerRow() {
            return titles.size() + 1;
        }

        public String letter(String column) {
            int index = columns.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            return CellReference.convertNumToColString(index);
        }

        private void write(Sheet sheet, CellStyle dates) {
            int last = Math.max(1, columns.size() - 1);
            for (int i = 0; i < titles.size(); i++) {
                sheet.createRow(i).createCell(0).setCellValue(titles.get(i));
                sheet.addMergedRegion(new CellRangeAddress(i, i, 0, last));
            }
            Row header = sheet.createRow(titles.size());
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(headers.get(columns.get(c)));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(excelRow(r) - 1);
                for (int c = 0; c < columns.size(); c++) {
                    String column = columns.get(c);
                    int dataRow = r;
                    boolean covered = merges.stream().anyMatch(m -> m.column.equals(column) && dataRow > m.fromRow
                            && dataRow <= m.toRow);
                    if (!covered) {
                        fill(row.createCell(c), rows.get(r).get(column), dates);
                    }
                }
            }
            for (Merge merge : merges) {
                int c = columns.indexOf(merge.column);
                sheet.addMergedRegion(new CellRangeAddress(excelRow(merge.fromRow) - 1, excelRow(merge.toRow) - 1, c, c));
            }
        }
    }
}
