package io.rectify.audit;

import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The audit log's export (审计日志.xlsx): a title saying what was asked for, then one row per event,
 * newest first. Streamed, so that a long log needs no more memory than a short one.
 */
final class AuditWorkbook implements AutoCloseable {

    static final String SHEET = "审计日志";
    static final List<String> HEADERS = List.of("时间", "账号", "来源地址", "操作", "对象", "结果", "说明");
    private static final List<Integer> WIDTHS = List.of(20, 14, 16, 10, 40, 6, 50);

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final TableSheet table;

    AuditWorkbook(AuditFilter filter) {
        Sheet sheet = workbook.createSheet(SHEET);
        table = new TableSheet(workbook, sheet, 1, HEADERS, WIDTHS);
        Row title = sheet.createRow(0);
        title.setHeightInPoints(22);
        title.createCell(0).setCellValue(SafeText.neutralise("审计日志（" + describe(filter) + "，按时间从新到旧）"));
        Font bold = workbook.createFont();
        bold.setBold(true);
        bold.setFontHeightInPoints((short) 13);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        title.getCell(0).setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
        sheet.getHeader().setCenter(SHEET);
    }

    void append(AuditEvent event) {
        table.append(AuditLog.TIME.format(event.at()), event.username(), event.remoteAddress(), event.action().word(),
                event.target(), event.outcome().word(), event.detail());
    }

    void write(OutputStream out) throws IOException {
        table.filter();
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }

    /** The filter in words: 全部 or each condition. */
    static String describe(AuditFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.from() != null || filter.to() != null) {
            parts.add((filter.from() == null ? "最早" : filter.from().toString()) + " 至 "
                    + (filter.to() == null ? "最新" : filter.to().toString()));
        }
        if (filter.username() != null && !filter.username().isBlank()) {
            parts.add("账号含“" + filter.username().strip() + "”");
        }
        if (filter.action() != null) {
            parts.add("操作：" + filter.action().word());
        }
        if (filter.outcome() != null) {
            parts.add("结果：" + filter.outcome().word());
        }
        return parts.isEmpty() ? "全部记录" : String.join("，", parts);
    }
}
