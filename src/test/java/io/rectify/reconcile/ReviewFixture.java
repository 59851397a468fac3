package io.rectify.reconcile;

import io.rectify.intake.ReviewLayout;
import io.rectify.intake.ReviewWorkbook;
import io.rectify.intake.TemplateMarker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.util.Reproducibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A review workbook as the supervisors or the office fill it (docs/REVIEWS.md), saved as a real .xlsx by
 * {@link #write}: the metadata block on the first sheet (title row 1, labels in column A and values in column B
 * from row 2), the header in row {@value #HEADER_ROW} and the rows below it; the 回头看 sheet of a 销号审核表 has
 * its header in row 1; the very hidden marker sheet with kind, period and group. Tables have the columns
 * 任务编号, the decision, the opinion (延期审批: 任务编号, 审批结论, 批准延期至, 审批意见), from column A. A String is a
 * text cell, a {@link LocalDate} a date cell; null leaves the cell empty.
 */
public final class ReviewFixture {

    public static final int HEADER_ROW = 7;
    public static final int FIRST_ROW = HEADER_ROW + 1;

    private final ReviewWorkbook.Kind kind;
    private String file;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final Map<String, String> marker = new LinkedHashMap<>();
    private final List<Object[]> signOffRows = new ArrayList<>();
    private final List<Object[]> recheckRows = new ArrayList<>();
    private final List<Object[]> extensionRows = new ArrayList<>();
    private LocalDateTime modifiedAt;

    private ReviewFixture(ReviewWorkbook.Kind kind, String file) {
        this.kind = kind;
        this.file = file;
    }

    /** A group's 销号审核表 of a period, 审核人 张三, 审核日期 the 3rd of the following month. */
    public static ReviewFixture signOff(String group, String period) {
        ReviewFixture fixture = new ReviewFixture(ReviewWorkbook.Kind.SIGN_OFF, group + ReviewLayout.SIGN_OFF_SUFFIX);
        fixture.metadata.put(ReviewLayout.GROUP_LABEL, group);
        fixture.metadata.put(ReviewLayout.PERIOD_LABEL, period);
        fixture.metadata.put(ReviewLayout.REVIEWER, "张三");
        fixture.metadata.put(ReviewLayout.REVIEWED_ON, java.time.YearMonth.parse(period).plusMonths(1).atDay(3));
        fixture.marker.put(ReviewLayout.KIND, ReviewLayout.SIGN_OFF_KIND);
        fixture.marker.put(TemplateMarker.PERIOD, period);
        fixture.marker.put(ReviewLayout.GROUP, group);
        return fixture;
    }

    /** The office's 延期审批表 of a period, 审批人 李四, 审批日期 the 3rd of the following month. */
    public static ReviewFixture extension(String period) {
        ReviewFixture fixture = new ReviewFixture(ReviewWorkbook.Kind.EXTENSION, ReviewLayout.EXTENSION_FILE);
        fixture.metadata.put(ReviewLayout.EXTENSION_PERIOD_LABEL, period);
        fixture.metadata.put(ReviewLayout.APPROVER, "李四");
        fixture.metadata.put(ReviewLayout.APPROVED_ON, java.time.YearMonth.parse(period).plusMonths(1).atDay(3));
        fixture.marker.put(ReviewLayout.KIND, ReviewLayout.EXTENSION_KIND);
        fixture.marker.put(TemplateMarker.PERIOD, period);
        return fixture;
    }

    /** The path under the period's reviews folder. */
    public ReviewFixture file(String relative) {
        file = relative;
        return this;
    }

    public String file() {
        return file;
    }

    /** A metadata value as written (null leaves the value cell empty); the marker keeps what it said. */
    public ReviewFixture metadata(String label, Object value) {
        metadata.put(label, value);
        return this;
    }

    /** A 销号审核 row: 任务编号, 审核结论, 审核意见. */
    public ReviewFixture signOffRow(String task, String decision, String opinion) {
        signOffRows.add(new Object[] {task, decision, opinion});
        return this;
    }

    /** A 回头看 row: 任务编号, 复核结论, 复核意见. */
    public ReviewFixture recheckRow(String task, String decision, String opinion) {
        recheckRows.add(new Object[] {task, decision, opinion});
        return this;
    }

    /** A 延期审批 row: 任务编号, 审批结论, 批准延期至 (String or LocalDate), 审批意见. */
    public ReviewFixture extensionRow(String task, String decision, Object grantedTo, String opinion) {
        extensionRows.add(new Object[] {task, decision, grantedTo, opinion});
        return this;
    }

    public ReviewFixture modifiedAt(LocalDateTime time) {
        modifiedAt = time;
        return this;
    }

    private String firstSheet() {
        return kind == ReviewWorkbook.Kind.SIGN_OFF ? ReviewLayout.SIGN_OFF_SHEET : ReviewLayout.EXTENSION_SHEET;
    }

    private List<String> headers() {
        return kind == ReviewWorkbook.Kind.SIGN_OFF
                ? List.of(ReviewLayout.TASK_CODE, ReviewLayout.DECISION, ReviewLayout.OPINION)
                : List.of(ReviewLayout.TASK_CODE, ReviewLayout.EXTENSION_DECISION, ReviewLayout.GRANTED_TO,
                        ReviewLayout.EXTENSION_OPINION);
    }

    private static final List<String> RECHECK_HEADERS = List.of(ReviewLayout.TASK_CODE, ReviewLayout.RECHECK_DECISION,
            ReviewLayout.RECHECK_OPINION);

    /**
     * Saves the workbook under {@code reviewsFolder} (the period's) and sets its last-modified time
     * ({@link #modifiedAt}, else {@code defaultModifiedAt}, in Asia/Shanghai). The same content gives the same bytes.
     */
    public Path write(Path reviewsFolder, LocalDateTime defaultModifiedAt) {
        Path target = reviewsFolder.resolve(file);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(
                    Date.from(LocalDate.of(2024, 1, 1).atStartOfDay(FileTriage.ZONE).toInstant())));
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet first = workbook.createSheet(firstSheet());
            fill(first.createRow(0), new Object[] {kind == ReviewWorkbook.Kind.SIGN_OFF ? "销号审核表" : "延期审批表"}, dates);
            int r = 1;
            for (Map.Entry<String, Object> field : metadata.entrySet()) {
                fill(first.createRow(r++), new Object[] {field.getKey(), field.getValue()}, dates);
            }
            fill(first.createRow(HEADER_ROW - 1), headers().toArray(), dates);
            List<Object[]> rows = kind == ReviewWorkbook.Kind.SIGN_OFF ? signOffRows : extensionRows;
            for (int i = 0; i < rows.size(); i++) {
                fill(first.createRow(HEADER_ROW + i), rows.get(i), dates);
            }
            if (kind == ReviewWorkbook.Kind.SIGN_OFF) {
                Sheet recheck = workbook.createSheet(ReviewLayout.RECHECK_SHEET);
                fill(recheck.createRow(0), RECHECK_HEADERS.toArray(), dates);
                for (int i = 0; i < recheckRows.size(); i++) {
                    fill(recheck.createRow(1 + i), recheckRows.get(i), dates);
                }
            }
            Sheet hidden = workbook.createSheet(TemplateMarker.SHEET);
            int m = 0;
            for (Map.Entry<String, String> entry : marker.entrySet()) {
                fill(hidden.createRow(m++), new Object[] {entry.getKey(), entry.getValue()}, dates);
            }
            workbook.setSheetVisibility(workbook.getSheetIndex(hidden), SheetVisibility.VERY_HIDDEN);
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                Reproducibility.runWithSourceDateEpoch(() -> workbook.write(out));
            }
            LocalDateTime modified = modifiedAt == null ? defaultModifiedAt : modifiedAt;
            Files.setLastModifiedTime(target, FileTime.from(modified.atZone(FileTriage.ZONE).toInstant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static void fill(Row row, Object[] values, CellStyle dates) {
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null || value instanceof String s && s.isEmpty()) {
                continue;
            }
            org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dates);
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }
}
