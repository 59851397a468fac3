package io.rectify.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.h2.engine.SysProperties;

/**
 * Keeps the H2 database's server on the loopback interface. {@code AUTO_SERVER} makes the process
 * that opens the database first start a TCP server (so that status and restart reach it from
 * another process), and H2 starts it allowing other hosts, on every interface unless the system
 * property {@value #BIND_ADDRESS} says where. H2 reads that property once, when its classes load:
 * {@link #bindToLoopback()} runs before any of them does, in every way the application starts.
 */
public final class DatabaseServer {

    static final String BIND_ADDRESS = "h2.bindAddress";
    public static final String LOOPBACK = "127.0.0.1";

    private DatabaseServer() {
    }

    /**
     * Sets {@value #BIND_ADDRESS} to the loopback address unless it names a loopback address already,
     * and checks that H2 took it.
     *
     * @throws IllegalStateException when H2 was loaded earlier with another address: its server would
     *                               listen beyond this machine
     */
    public static void bindToLoopback() {
        if (!loopback(System.getProperty(BIND_ADDRESS))) {
            System.setProperty(BIND_ADDRESS, LOOPBACK);
        }
        if (!loopback(SysProperties.BIND_ADDRESS)) {
            throw new IllegalStateException("H2 was loaded with " + BIND_ADDRESS + "=" + SysProperties.BIND_ADDRESS
                    + " before Rectify could set it: its database server would listen on every interface. "
                    + "Start the JVM with -D" + BIND_ADDRESS + "=" + LOOPBACK);
        }
    }

    private static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
