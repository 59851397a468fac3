package io.rectify.portal.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.rectify.account.IssuedPassword;
import io.rectify.account.PortalUser;
import io.rectify.portal.PortalTestContext;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;

/** /office/accounts: the ledger's missing accounts created, a password reset and a lock lifted, each in the database and the audit log. */
class OfficeAccountsTest extends PortalTestContext {

    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    private List<String> audited(String action) {
        return jdbc.sql("SELECT outcome || ' ' || target FROM audit_event WHERE action = ? ORDER BY id").param(action)
                .query(String.class).list();
    }

    @Test
    void theLedgersMissingAccountsAreCreatedOnceWithTheirPasswordsShownOnce() throws Exception {
        jdbc.sql("DELETE FROM account WHERE username IN ('U05', '第三督查组')").update();

        MvcResult created = mvc.perform(post("/office/accounts").with(as(OFFICE)).with(csrf()))
                .andExpect(redirectedUrl("/office/accounts")).andReturn();

        @SuppressWarnings("unchecked")
        List<IssuedPassword> issued = (List<IssuedPassword>) created.getFlashMap().get("issued");
        assertThat(issued).extracting(IssuedPassword::username).containsExactly("第三督查组", "U05");
        assertThat(encoder.matches(issued.get(1).password(), accounts.find("U05").orElseThrow().passwordHash())).isTrue();
        String page = mvc.perform(get("/office/accounts").flashAttrs(created.getFlashMap()).with(as(OFFICE)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(issued.get(1).password(), "<td>U05 区民政局</td>");
        String again = mvc.perform(get("/office/accounts").with(as(OFFICE))).andReturn().getResponse().getContentAsString();
        assertThat(again).doesNotContain(issued.get(1).password()).contains("<td>U01 区发展改革委</td>", "<td>整改办</td>");

        mvc.perform(post("/office/accounts").with(as(OFFICE)).with(csrf()))
                .andExpect(flash().attribute("notice", "台账中的单位和督查组都已有账号，没有新建账号"));
        assertThat(accounts.list()).hasSize(9);
        assertThat(audited("ACCOUNTS_CREATE")).contains("SUCCESS 2 个账号", "SUCCESS 0 个账号");
    }

    @Test
    void thePasswordsJustCreatedCanBeDownloadedOnceAsTheAccountsWorkbook() throws Exception {
        jdbc.sql("DELETE FROM account WHERE username IN ('U05', '第三督查组')").update();
        MvcResult created = mvc.perform(post("/office/accounts").with(as(OFFICE)).with(csrf())).andReturn();
        MockHttpSession session = (MockHttpSession) created.getRequest().getSession();
        @SuppressWarnings("unchecked")
        List<IssuedPassword> issued = (List<IssuedPassword>) created.getFlashMap().get("issued");
        assertThat(mvc.perform(get("/office/accounts").session(session).flashAttrs(created.getFlashMap()).with(as(OFFICE)))
                .andReturn().getResponse().getContentAsString()).contains("action=\"/office/accounts/passwords\"");

        MvcResult download = mvc.perform(post("/office/accounts/passwords").session(session).with(as(OFFICE)).with(csrf()))
                .andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition")).contains("attachment", "UTF-8''%E8%B4%A6%E5%8F%B7.xlsx");
        List<String> rows = new java.util.ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet("账号");
            DataFormatter text = new DataFormatter();
            for (Row row : sheet) {
                if (row.getRowNum() > 2) {
                    rows.add(text.formatCellValue(row.getCell(0)) + " " + text.formatCellValue(row.getCell(1))
                            + " " + text.formatCellValue(row.getCell(3)));
                }
            }
        }
        assertThat(rows).containsExactly("第三督查组 " + issued.get(0).password() + " 第三督查组",
                "U05 " + issued.get(1).password() + " 区民政局");

        mvc.perform(post("/office/accounts/passwords").session(session).with(as(OFFICE)).with(csrf()))
                .andExpect(redirectedUrl("/office/accounts"));
        assertThat(session.getAttribute(AccountsController.UNDOWNLOADED)).isNull();
        assertThat(audited("DOWNLOAD")).containsExactly("SUCCESS 账号.xlsx", "REFUSED 账号.xlsx");
    }

    @Test
    void aResetGivesANewInitialPasswordAndAnUnlockLiftsTheLock() throws Exception {
        String before = accounts.find("U01").orElseThrow().passwordHash();
        jdbc.sql("UPDATE account SET locked_until = ?, must_change_password = FALSE WHERE username = 'U02'")
                .param(java.sql.Timestamp.from(Instant.now().plus(10, ChronoUnit.MINUTES))).update();
        assertThat(mvc.perform(get("/office/accounts").with(as(OFFICE))).andReturn().getResponse().getContentAsString())
                .contains("action=\"/office/accounts/U02/unlock\"").doesNotContain("action=\"/office/accounts/U01/unlock\"");

        MvcResult reset = mvc.perform(post("/office/accounts/U01/reset").with(as(OFFICE)).with(csrf()))
                .andExpect(redirectedUrl("/office/accounts")).andReturn();
        mvc.perform(post("/office/accounts/U02/unlock").with(as(OFFICE)).with(csrf()))
                .andExpect(flash().attribute("notice", "账号 U02 已解除锁定，可以重新登录"));
        mvc.perform(post("/office/accounts/U99/unlock").with(as(OFFICE)).with(csrf()))
                .andExpect(flash().attribute("problem", "没有账号 U99"));

        PortalUser u01 = accounts.find("U01").orElseThrow();
        String password = (String) reset.getFlashMap().get("password");
        assertThat(u01.passwordHash()).isNotEqualTo(before);
        assertThat(encoder.matches(password, u01.passwordHash())).isTrue();
        assertThat(u01.mustChangePassword()).isTrue();
        assertThat(accounts.find("U02").orElseThrow().isAccountNonLocked()).isTrue();
        assertThat(audited("ACCOUNT_RESET")).containsExactly("SUCCESS U01");
        assertThat(audited("ACCOUNT_UNLOCK")).containsExactly("SUCCESS U02", "FAILURE U99");
    }
}
