package io.rectify.ops;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed command line: {@code <command> [--option=value ...]}. Parsing fails with a
 * {@link UsageException} on an unknown command or option, a missing value or a malformed
 * period or date, so nothing starts on a command that cannot be right.
 */
public record CommandLine(Command command, boolean help, Path input, Path output, Path data,
                          Optional<YearMonth> period, Optional<LocalDate> asOf, Optional<Path> backupFile) {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public static CommandLine parse(String... args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            return new CommandLine(null, true, null, null, null, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Command command = Command.of(args[0])
                .orElseThrow(() -> new UsageException("unknown command '" + args[0] + "'"));
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new CommandLine(command, true, null, null, null, Optional.empty(), Optional.empty(), Optional.empty());
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!command.accepts(name)) {
                throw new UsageException("'" + command.word() + "' has no option --" + name);
            }
            if (eq < 0 || eq == arg.length() - 1) {
                throw new UsageException("option --" + name + " needs a value, as in --" + name + "=...");
            }
            if (options.put(name, arg.substring(eq + 1)) != null) {
                throw new UsageException("option --" + name + " given twice");
            }
        }
        Optional<YearMonth> period = Optional.ofNullable(options.get("period")).map(CommandLine::period);
        if (command == Command.TEMPLATES && period.isEmpty()) {
            throw new UsageException("'templates' needs --period=YYYY-MM");
        }
        Optional<LocalDate> asOf = Optional.ofNullable(options.get("as-of")).map(CommandLine::date);
        if (command == Command.RESTORE && !options.containsKey("from")) {
            throw new UsageException("'restore' needs --from=FILE, the backup to restore");
        }
        Optional<Path> backupFile = Optional.ofNullable(options.getOrDefault("to", options.get("from"))).map(CommandLine::path);
        if (command == Command.BACKUP && backupFile.isEmpty()) {
            backupFile = Optional.of(path("backups/rectify-" + LocalDateTime.now().format(BACKUP_TIME) + ".zip"));
        }
        return new CommandLine(command, false,
                path(options.getOrDefault("input", "input")),
                path(options.getOrDefault("output", "output")),
                path(options.getOrDefault("data", "data")),
                period, asOf, backupFile);
    }

    /** Properties handed to Spring so that every bean sees the same folders. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("rectify.input", input.toString());
        properties.put("rectify.output", output.toString());
        properties.put("rectify.data", data.toString());
        return properties;
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Rectify (巡视整改台账汇总) - consolidates the units' rectification returns.

                Usage: java -jar target/rectify.jar <command> [options]

                Commands:
                """);
        for (Command c : Command.values()) {
            text.append(String.format("  %-14s %s%n", c.word(), c.description()));
        }
        text.append("""

                Options:
                  --input=DIR          input folder (default: input); never modified
                  --output=DIR         output folder (default: output)
                  --data=DIR           database and archive folder (default: data)
                  --period=YYYY-MM     templates: required; nightly: default the latest folder in <input>/returns/
                  --as-of=YYYY-MM-DD   nightly: the day overdue and due-soon are judged on (default: the period's last day)
                  --to=FILE            backup: the .zip to write (default: backups/rectify-<date>-<time>.zip)
                  --from=FILE          restore: the backup .zip to restore
                  --help               this text

                Exit status: 0 the job completed (whatever exceptions it found), 1 it failed, 2 usage error.
                """);
        return text.toString();
    }

    private static YearMonth period(String value) {
        try {
            if (value.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the usage error below
        }
        throw new UsageException("--period must be YYYY-MM, got '" + value + "'");
    }

    private static LocalDate date(String value) {
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the usage error below
        }
        throw new UsageException("--as-of must be YYYY-MM-DD, got '" + value + "'");
    }

    private static Path path(String value) {
        return Path.of(value).toAbsolutePath().normalize();
    }
}
