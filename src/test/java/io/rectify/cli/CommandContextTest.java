package io.rectify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.RectifyApplication;
import io.rectify.ops.CommandLine;
import io.rectify.run.Console;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/** A command other than serve starts only what it uses; serve keeps the whole application. */
class CommandContextTest {

    @TempDir
    Path root;

    @Test
    void aCommandCreatesOnlyTheBeansItRuns() {
        CommandLine status = CommandLine.parse("status", "--jobs=" + root.resolve("jobs"), "--data=" + root.resolve("data"));
        try (ConfigurableApplicationContext context = CommandContext.application(RectifyApplication.class, status).run();
             Console console = Console.capture()) {
            assertThat(context.getBean(CommandRunner.class).run(status)).as(console.err()).isZero();

            assertThat(context.getBeanNamesForType(ITemplateEngine.class)).as("the portal's templates").isEmpty();
            assertThat(context.getBeanNamesForType(JsonMapper.class)).as("the portal's JSON mapper").isEmpty();
            assertThat(context.getBeanFactory().containsSingleton("returnsApi")).as("a portal controller made").isFalse();
            assertThat(context.getBeanFactory().containsSingleton("checkCommand")).as("another command's bean made").isFalse();
            assertThat(context.getBeanFactory().containsSingleton("status")).isTrue();
        }
    }

    @Test
    void serveGetsTheWholeApplication() {
        CommandLine serve = CommandLine.parse("serve", "--data=" + root.resolve("data"));

        assertThat(CommandContext.properties(serve))
                .doesNotContainKeys("spring.main.lazy-initialization", "spring.autoconfigure.exclude")
                .containsEntry("rectify.data", root.resolve("data").toString());
    }
}
