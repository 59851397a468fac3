package io.rectify.run;

import io.rectify.ops.RectifyProperties;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * How to type a command on this installation, for the "what to do" lines, so that pasting it
 * works: the jar as it was started ({@code java -jar target/rectify.jar} when it cannot be told),
 * and the execution's {@code --input} and {@code --output} and this process's {@code --data} where
 * they are not the defaults, since a restart must find the same database and folders.
 */
@Component
class Invocation {

    private static final String DEFAULT_LAUNCHER = "java -jar target/rectify.jar";
    /** Letters of any script and the Windows separator need no quotes: 整改数据 and D:\台账 are pasted as they are. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[\\p{L}\\p{N}_./:=@%+,\\\\-]+");

    private final String launcher;
    private final String dataOption;

    Invocation(RectifyProperties properties) {
        String started = System.getProperty("sun.java.command", "");
        String first = started.isBlank() ? "" : started.strip().split("\\s+")[0];
        this.launcher = first.endsWith(".jar") ? "java -jar " + first : DEFAULT_LAUNCHER;
        this.dataOption = option("data", properties.data() == null ? null : properties.data().toString());
    }

    /** The command line that runs {@code command} on {@code execution}. */
    String of(String command, ExecutionRecord execution) {
        return launcher + " " + command + " " + execution.id() + option("input", execution.input())
                + option("output", execution.output()) + dataOption;
    }

    /**
     * {@code " --name=folder"}, in double quotes where the folder has a space or a character a shell
     * treats specially (double quotes are the ones cmd.exe, PowerShell and POSIX shells all take);
     * empty for the default folder or none.
     */
    private static String option(String name, String folder) {
        if (folder == null || Path.of(folder).equals(Path.of(name).toAbsolutePath().normalize())) {
            return "";
        }
        String option = "--" + name + "=" + folder;
        return " " + (SHELL_SAFE.matcher(option).matches() ? option : "\"" + option + "\"");
    }
}
