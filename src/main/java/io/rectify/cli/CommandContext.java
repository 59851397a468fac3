package io.rectify.cli;

import io.rectify.ops.Command;
import io.rectify.ops.CommandLine;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;

/**
 * The Spring application of one command. Every command but {@code serve} starts, does one thing
 * and exits, so its context creates only the beans that command reaches (lazy initialisation),
 * leaves out the auto-configurations only the portal and the schedules use, and starts no
 * background thread warming up the portal's JSON, HTTP and Tomcat classes: on 2 cores that thread
 * competes with the start, and the classes, read from the jar's nested jars, and their beans were
 * most of a plain {@code java -jar} start (docs/BENCHMARKS.md). {@code serve} gets the whole
 * application.
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

    private static final String NO_BACKGROUND_WARM_UP = "spring.backgroundpreinitializer.ignore";

    private CommandContext() {
    }

    public static SpringApplication application(Class<?> source, CommandLine commandLine) {
        if (commandLine.command() != Command.SERVE) {
            // read once per process, when the application is made
            System.setProperty(NO_BACKGROUND_WARM_UP, "true");
        }
        SpringApplication application = new SpringApplication(source);
        application.setDefaultProperties(properties(commandLine));
        return application;
    }

    /** The command line's folders, and for a command other than serve the lean start. */
    static Map<String, Object> properties(CommandLine commandLine) {
        Map<String, Object> properties = commandLine.springProperties();
        if (commandLine.command() != Command.SERVE) {
            properties.put("spring.main.lazy-initialization", "true");
            properties.put("spring.autoconfigure.exclude", String.join(",", PORTAL_ONLY));
        }
        return properties;
    }
}
