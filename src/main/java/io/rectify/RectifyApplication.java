package io.rectify;

import io.rectify.backup.Restore;
import io.rectify.cli.CommandContext;
import io.rectify.cli.CommandRunner;
import io.rectify.ops.Command;
import io.rectify.ops.CommandLine;
import io.rectify.ops.DataLock;
import io.rectify.ops.DatabaseFailure;
import io.rectify.ops.DatabaseServer;
import io.rectify.ops.FailureCause;
import io.rectify.ops.Signals;
import io.rectify.ops.UsageException;
import io.rectify.portal.PortalStart;
import io.rectify.workbook.JdkXmlFactories;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point: parses the command line before Spring starts, so that usage errors and
 * {@code --help} answer at once with exit status 2 or 0, then locks the data folder (a second
 * process ends at once with exit status 1, see {@link DataLock}) and runs one command in a context
 * whose database lives under {@code --data}; {@code restore} runs before that context, which would
 * open the database it replaces. H2's server is bound to the loopback interface before any H2 class
 * loads ({@link DatabaseServer}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RectifyApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        DatabaseServer.bindToLoopback();
        JdkXmlFactories.use();
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
        if (!commandLine.command().locksData()) {
            return runInSpring(commandLine);
        }
        try (DataLock lock = DataLock.acquire(commandLine.data(), commandLine.command().word())) {
            if (commandLine.command() == Command.RESTORE) {
                System.out.println(Restore.run(commandLine.backupFile().orElseThrow(), commandLine.data()));
                return CommandLine.EXIT_OK;
            }
            return runInSpring(commandLine);
        } catch (DataLock.Busy busy) {
            System.err.println("rectify: " + busy.getMessage());
            return CommandLine.EXIT_FAILED;
        } catch (IOException e) {
            System.err.println("rectify: " + commandLine.command().word() + " failed: "
                    + FailureCause.of(e).orElse(e.getMessage()));
            return CommandLine.EXIT_FAILED;
        }
    }

    private static int runInSpring(CommandLine commandLine) {
        SpringApplication application = CommandContext.application(RectifyApplication.class, commandLine);
        PortalStart portal = new PortalStart();
        if (commandLine.command() == Command.SERVE) {
            application.addListeners(portal);
        }
        try (ConfigurableApplicationContext context = application.run();
             Signals signals = Signals.closeOnTermination(context)) {
            return context.getBean(CommandRunner.class).run(commandLine);
        } catch (RuntimeException e) {
            Optional<String> known = DatabaseFailure.explain(e, commandLine.data()).or(() -> portal.portInUse(e));
            System.err.println("rectify: " + known.orElse("failed: " + e.getMessage()));
            if (known.isEmpty()) {
                e.printStackTrace();
            }
            return CommandLine.EXIT_FAILED;
        }
    }
}
