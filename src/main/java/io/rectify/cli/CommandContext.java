package io.rectify.cli;

import io.rectify.ops.Command;
import io.rectify.ops.CommandLine;
import java.util.List;
import java.util.Map;

/**
 * The Spring settings of one command's context. Every command but {@code serve} starts, does one
 * thing and exits, so its context creates only the beans that command reaches (lazy
 * initialisation) and leaves out the auto-configurations only the portal and the schedules use:
 * their classes, read from the jar's nested jars, and their beans were most of a plain
 * {@code java -jar} start (docs/BENCHMARKS.md). {@code serve} gets the whole application.
 */
public final class CommandContext {

    static final List<String> PORTAL_ONLY = List.of(
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
            "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration");

    private CommandContext() {
    }

    /** The command line's folders, and for a command other than serve the lean start. */
    public static Map<String, Object> properties(CommandLine commandLine) {
        Map<String, Object> properties = commandLine.springProperties();
        if (commandLine.command() != Command.SERVE) {
            properties.put("spring.main.lazy-initialization", "true");
            properties.put("spring.autoconfigure.exclude", String.join(",", PORTAL_ONLY));
        }
        return properties;
    }
}
