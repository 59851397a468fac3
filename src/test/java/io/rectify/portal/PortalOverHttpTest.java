package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditFilter;
import io.rectify.audit.AuditLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The portal on a real Tomcat, as a browser, a machine and the HTTPS reverse proxy reach it: the
 * upload limit (1MB here) refused while the body streams in, the session cookie, the session's
 * lifetime, and the client's address and scheme passed on by the proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "rectify.limits.max-file-size=1MB"})
class PortalOverHttpTest extends PortalTestContext {

    private static final String BOUNDARY = "----rectify-test-boundary";
    private static final int JUST_OVER = 1024 * 1024 + 1;

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext context;
    @Autowired
    AuditLog audit;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A multipart form holding one file part of {@code size} random bytes (and the CSRF field a page's form has). */
    private static byte[] form(int size) {
        byte[] file = new byte[size];
        new Random(13).nextBytes(file);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"U01.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> upload(String path, boolean chunked, String... headers) throws Exception {
        byte[] body = form(JUST_OVER);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = to(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(publisher);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageUploadJustOverTheLimitIsRefusedWith413AndTheLimitInChinese() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> refused = upload("/unit/uploads", chunked, "Accept", "text/html");

            assertThat(refused.statusCode()).as("chunked " + chunked).isEqualTo(413);
            assertThat(refused.body()).contains("文件过大，未被接收", "<strong>1MB</strong>", "请压缩或删除无关工作表后重新上传")
                    .doesNotContain("Exception");
            assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).startsWith("default-src 'self'"));
        }
    }

    @Test
    void anApiUploadJustOverTheLimitIsRefusedWith413InJson() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((UNIT + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> refused = upload("/api/check", chunked, "Authorization", basic);

            assertThat(refused.statusCode()).as("chunked " + chunked).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(refused.body()).isEqualTo("{\"error\":\"上传的文件超过1MB的大小上限，未被接收。请压缩或删除无关工作表后重新上传。\"}");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndLaxAndSecureOnlyBehindHttps() throws Exception {
        HttpResponse<String> plain = http.send(to("/login").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> proxied = http.send(to("/login").header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(proxied.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Secure"));
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void sessionsExpireAfterTheConfiguredThirtyMinutes() {
        Context portal = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];

        assertThat(portal.getSessionTimeout()).isEqualTo(30);
    }

    @Test
    void behindTheProxyTheAuditLogKeepsTheClientsAddress() throws Exception {
        HttpResponse<String> page = http.send(to("/login").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> login = http.send(to("/login").header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=U03&password=wrong-password&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
        List<AuditEvent> logins = audit.find(new AuditFilter(null, null, "U03", AuditAction.LOGIN, null), 10);
        assertThat(logins).extracting(AuditEvent::remoteAddress).contains("203.0.113.7");
    }
}
