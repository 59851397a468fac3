package io.rectify.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The process that runs an execution, as recorded in its job execution context when it starts.
 * An execution left STARTED in the database by a process that is gone (power cut, killed) can
 * only be told from one still running by asking whether that process lives: this is the record
 * that makes it possible.
 */
record RunProcess(String host, long pid) {

    private static final String HOST = "process.host";
    private static final String PID = "process.pid";

    static RunProcess current() {
        return new RunProcess(hostName(), ProcessHandle.current().pid());
    }

    static Optional<RunProcess> of(ExecutionContext context) {
        if (!context.containsKey(PID)) {
            return Optional.empty();
        }
        return Optional.of(new RunProcess(context.getString(HOST, ""), context.getLong(PID)));
    }

    void putInto(ExecutionContext context) {
        context.putString(HOST, host);
        context.putLong(PID, pid);
    }

    /**
     * Whether this process still runs the execution started at {@code started} (local time).
     * A process on another host cannot be asked and counts as alive; a live process with the
     * same id that started after the execution did is another program that reused the id.
     */
    boolean alive(LocalDateTime started) {
        if (!host.equals(hostName())) {
            return true;
        }
        Optional<Instant> latestStart = Optional.ofNullable(started)
                .map(s -> s.atZone(ZoneId.systemDefault()).toInstant().plusSeconds(1));
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> latestStart.isEmpty() || p.info().startInstant().map(s -> !s.isAfter(latestStart.get())).orElse(true))
                .isPresent();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
