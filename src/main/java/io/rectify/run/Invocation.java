package io.rectify.run;

import io.rectify.ops.RectifyProperties;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * How to type a command on this installation, for the "what to do" lines: the jar as it was
 * started ({@code java -jar target/rectify.jar} when it cannot be told), and {@code --data} when
 * it is not the default, since a restart must find the same database.
 */
@Component
class Invocation {

    private static final String DEFAULT_LAUNCHER = "java -jar target/rectify.jar";

    private final String launcher;
    private final String dataOption;

    Invocation(RectifyProperties properties) {
        String started = System.getProperty("sun.java.command", "");
        String first = started.isBlank() ? "" : started.strip().split("\\s+")[0];
        this.launcher = first.endsWith(".jar") ? "java -jar " + first : DEFAULT_LAUNCHER;
        Path data = properties.data();
        this.dataOption = data == null || data.equals(Path.of("data").toAbsolutePath().normalize())
                ? "" : " --data=" + data;
    }

    /** The command line that runs {@code command} on execution {@code id}. */
    String of(String command, long id) {
        return launcher + " " + command + " " + id + dataOption;
    }
}
