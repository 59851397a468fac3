package io.rectify.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM (systemctl stop, kill) and SIGINT (Ctrl-C) close the application context before the
 * JVM starts shutting down: closing it stops a running job after its current chunk and waits for
 * it. Left to the JVM, the shutdown hooks run together, and H2's closes the database under the
 * stopping job. A second signal while stopping exits at once; the execution then shows as
 * interrupted in status, to be restarted. Closing the registration gives the signals back to
 * the handlers they had.
 */
public final class Signals implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Signals.class);
    static final int EXIT_INTERRUPTED = 130;

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private Signals() {
    }

    public static Signals closeOnTermination(ConfigurableApplicationContext context) {
        Signals signals = new Signals();
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal signal = new Signal(name);
                signals.previous.put(signal, Signal.handle(signal, s -> {
                    if (stopping.compareAndSet(false, true)) {
                        log.warn("SIG{} received: stopping (a running job ends after its current chunk); "
                                + "send it again to exit at once", name);
                        context.close();
                    } else {
                        log.warn("SIG{} received again: exiting at once", name);
                        Runtime.getRuntime().halt(EXIT_INTERRUPTED);
                    }
                }));
            } catch (IllegalArgumentException e) {
                // a signal this platform does not have: the JVM's default handling stays
            }
        }
        return signals;
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
