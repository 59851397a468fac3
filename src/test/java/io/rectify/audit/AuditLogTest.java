package io.rectify.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rectify.PrintedSize;
import io.rectify.TempFolderContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit log on a real H2 file database: what the office's page finds, what its export holds, and that lines stay. */
class AuditLogTest extends TempFolderContext {

    /** 2024-04-03 09:00 in Shanghai. */
    private static final Instant APRIL_3 = Instant.parse("2024-04-03T01:00:00Z");
    /** 2024-04-04 07:30 in Shanghai, 2024-04-03 23:30 UTC: the 4th for the office. */
    private static final Instant APRIL_4 = Instant.parse("2024-04-03T23:30:00Z");

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;

    private static boolean written;

    @BeforeEach
    void threeEvents() {
        if (!written) {
            audit.record(new AuditEvent(APRIL_3, "U01", "10.0.0.1", AuditAction.LOGIN, null, AuditOutcome.SUCCESS, null));
            audit.record(new AuditEvent(APRIL_3.plusSeconds(60), "U01", "10.0.0.1", AuditAction.UPLOAD, "U01-2024-03.xlsx",
                    AuditOutcome.FAILURE, "=有2条错误"));
            audit.record(new AuditEvent(APRIL_4, "office", "10.0.0.9", AuditAction.RUN_START, "2024-03",
                    AuditOutcome.SUCCESS, null));
            written = true;
        }
    }

    @Test
    void findFiltersByShanghaiDayAccountActionAndOutcomeNewestFirst() {
        assertEquals(List.of(AuditAction.RUN_START, AuditAction.UPLOAD, AuditAction.LOGIN),
                actions(audit.find(AuditFilter.ALL, 10)));
        assertEquals(List.of(AuditAction.RUN_START), actions(audit.find(new AuditFilter(LocalDate.of(2024, 4, 4), null,
                null, null, null), 10)));
        assertEquals(List.of(AuditAction.UPLOAD, AuditAction.LOGIN), actions(audit.find(new AuditFilter(null,
                LocalDate.of(2024, 4, 3), "u0", null, null), 10)));
        assertEquals(List.of(AuditAction.UPLOAD), actions(audit.find(new AuditFilter(null, null, null, null,
                AuditOutcome.FAILURE), 10)));
        assertEquals(List.of(AuditAction.LOGIN), actions(audit.find(new AuditFilter(null, null, "U01", AuditAction.LOGIN,
                null), 10)));
        assertEquals(1, audit.find(AuditFilter.ALL, 1).size());
        assertEquals(List.of(), audit.find(new AuditFilter(null, null, "%", null, null), 10));
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteALine() {
        for (String statement : List.of("UPDATE audit_event SET outcome = 'SUCCESS'", "DELETE FROM audit_event",
                "DELETE FROM audit_event WHERE username = 'U01'")) {
            DataAccessException refused = assertThrows(DataAccessException.class, () -> jdbc.update(statement));
            assertEquals(AppendOnlyTrigger.REFUSED, ((SQLException) refused.getMostSpecificCause()).getSQLState(), statement);
        }
        assertThrows(DataAccessException.class, () -> jdbc.update("TRUNCATE TABLE audit_event"));
        assertEquals(3, audit.find(AuditFilter.ALL, 10).size());
        assertEquals(List.of(AuditOutcome.SUCCESS, AuditOutcome.FAILURE, AuditOutcome.SUCCESS),
                audit.find(AuditFilter.ALL, 10).stream().map(AuditEvent::outcome).toList());
    }

    @Test
    void theExportHoldsTheFilteredEventsInTheOfficesWordsPrintedOnA4() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int count = audit.export(new AuditFilter(null, null, "U01", null, null), out);

        assertEquals(2, count);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("审计日志");
            assertEquals(List.of("审计日志（账号含“U01”，按时间从新到旧）"), texts(sheet.getRow(0)));
            assertEquals(List.of("时间", "账号", "来源地址", "操作", "对象", "结果", "说明"), texts(sheet.getRow(1)));
            assertEquals(List.of("2024-04-03 09:01:00", "U01", "10.0.0.1", "上传报表", "U01-2024-03.xlsx", "失败", "'=有2条错误"),
                    texts(sheet.getRow(2)));
            assertEquals(List.of("2024-04-03 09:00:00", "U01", "10.0.0.1", "登录", "", "成功", ""), texts(sheet.getRow(3)));
            assertEquals(3, sheet.getLastRowNum());
            assertEquals(PrintSetup.A4_PAPERSIZE, sheet.getPrintSetup().getPaperSize());
            assertTrue(sheet.getPrintSetup().getLandscape());
            assertEquals(1, sheet.getRepeatingRows().getFirstRow());
            assertTrue(PrintedSize.smallestFontPoints(sheet) >= 9, "printed at " + PrintedSize.smallestFontPoints(sheet));
        }
    }

    private static List<AuditAction> actions(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::action).toList();
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
        }
        return texts;
    }
}
