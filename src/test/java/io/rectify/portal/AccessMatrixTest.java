package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditFilter;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may open what: every URL of docs/PORTAL.md's URL map, for every role and for no one signed
 * in, in one table. Allowed answers what the page really answers (200, or where it redirects);
 * refused is 403 for a signed-in account; no one signed in is sent to /login from a page and gets
 * 401 from the API. A part that builds a page adds its allowed rows here.
 */
class AccessMatrixTest extends PortalTestContext {

    /** Who asks: no one, or one account of each role (the API's with HTTP Basic and its password). */
    enum Who {
        ANONYMOUS(null, "未登录"), UNIT_ACCOUNT(UNIT, "单位"), SUPERVISOR_ACCOUNT(SUPERVISOR, "督查组"), OFFICE_ACCOUNT(OFFICE, "整改办");

        final String username;
        final String word;

        Who(String username, String word) {
            this.username = username;
            this.word = word;
        }
    }

    /** One cell of the matrix: the answer's status, and for a redirect where it leads (the Location's end). */
    record Row(HttpMethod method, String url, Who who, int status, String redirect) {

        @Override
        public String toString() {
            return method + " " + url + " " + who.word + " → " + status + (redirect == null ? "" : " " + redirect);
        }
    }

    private static final Who[] ROLES = {Who.UNIT_ACCOUNT, Who.SUPERVISOR_ACCOUNT, Who.OFFICE_ACCOUNT};
    private static final String LOGIN = "/login";

    static Stream<Row> matrix() {
        List<Row> rows = new ArrayList<>();
        HttpMethod get = HttpMethod.GET;
        HttpMethod post = HttpMethod.POST;
        // signing in and out (part C)
        rows.add(new Row(get, "/login", Who.ANONYMOUS, 200, null));
        for (Who who : ROLES) {
            rows.add(new Row(get, "/login", who, 302, "/"));
        }
        rows.add(new Row(post, "/login", Who.ANONYMOUS, 302, "/login?error=bad"));
        for (Who who : Who.values()) {
            rows.add(new Row(post, "/logout", who, 302, "/login?notice=logout"));
        }
        rows.add(new Row(get, "/password", Who.ANONYMOUS, 302, LOGIN));
        rows.add(new Row(post, "/password", Who.ANONYMOUS, 302, LOGIN));
        for (Who who : ROLES) {
            rows.add(new Row(get, "/password", who, 200, null));
            rows.add(new Row(post, "/password", who, 200, null)); // a wrong current password: the form again, with why
        }
        rows.add(new Row(get, "/", Who.ANONYMOUS, 302, LOGIN));
        rows.add(new Row(get, "/", Who.UNIT_ACCOUNT, 302, "/unit"));
        rows.add(new Row(get, "/", Who.SUPERVISOR_ACCOUNT, 302, "/group"));
        rows.add(new Row(get, "/", Who.OFFICE_ACCOUNT, 302, "/office"));
        rows.add(new Row(get, "/css/portal.css", Who.ANONYMOUS, 200, null));
        rows.add(new Row(get, "/no-such-page", Who.UNIT_ACCOUNT, 404, null));

        // the unit's pages (part D): only a unit
        for (String url : List.of("/unit", "/unit/template", "/unit/uploads/1", "/unit/uploads/1/receipt", "/unit/uploads/1/marked")) {
            refused(rows, get, url, Who.SUPERVISOR_ACCOUNT, Who.OFFICE_ACCOUNT);
        }
        refused(rows, post, "/unit/uploads", Who.SUPERVISOR_ACCOUNT, Who.OFFICE_ACCOUNT);
        rows.add(new Row(get, "/unit", Who.UNIT_ACCOUNT, 200, null));
        rows.add(new Row(get, "/unit/template", Who.UNIT_ACCOUNT, 200, null));
        rows.add(new Row(post, "/unit/uploads", Who.UNIT_ACCOUNT, 400, null)); // no file sent: asked for again
        for (String url : List.of("/unit/uploads/1", "/unit/uploads/1/receipt", "/unit/uploads/1/marked")) {
            rows.add(new Row(get, url, Who.UNIT_ACCOUNT, 404, null)); // no upload yet
        }
        // the API (part D): a unit and the office, with HTTP Basic
        for (String url : List.of("/api/check", "/api/returns")) {
            rows.add(new Row(post, url, Who.ANONYMOUS, 401, null));
            rows.add(new Row(post, url, Who.SUPERVISOR_ACCOUNT, 403, null));
            rows.add(new Row(post, url, Who.UNIT_ACCOUNT, 400, null)); // no file sent
            rows.add(new Row(post, url, Who.OFFICE_ACCOUNT, 400, null));
        }
        // the supervisor's pages (part E1): a supervisor and the office
        for (String url : List.of("/group", "/group/exceptions", "/group/files/异常清单.xlsx")) {
            refused(rows, get, url, Who.UNIT_ACCOUNT);
        }
        // before the first nightly: the page says there is nothing yet, the exceptions lead back to it, no file is a group's
        for (Who who : List.of(Who.SUPERVISOR_ACCOUNT, Who.OFFICE_ACCOUNT)) {
            rows.add(new Row(get, "/group", who, 200, null));
            rows.add(new Row(get, "/group/exceptions", who, 302, "/group"));
            rows.add(new Row(get, "/group/files/异常清单.xlsx", who, 404, null));
        }
        // another group: the office may, a supervisor may not
        rows.add(new Row(get, "/group?group=第二督查组", Who.OFFICE_ACCOUNT, 200, null));
        for (String url : List.of("/group", "/group/exceptions", "/group/files/异常清单.xlsx")) {
            rows.add(new Row(get, url + "?group=第二督查组", Who.SUPERVISOR_ACCOUNT, 403, null));
        }
        // the office's pages (part E2): only the office
        for (String url : List.of("/office", "/office/ledger", "/office/accounts", "/office/audit", "/office/audit/export")) {
            refused(rows, get, url, Who.UNIT_ACCOUNT, Who.SUPERVISOR_ACCOUNT);
            rows.add(new Row(get, url, Who.OFFICE_ACCOUNT, 200, null));
        }
        for (String url : List.of("/office/runs", "/office/ledger", "/office/ledger/confirm", "/office/accounts",
                "/office/accounts/passwords", "/office/accounts/U01/reset", "/office/accounts/U01/unlock")) {
            refused(rows, post, url, Who.UNIT_ACCOUNT, Who.SUPERVISOR_ACCOUNT);
        }
        rows.add(new Row(post, "/office/runs", Who.OFFICE_ACCOUNT, 302, "/office"));
        rows.add(new Row(post, "/office/ledger", Who.OFFICE_ACCOUNT, 200, null)); // no file sent: the form again, with why
        rows.add(new Row(post, "/office/ledger/confirm", Who.OFFICE_ACCOUNT, 302, "/office/ledger"));
        rows.add(new Row(post, "/office/accounts", Who.OFFICE_ACCOUNT, 302, "/office/accounts"));
        // no passwords just created in this session: back to the page, with why
        rows.add(new Row(post, "/office/accounts/passwords", Who.OFFICE_ACCOUNT, 302, "/office/accounts"));
        // U05: U01 signs in for the rows above and below, with its own password
        rows.add(new Row(post, "/office/accounts/U05/reset", Who.OFFICE_ACCOUNT, 302, "/office/accounts"));
        rows.add(new Row(post, "/office/accounts/U05/unlock", Who.OFFICE_ACCOUNT, 302, "/office/accounts"));
        return rows.stream();
    }

