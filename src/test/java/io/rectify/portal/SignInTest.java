package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditFilter;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;

/** Signing in through the login form, the forced password change, CSRF, lockout, headers and the API's 401. */
class SignInTest extends PortalTestContext {

    @Autowired
    AuditLog audit;
    @Autowired
    PasswordEncoder encoder;

    private MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    private String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSignedInAccountIsSentToItsOwnHomeAndTheNavNamesItsRole() throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user(SUPERVISOR).password(PASSWORD)).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/group");
        assertThat(page("/password", session)).contains("第一督查组", "<span class=\"role\">督查组</span>", "href=\"/group/exceptions\"")
                .doesNotContain("href=\"/office/accounts\"");
    }

    @Test
    void theInitialPasswordLeadsEveryPageToThePasswordChangeUntilItIsChanged() throws Exception {
        String initial = accounts.reset("U05");
        MockHttpSession session = signIn("U05", initial);

        for (String url : new String[] {"/", "/unit", "/unit/template", "/no-such-page"}) {
            assertThat(mvc.perform(get(url).session(session)).andReturn().getResponse().getRedirectedUrl()).as(url).isEqualTo("/password");
        }
        assertThat(mvc.perform(get("/css/portal.css").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(page("/password", session)).contains("您正在使用初始密码");

        String mismatch = mvc.perform(post("/password").session(session).with(csrf())
                .param("current", initial).param("next", "Neue2024pass").param("repeat", "Neue2024pasz"))
                .andReturn().getResponse().getContentAsString();
        assertThat(mismatch).contains("两次输入的新密码不一致");
        String tooShort = mvc.perform(post("/password").session(session).with(csrf())
                .param("current", initial).param("next", "abc123").param("repeat", "abc123"))
                .andReturn().getResponse().getContentAsString();
        assertThat(tooShort).contains("class=\"alert error\"");
        assertThat(accounts.loadUserByUsername("U05").mustChangePassword()).isTrue();

        MockHttpServletResponse changed = mvc.perform(post("/password").session(session).with(csrf())
                .param("current", initial).param("next", "Neue2024pass").param("repeat", "Neue2024pass")).andReturn().getResponse();
        assertThat(changed.getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/unit");
        assertThat(encoder.matches("Neue2024pass", accounts.loadUserByUsername("U05").passwordHash())).isTrue();
        assertThat(audit.find(new AuditFilter(null, null, "U05", AuditAction.PASSWORD_CHANGE, null), 10))
                .extracting(e -> e.outcome()).containsExactly(AuditOutcome.SUCCESS, AuditOutcome.FAILURE, AuditOutcome.FAILURE);
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
        MockHttpSession session = signIn("U04", PASSWORD);
        String before = accounts.loadUserByUsername("U04").passwordHash();

        MockHttpServletResponse forged = mvc.perform(post("/password").session(session).with(csrf().useInvalidToken())
                .param("current", PASSWORD).param("next", "Forged2024pass").param("repeat", "Forged2024pass")).andReturn().getResponse();
        MockHttpServletResponse tokenless = mvc.perform(post("/password").session(session)
                .param("current", PASSWORD).param("next", "Forged2024pass").param("repeat", "Forged2024pass")).andReturn().getResponse();

        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(tokenless.getRedirectedUrl()).as("no token in the session either: taken for an expired one")
                .isEqualTo("/login?notice=expired");
        assertThat(accounts.loadUserByUsername("U04").passwordHash()).isEqualTo(before);
        assertThat(audit.find(new AuditFilter(null, null, "U04", AuditAction.ACCESS_DENIED, null), 10))
                .as("a stale form is no attempt on another's data").isEmpty();
    }

    @Test
    void theFailureThatLocksTheAccountAndEveryLoginAfterItSayForHowLong() throws Exception {
        String locked = "账号因连续登录失败已被锁定，请15分钟后再试或联系整改办";
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(mvc.perform(formLogin("/login").user("U02").password("wrong" + attempt)).andReturn().getResponse()
                    .getRedirectedUrl()).isEqualTo("/login?error=bad");
        }
        assertThat(mvc.perform(formLogin("/login").user("U02").password("wrong5")).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/login?error=locked");
        assertThat(mvc.perform(formLogin("/login").user("U02").password(PASSWORD)).andReturn().getResponse()
                .getRedirectedUrl()).as("the right password while locked").isEqualTo("/login?error=locked");

        assertThat(mvc.perform(get("/login?error=locked")).andReturn().getResponse().getContentAsString()).contains(locked);
        assertThat(mvc.perform(get("/login?error=bad")).andReturn().getResponse().getContentAsString()).contains("账号或密码错误");
        assertThat(mvc.perform(get("/login?notice=expired")).andReturn().getResponse().getContentAsString())
                .contains("您已超过30分钟未操作，登录已失效，请重新登录。");
        accounts.unlock("U02");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndHstsOnlyOverHttps() throws Exception {
        MockHttpServletResponse plain = mvc.perform(get("/login")).andReturn().getResponse();
        MockHttpServletResponse secure = mvc.perform(get("/login").secure(true)).andReturn().getResponse();

        assertThat(plain.getHeader("Content-Security-Policy")).startsWith("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(plain.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(plain.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(plain.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
        assertThat(secure.getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
    }

    @Test
    void theApiWithoutValidCredentialsAnswers401InJsonAndAsksForBasic() throws Exception {
        MockHttpServletResponse none = mvc.perform(post("/api/check")).andReturn().getResponse();
        MockHttpServletResponse wrong = mvc.perform(post("/api/check").with(httpBasic(UNIT, "wrong-password"))).andReturn().getResponse();

        for (MockHttpServletResponse response : new MockHttpServletResponse[] {none, wrong}) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=\"Rectify\"");
            assertThat(response.getContentType()).startsWith("application/json");
            assertThat(response.getHeader("Set-Cookie")).as("the API keeps no session").isNull();
        }
        assertThat(none.getContentAsString()).contains("\"error\":\"需要账号和密码");
        assertThat(wrong.getContentAsString()).isEqualTo("{\"error\":\"账号或密码错误，请重新输入。\"}");
        accounts.unlock(UNIT);
    }

    @Test
    void theApiTakesAnAccountThatHasNotChangedItsInitialPassword() throws Exception {
        String initial = accounts.reset(OFFICE);
        MockHttpServletResponse refusedRole = mvc.perform(post("/api/check").with(httpBasic("第二督查组", PASSWORD)))
                .andReturn().getResponse();
        MockHttpServletResponse office = mvc.perform(post("/api/check").with(httpBasic(OFFICE, initial))).andReturn().getResponse();

        assertThat(refusedRole.getStatus()).isEqualTo(403);
        assertThat(refusedRole.getContentAsString()).contains("\"error\":\"该账号无权使用此接口");
        assertThat(office.getStatus()).as("signed in: past the forced change, to the API itself").isNotIn(302, 401, 403);
        accounts.changePassword(OFFICE, initial, PASSWORD);
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        MockHttpSession session = signIn("U03", PASSWORD);
        MockHttpServletResponse out = mvc.perform(post("/logout").session(session).with(csrf())).andReturn().getResponse();

        assertThat(out.getRedirectedUrl()).isEqualTo("/login?notice=logout");
        assertThat(session.isInvalid()).isTrue();
        assertThat(mvc.perform(get("/login?notice=logout")).andReturn().getResponse().getContentAsString()).contains("您已安全退出");
    }
}
