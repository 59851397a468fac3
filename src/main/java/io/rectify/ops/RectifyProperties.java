package io.rectify.ops;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Folders and tunables of a run. The folders come from the command line ({@link CommandLine});
 * the rest from {@code application.properties} or {@code --rectify.*} system properties.
 *
 * @param dueSoonDays a task whose deadline falls within this many days after the as-of date is due-soon
 */
@ConfigurationProperties("rectify")
public record RectifyProperties(Path input, Path output, Path data,
                                @DefaultValue("15") int dueSoonDays) {

    public Path masterFolder() {
        return input.resolve("master");
    }

    public Path returnsFolder() {
        return input.resolve("returns");
    }
}
