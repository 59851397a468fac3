package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.NightlyFixture;
import io.rectify.RectifyProcess;
import java.io.IOException;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve as the office runs it, with the portal on an address of this machine's network and a job
 * running: the portal's port is the only one reachable beyond this machine, and only on the
 * configured address; H2's server (AUTO_SERVER), through which status reaches the running job's
 * database, listens on loopback only.
 */
class NothingListensBeyondLoopbackIT {

    @TempDir
    static Path root;

    @Test
    void onlyThePortalListensBeyondLoopbackAndOnlyOnItsConfiguredAddress() throws Exception {
        Path input = root.resolve("input");
        NightlyFixture.standard(input);
        Path jobs = Files.createDirectories(root.resolve("jobs"));
        // a daily slot already past today: serve catches it up at once
        Files.writeString(jobs.resolve("nightly.properties"), "cron = 0 0 0 * * *\nperiod = 2024-03\n");
        InetAddress portalAddress = networkAddress();
        int portalPort = freePort();
        RectifyProcess serve = RectifyProcess.start(root.resolve("logs"), Map.of(
                        PausePoint.PAUSE_BEFORE, "summary.json",
                        "rectify.web.enabled", "true",
                        "rectify.web.address", portalAddress.getHostAddress(),
                        "rectify.web.port", Integer.toString(portalPort)),
                "serve", "--jobs=" + jobs, "--input=" + input, "--output=" + root.resolve("output"),
                "--data=" + root.resolve("data"));
        try {
            serve.awaitOutput("paused before replacing");

            List<Listeners.Listener> listeners = Listeners.of(serve.pid());
            InetAddress databaseHost = InetAddress.getByName(databaseServer().getProperty("host"));
            int databasePort = Integer.parseInt(databaseServer().getProperty("port"));

            assertThat(databaseHost.isLoopbackAddress()).as("rectify.lock.db's server=%s", databaseHost).isTrue();
            assertThat(listeners).filteredOn(l -> l.port() == databasePort).isNotEmpty().allMatch(Listeners.Listener::loopback);
            RectifyProcess.Result status = RectifyProcess.run(root.resolve("logs"), Map.of(), "status",
                    "--jobs=" + jobs, "--data=" + root.resolve("data"));
            assertThat(status.exit()).as(status.err()).isZero();
            assertThat(status.out()).as("it reached the running job's database through H2's server").contains("运行中");
            assertThat(listeners).filteredOn(l -> !l.loopback())
                    .containsExactly(new Listeners.Listener(portalAddress, portalPort));
        } finally {
            serve.kill();
        }
    }

    /** H2's lock file: {@code server=host:port} of the server the process holding the database started. */
    private static Properties databaseServer() throws IOException {
        Properties lock = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve("data/db/rectify.lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        assertThat(server).as("H2 wrote its server into rectify.lock.db").isNotNull();
        Properties parsed = new Properties();
        parsed.setProperty("host", server.substring(0, server.lastIndexOf(':')));
        parsed.setProperty("port", server.substring(server.lastIndexOf(':') + 1));
        return parsed;
    }

    /** An IPv4 address of this machine beyond loopback; loopback itself on a machine without one. */
    private static InetAddress networkAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return InetAddress.getLoopbackAddress();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