    /** A page that no one signed in may open, nor the roles given. */
    private static void refused(List<Row> rows, HttpMethod method, String url, Who... refused) {
        rows.add(new Row(method, url, Who.ANONYMOUS, 302, LOGIN));
        for (Who who : refused) {
            rows.add(new Row(method, url, who, 403, null));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void answers(Row row) throws Exception {
        MockHttpServletResponse response = mvc.perform(requestOf(row)).andReturn().getResponse();

        assertThat(response.getStatus()).as(row.toString()).isEqualTo(row.status());
        if (row.redirect() != null) {
            assertThat(response.getHeader(HttpHeaders.LOCATION)).as(row.toString()).endsWith(row.redirect());
        }
    }

    private MockHttpServletRequestBuilder requestOf(Row row) {
        MockHttpServletRequestBuilder request = request(row.method(), row.url());
        if (row.method() == HttpMethod.POST && !row.url().startsWith("/api/")) {
            request.with(csrf());
        }
        if (row.url().equals("/login") || row.url().equals("/password")) {
            request.param("username", UNIT).param("password", "wrong-password")
                    .param("current", "wrong-password").param("next", "Another2024x").param("repeat", "Another2024x");
        }
        if (row.who().username != null) {
            request.with(row.url().startsWith("/api/") ? httpBasic(row.who().username, PASSWORD) : as(row.who().username));
        }
        return request;
    }

    @Autowired
    AuditLog audit;

    @Test
    void aRefusalIsRecordedOnceWithTheUrlTheAccountAndTheAddress() throws Exception {
        mvc.perform(request(HttpMethod.GET, "/office/audit?action=LOGIN").with(as(UNIT))
                .with(r -> {
                    r.setRemoteAddr("10.20.30.40");
                    return r;
                }));

        List<AuditEvent> refusals = audit.find(new AuditFilter(null, null, UNIT, AuditAction.ACCESS_DENIED, null), 10)
                .stream().filter(e -> e.target().contains("/office/audit")).toList();
        assertThat(refusals).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("GET /office/audit?action=LOGIN");
            assertThat(e.remoteAddress()).isEqualTo("10.20.30.40");
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.detail()).isEqualTo("单位账号无权访问此地址");
        });
    }
}
