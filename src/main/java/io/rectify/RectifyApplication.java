package io.rectify;

import io.rectify.ops.CommandLine;
import io.rectify.ops.CommandRunner;
import io.rectify.ops.Signals;
import io.rectify.ops.UsageException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point: parses the command line before Spring starts, so that usage errors and
 * {@code --help} answer at once with exit status 2 or 0, then runs one command in a context
 * whose database lives under {@code --data}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RectifyApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (UsageException e) {
            System.err.println("rectify: " + e.getMessage());
            System.err.println("Run 'java -jar target/rectify.jar --help' for usage.");
            return CommandLine.EXIT_USAGE;
        }
        if (commandLine.help()) {
            System.out.print(CommandLine.usage());
            return CommandLine.EXIT_OK;
        }
        SpringApplication application = new SpringApplication(RectifyApplication.class);
        application.setDefaultProperties(commandLine.springProperties());
        try (ConfigurableApplicationContext context = application.run();
             Signals signals = Signals.closeOnTermination(context)) {
            return context.getBean(CommandRunner.class).run(commandLine);
        } catch (RuntimeException e) {
            System.err.println("rectify: failed: " + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
    }
}
