package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.RectifyProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve as the office starts it (a child JVM): the portal on its address and port, with or without a schedule. */
class PortalServeIT {

    @TempDir
    Path root;

    private String[] serve() throws IOException {
        return new String[] {"serve", "--jobs=" + Files.createDirectories(root.resolve("jobs")), "--input=" + root.resolve("input"),
                "--output=" + root.resolve("output"), "--data=" + root.resolve("data")};
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void serveWithNoScheduleServesTheLoginPageOnTheConfiguredPort() throws Exception {
        int port = freePort();
        RectifyProcess serve = RectifyProcess.start(root.resolve("logs"), Map.of("rectify.web.port", String.valueOf(port)), serve());
        try {
            serve.awaitOutput("Portal on http://127.0.0.1:" + port + "/");
            HttpResponse<String> login = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("<h1>登录</h1>", "name=\"_csrf\"");
            assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        } finally {
            serve.kill();
        }
    }

    @Test
    void aTakenPortEndsServeWithOneLineNamingTheAddressPortAndSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RectifyProcess.Result serve = RectifyProcess.run(root.resolve("logs"),
                    Map.of("rectify.web.port", String.valueOf(taken.getLocalPort())), serve());

            assertThat(serve.exit()).isEqualTo(1);
            assertThat(serve.err().lines().filter(line -> line.startsWith("rectify:")))
                    .singleElement().asString()
                    .contains("127.0.0.1:" + taken.getLocalPort(), "another program uses that port", "rectify.web.port");
            assertThat(serve.err()).doesNotContain("Exception");
        }
    }

    @Test
    void withThePortalOffServeWithoutAScheduleStillHasNothingToServe() throws Exception {
        RectifyProcess.Result serve = RectifyProcess.run(root.resolve("logs"), Map.of("rectify.web.enabled", "false"), serve());

        assertThat(serve.exit()).isEqualTo(1);
        assertThat(serve.err()).contains("no enabled schedule");
        assertThat(serve.out()).doesNotContain("Portal on");
    }
}
