package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.rectify.account.PortalUser;
import io.rectify.account.Role;
import io.rectify.account.BasicLogins;
import io.rectify.audit.AuditLog;
import io.rectify.ops.RectifyProperties;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sign-in pages in a narrow slice (the MVC layer and the portal's security, no database behind
 * them): the login page's notices and Chinese failure messages, the front door's redirect by role,
 * and the forced password change.
 */
@WebMvcTest(controllers = SignInPages.class, properties = {"spring.main.web-application-type=servlet",
        "rectify.web.lockout-duration=90m", "rectify.web.session-timeout=30m"})
@Import({SecurityConfiguration.class, LoginFailures.class, RefusedPages.class, Refusals.class, ApiAnswers.class,
        UploadLimits.class, AuditLog.class, BasicLogins.class, SignInPagesTest.NoAccounts.class})
class SignInPagesTest {

    /** No account exists: the pages under test look none up; the audit log (on an empty in-memory database) is there for the wiring only. */
    @TestConfiguration
    @EnableConfigurationProperties(RectifyProperties.class)
    static class NoAccounts {
        @Bean
        UserDetailsService accounts() {
            return name -> {
                throw new UsernameNotFoundException(name);
            };
        }

        @Bean
        PasswordEncoder passwords() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        @Bean
        JdbcTemplate unusedDatabase() {
            return new JdbcTemplate(new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:sign-in-pages"));
        }
    }

    @Autowired
    MockMvc mvc;

    private String login(String query) throws Exception {
        return mvc.perform(get("/login" + query)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static PortalUser account(Role role, boolean mustChange) {
        return new PortalUser("someone", "x", role, role == Role.UNIT ? "U01" : "第一督查组", mustChange, null, true);
    }

    @Test
    void theLoginPageTellsWhySignInFailedInChinese() throws Exception {
        assertThat(login("?error=bad")).contains("账号或密码错误，请重新输入。");
        assertThat(login("?error=locked")).contains("账号因连续登录失败已被锁定，请1小时30分钟后再试或联系整改办");
        assertThat(login("?error=disabled")).contains("该账号已停用，请联系整改办。");
        assertThat(login("?error=whatever")).contains("账号或密码错误，请重新输入。");
    }

    @Test
    void theLoginPageSaysTheSessionExpiredOrTheAccountLoggedOut() throws Exception {
        assertThat(login("?notice=expired")).contains("您已超过30分钟未操作，登录已失效，请重新登录。");
        assertThat(login("?notice=logout")).contains("您已安全退出。");
        assertThat(login("")).doesNotContain("您已安全退出。", "登录已失效", "账号或密码错误");
    }

    @Test
    void theFrontDoorSendsEachRoleToItsOwnHome() throws Exception {
        mvc.perform(get("/").with(user(account(Role.UNIT, false)))).andExpect(redirectedUrl("/unit"));
        mvc.perform(get("/").with(user(account(Role.SUPERVISOR, false)))).andExpect(redirectedUrl("/group"));
        mvc.perform(get("/").with(user(account(Role.OFFICE, false)))).andExpect(redirectedUrl("/office"));
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anInitialPasswordLeadsEveryPageToThePasswordChange() throws Exception {
        mvc.perform(get("/").with(user(account(Role.UNIT, true)))).andExpect(redirectedUrl("/password"));
        mvc.perform(get("/login").with(user(account(Role.UNIT, false)))).andExpect(redirectedUrl("/"));
    }
}
