package io.rectify.portal.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditFilter;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import io.rectify.portal.PortalTestContext;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /office/audit: the log newest first, filtered and paged; its export holds exactly the filtered lines. */
class OfficeAuditTest extends PortalTestContext {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    /** 55 logins of U01..U05 on 2024-04-01, then a failed login, an upload and a download on 2024-04-02 (Asia/Shanghai). */
    @BeforeEach
    void log() {
        if (!auditLog.find(new AuditFilter(null, null, "第一督查组", AuditAction.DOWNLOAD, null), 1).isEmpty()) {
            return;
        }
        for (int i = 0; i < 55; i++) {
            auditLog.record(new AuditEvent(Instant.parse("2024-04-01T01:00:00Z").plusSeconds(i), "U0" + (i % 5 + 1),
                    "10.0.0." + i, AuditAction.LOGIN, "/login", AuditOutcome.SUCCESS, null));
        }
        auditLog.record(new AuditEvent(Instant.parse("2024-04-02T02:00:00Z"), "U03", "10.0.1.1", AuditAction.LOGIN,
                "/login", AuditOutcome.FAILURE, "密码错误"));
        auditLog.record(new AuditEvent(Instant.parse("2024-04-02T03:00:00Z"), "U03", "10.0.1.1", AuditAction.UPLOAD,
                "U03-20240402-110000-000.xlsx", AuditOutcome.SUCCESS, "已采纳"));
        auditLog.record(new AuditEvent(Instant.parse("2024-04-02T04:00:00Z"), "第一督查组", "10.0.1.2", AuditAction.DOWNLOAD,
                "异常清单.xlsx", AuditOutcome.SUCCESS, null));
    }

    private String page(String query) throws Exception {
        return mvc.perform(get("/office/audit" + query).with(as(OFFICE))).andReturn().getResponse().getContentAsString();
    }

    /** The page's lines: time, account, action, outcome. */
    private static List<String> lines(String page) {
        List<String> lines = new ArrayList<>();
        Matcher row = Pattern.compile("<tr class=\"\\w+\">\\s*<td>([^<]*)</td><td>([^<]*)</td>\\s*<td>[^<]*</td><td>([^<]*)</td>"
                + "\\s*<td>[^<]*</td><td>([^<]*)</td>").matcher(page);
        while (row.find()) {
            lines.add(row.group(1) + " " + row.group(2) + " " + row.group(3) + " " + row.group(4));
        }
        return lines;
    }

    @Test
    void theLogIsShownNewestFirstFilteredAndAPageAtATime() throws Exception {
        assertThat(lines(page("?from=2024-04-02&to=2024-04-02"))).containsExactly(
                "2024-04-02 12:00:00 第一督查组 下载 成功", "2024-04-02 11:00:00 U03 上传报表 成功", "2024-04-02 10:00:00 U03 登录 失败");
        assertThat(lines(page("?account=u03&action=LOGIN&outcome=FAILURE"))).containsExactly("2024-04-02 10:00:00 U03 登录 失败");

        String first = page("?to=2024-04-01");
        assertThat(lines(first)).hasSize(50).first().isEqualTo("2024-04-01 09:00:54 U05 登录 成功");
        assertThat(first).contains("page=2\">下一页</a>");
        String second = page("?to=2024-04-01&page=2");
        assertThat(lines(second)).hasSize(5).last().isEqualTo("2024-04-01 09:00:00 U01 登录 成功");
        assertThat(second).doesNotContain("下一页");

        assertThat(page("?from=2024-04-05&to=2024-04-01")).contains("结束日期早于开始日期");
        assertThat(page("?from=4月1日")).contains("开始日期“4月1日”无法识别：请填写日期，如 2024-04-01");
    }

    @Test
    void theExportHoldsExactlyTheFilteredLinesAndIsItselfAudited() throws Exception {
        byte[] xlsx = mvc.perform(get("/office/audit/export?from=2024-04-02&account=U03").with(as(OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(AuditController.XLSX))
                .andReturn().getResponse().getContentAsByteArray();

        List<String> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() >= 2) {
                    rows.add(formatter.formatCellValue(row.getCell(0)) + " " + formatter.formatCellValue(row.getCell(1)) + " "
                            + formatter.formatCellValue(row.getCell(3)) + " " + formatter.formatCellValue(row.getCell(5)));
                }
            }
        }
        assertThat(rows).containsExactly("2024-04-02 11:00:00 U03 上传报表 成功", "2024-04-02 10:00:00 U03 登录 失败");
        assertThat(jdbc.sql("SELECT username || ' ' || outcome || ' ' || detail FROM audit_event WHERE action = 'AUDIT_EXPORT'")
                .query(String.class).list()).containsExactly("office SUCCESS 2 条，筛选：from=2024-04-02&account=U03");
    }
}
