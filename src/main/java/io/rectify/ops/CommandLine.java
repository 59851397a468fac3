package io.rectify.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed command line: {@code <command> [argument] [--option=value | --flag ...]}. Parsing fails
 * with a {@link UsageException} on an unknown command or option, a missing value or a malformed
 * period, date or execution id, so nothing starts on a command that cannot be right.
 *
 * @param rejudge   nightly: the earlier periods to judge again with the current ledger, as the job
 *                  parameter {@code rejudge} holds it: {@value #REJUDGE_EVERY_PERIOD}, or the first
 *                  such period YYYY-MM; empty when the office did not ask
 * @param execution the execution id given to restart and abandon
 * @param jobs      the folder of schedules read by serve and status (--jobs, default jobs)
 * @param json      status: print JSON for machines instead of the table
 * @param limit     status: how many of the latest executions to list
 * @param backupFile backup: the file to write (--to, default backups/rectify-<time>.zip); restore: the one to read (--from)
 * @param files     check: the returns to check, as given
 * @param reset     accounts: the account to give a new initial password (--reset); empty to create the missing accounts
 */
public record CommandLine(Command command, boolean help, Path input, Path output, Path data,
                          Optional<YearMonth> period, Optional<LocalDate> asOf, Optional<String> rejudge,
                          OptionalLong execution, Path jobs, boolean json, int limit, Optional<Path> backupFile,
                          List<Path> files, Optional<String> reset) {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    static final int DEFAULT_LIMIT = 20;
    public static final String REJUDGE_EVERY_PERIOD = "all";
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public static CommandLine parse(String... args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            return help(null);
        }
        Command command = Command.of(args[0])
                .orElseThrow(() -> new UsageException("unknown command '" + args[0] + "'"));
        Map<String, String> options = new LinkedHashMap<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return help(command);
            }
            if (!arg.startsWith("--")) {
                if (command.argument().isEmpty() || !arguments.isEmpty() && !command.repeatsArgument()) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                arguments.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (command.takesFlag(name) && (eq < 0 || !command.accepts(name))) {
                if (eq >= 0) {
                    throw new UsageException("--" + name + " takes no value");
                }
                if (options.put(name, "true") != null) {
                    throw new UsageException("option --" + name + " given twice");
                }
                continue;
            }
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
        Optional<String> rejudge = Optional.ofNullable(options.get("rejudge"))
                .map(r -> r.equals("true") ? REJUDGE_EVERY_PERIOD : rejudgeFrom(r));
        OptionalLong execution = OptionalLong.empty();
        List<Path> files = List.of();
        if (command == Command.CHECK) {
            if (arguments.isEmpty()) {
                throw new UsageException("'check' needs the returns to check, as in 'check U01.xlsx U02.xlsx'");
            }
            files = arguments.stream().map(Path::of).toList();
        } else if (command.argument().isPresent()) {
            if (arguments.isEmpty()) {
                throw new UsageException("'" + command.word() + "' needs the number of an execution, as in '"
                        + command.word() + " 12' (see the first column of 'status')");
            }
            execution = OptionalLong.of(executionId(arguments.get(0)));
        }
        if (command == Command.RESTORE && !options.containsKey("from")) {
            throw new UsageException("'restore' needs --from=FILE, the backup to restore");
        }
        Optional<Path> backupFile = Optional.ofNullable(options.getOrDefault("to", options.get("from"))).map(CommandLine::path);
        if (command == Command.BACKUP && backupFile.isEmpty()) {
            backupFile = Optional.of(path("backups/rectify-" + LocalDateTime.now().format(BACKUP_TIME) + ".zip"));
        }
        Path input = path(options.getOrDefault("input", "input"));
        Path output = path(options.getOrDefault("output", "output"));
        folders(input, output);
        return new CommandLine(command, false, input, output,
                path(options.getOrDefault("data", "data")),
                period, asOf, rejudge, execution,
                path(options.getOrDefault("jobs", "jobs")),
                options.containsKey("json"),
                Optional.ofNullable(options.get("limit")).map(CommandLine::limit).orElse(DEFAULT_LIMIT), backupFile, files,
                Optional.ofNullable(options.get("reset")).map(String::strip));
    }

    private static CommandLine help(Command command) {
        return new CommandLine(command, true, null, null, null, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.empty(), null, false, DEFAULT_LIMIT, Optional.empty(), List.of(), Optional.empty());
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
            String word = c.word() + c.argument().map(a -> " <" + a + ">").orElse("");
            text.append(String.format("  %-28s %s%n", word, c.description()));
        }
        text.append("""

                Options:
                  --input=DIR          input folder (default: input); never modified
                  --output=DIR         output folder (default: output)
                  --data=DIR           database and archive folder (default: data)
                  --period=YYYY-MM     templates: required; nightly: default the latest folder in <input>/returns/;
                                       check: default the period each file states, else the open period
                  --as-of=YYYY-MM-DD   nightly: the day overdue and due-soon are judged on (default: the period's last day)
                  --rejudge[=YYYY-MM]  nightly: judge the earlier periods (from YYYY-MM on; alone: all of them) again
                                       with the current ledger; without it an earlier period stays judged with
                                       the ledger version it was judged with, whatever edits came after
                  --jobs=DIR           serve, status: the folder of job schedules (default: jobs)
                  --json               status: JSON for machines instead of the table
                  --limit=N            status: how many of the latest executions to list (default: 20)
                  --to=FILE            backup: the .zip to write (default: backups/rectify-<date>-<time>.zip)
                  --from=FILE          restore: the backup .zip to restore
                  --reset=NAME         accounts: give the account NAME (a unit code, a group's name, office) a new
                                       initial password, to be changed at the next login, and unlock it
                  --help               this text

                Exit status: 0 the job completed (whatever exceptions it found), 1 it failed, 2 usage error;
                check: 0 every file would be accepted, 1 one would not or could not be read, 2 usage error.
                """);
        return text.toString();
    }

    /** Folders that cannot be right: refused before anything starts, rather than read or written wrongly. */
    private static void folders(Path input, Path output) {
        if (Files.exists(input) && !Files.isDirectory(input)) {
            throw new UsageException("--input 应为输入文件夹，但 " + input + " 是一个文件");
        }
        if (output.startsWith(input)) {
            throw new UsageException("--output（" + output + "）不能在 --input（" + input + "）之内：输入文件夹只读不写，"
                    + "请把输出文件夹放在它之外");
        }
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

    private static String rejudgeFrom(String value) {
        try {
            return period(value).toString();
        } catch (UsageException e) {
            throw new UsageException("--rejudge takes no value or the first period to judge again, YYYY-MM; got '"
                    + value + "'");
        }
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

    private static long executionId(String value) {
        if (value.matches("\\d{1,18}") && Long.parseLong(value) > 0) {
            return Long.parseLong(value);
        }
        throw new UsageException("an execution id is a number, as the first column of 'status' shows it; got '" + value + "'");
    }

    private static int limit(String value) {
        if (value.matches("\\d{1,6}") && Integer.parseInt(value) > 0) {
            return Integer.parseInt(value);
        }
        throw new UsageException("--limit must be a whole number of executions, got '" + value + "'");
    }

    private static Path path(String value) {
        return Path.of(value).toAbsolutePath().normalize();
    }
}
