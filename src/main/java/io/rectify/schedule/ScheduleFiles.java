package io.rectify.schedule;

import io.rectify.ops.Command;
import io.rectify.ops.CommandLine;
import io.rectify.ops.UsageException;
import io.rectify.run.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.scheduling.support.CronExpression;

/**
 * Reads the schedules of a jobs/ folder: every {@code *.properties} file is one schedule, named
 * by the file. A file holds {@code key = value} lines, {@code #} comments and blank lines:
 * <pre>
 *   cron    = 0 30 1 * * *      (required: second minute hour day-of-month month day-of-week)
 *   zone    = Asia/Shanghai     (default)
 *   period  = previous-month    (default; current-month, next-month, latest or YYYY-MM)
 *   as-of   = period-end        (default; run-day: judge overdue on the day of the run; nightly only)
 *   command = nightly           (default: the file's name when it is a command, else nightly)
 *   options = --input=/srv/in   (further options of the command; paths without spaces)
 *   enabled = true              (default; false keeps the file without running it)
 * </pre>
 * Values are taken as written: no escapes, so Windows paths need no doubling. Every problem is
 * reported with its file and line, and a file with a problem gives no schedule.
 */
public final class ScheduleFiles {

    public static final String DEFAULT_ZONE = "Asia/Shanghai";
    private static final String SUFFIX = ".properties";
    private static final Set<String> KEYS = Set.of("cron", "zone", "period", "as-of", "command", "options", "enabled");
    /** Options a schedule cannot set: the period and as-of date come from its keys, the database from serve. */
    private static final Map<String, String> RESERVED = Map.of(
            "period", "set the period with the 'period' key",
            "as-of", "set the as-of date with the 'as-of' key",
            "data", "the database folder is serve's --data");

    /**
     * @param schedules the schedules of the files without problems, by file name
     * @param problems  one line per problem: file, line, what is wrong
     * @param names     the name of every schedule file found, with or without problems
     */
    public record Loaded(List<JobSchedule> schedules, List<String> problems, Set<String> names) {

        public List<JobSchedule> enabled() {
            return schedules.stream().filter(JobSchedule::enabled).toList();
        }

        public List<Plan> plans(Instant now) {
            return schedules.stream().map(s -> s.plan(now)).toList();
        }
    }

    private ScheduleFiles() {
    }

    /** Reads every schedule file of {@code folder}; a missing folder holds none. */
    public static Loaded read(Path folder) {
        List<JobSchedule> schedules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Loaded(List.of(), List.of(), Set.of());
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            return new Loaded(List.of(), List.of("cannot list " + folder + ": " + e.getMessage()), Set.of());
        }
        Set<String> names = new TreeSet<>();
        for (Path file : files) {
            names.add(name(file));
            List<String> fileProblems = new ArrayList<>();
            JobSchedule schedule = read(file, fileProblems);
            if (fileProblems.isEmpty()) {
                schedules.add(schedule);
            }
            problems.addAll(fileProblems);
        }
        return new Loaded(List.copyOf(schedules), List.copyOf(problems), Set.copyOf(names));
    }

    private static String name(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    /** Reads one schedule file; the problems found are added to {@code problems}. */
    static JobSchedule read(Path file, List<String> problems) {
        String name = name(file);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
            return null;
        }
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !KEYS.contains(key)) {
                problems.add(where(file, i + 1) + "'" + line + "' is not one of the keys " + String.join(", ", sorted(KEYS))
                        + " followed by '=' and a value");
                continue;
            }
            if (values.put(key, line.substring(eq + 1).strip()) != null) {
                problems.add(where(file, i + 1) + "'" + key + "' is given twice");
            }
            lines.put(key, i + 1);
        }
        return schedule(name, file, values, lines, problems);
    }

    private static JobSchedule schedule(String name, Path file, Map<String, String> values, Map<String, Integer> lines,
                                        List<String> problems) {
        int before = problems.size();
        Command command = command(name, file, values, lines, problems);
        CronExpression cron = cron(file, values, lines, problems);
        ZoneId zone = null;
        try {
            zone = ZoneId.of(values.getOrDefault("zone", DEFAULT_ZONE));
        } catch (DateTimeException e) {
            problems.add(where(file, lines.get("zone")) + "zone '" + values.get("zone")
                    + "' is not a time zone such as Asia/Shanghai");
        }
        PeriodRule period = null;
        try {
            period = PeriodRule.parse(values.getOrDefault("period", PeriodRule.PREVIOUS_MONTH.text()));
            if (period == PeriodRule.LATEST && command != null && command != Command.NIGHTLY) {
                problems.add(where(file, lines.get("period")) + "period 'latest' is for nightly only; '"
                        + command.word() + "' needs a month");
                period = null;
            }
        } catch (IllegalArgumentException e) {
            problems.add(where(file, lines.get("period")) + e.getMessage());
        }
        String asOf = values.getOrDefault("as-of", "period-end");
        if (!asOf.equals("period-end") && !asOf.equals("run-day")) {
            problems.add(where(file, lines.get("as-of")) + "as-of must be period-end or run-day, got '" + asOf + "'");
        } else if (asOf.equals("run-day") && command != null && command != Command.NIGHTLY) {
            problems.add(where(file, lines.get("as-of")) + "as-of is for nightly only");
        }
        String enabled = values.getOrDefault("enabled", "true");
        if (!enabled.equals("true") && !enabled.equals("false")) {
            problems.add(where(file, lines.get("enabled")) + "enabled must be true or false, got '" + enabled + "'");
        }
        List<String> options = options(file, values, lines, command, problems);
        if (problems.size() > before) {
            return null;
        }
        return new JobSchedule(name, file, command, cron, zone, period, asOf.equals("run-day"), options,
                enabled.equals("true"));
    }

    private static Command command(String name, Path file, Map<String, String> values, Map<String, Integer> lines,
                                   List<String> problems) {
        String word = values.getOrDefault("command", Command.of(name).isPresent() ? name : Command.NIGHTLY.word());
        Command command = Command.of(word).filter(c -> c.jobName().isPresent()).orElse(null);
        if (command == null) {
            problems.add(where(file, lines.get("command")) + "command '" + word + "' is not a job; "
                    + "a schedule runs nightly, templates or import-ledger");
        }
        return command;
    }

    private static CronExpression cron(Path file, Map<String, String> values, Map<String, Integer> lines,
                                       List<String> problems) {
        String text = values.get("cron");
        if (text == null || text.isEmpty()) {
            problems.add(where(file, lines.get("cron")) + "'cron' is required, e.g. cron = 0 30 1 * * * (every day at 01:30)");
            return null;
        }
        try {
            return CronExpression.parse(text);
        } catch (IllegalArgumentException e) {
            String fields = text.split("\\s+").length == 5
                    ? " (it has 5 fields as in crontab; this one has 6, seconds first: '0 " + text + "')" : "";
            problems.add(where(file, lines.get("cron")) + "cron '" + text + "' is not a cron expression of six fields, "
                    + "second minute hour day-of-month month day-of-week" + fields + ": " + e.getMessage());
            return null;
        }
    }

    /** The options, checked by parsing the command line a run would get. */
    private static List<String> options(Path file, Map<String, String> values, Map<String, Integer> lines,
                                        Command command, List<String> problems) {
        String text = values.getOrDefault("options", "");
        List<String> options = text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
        for (String option : options) {
            String key = option.startsWith("--") ? option.substring(2).split("=", 2)[0] : "";
            if (RESERVED.containsKey(key)) {
                problems.add(where(file, lines.get("options")) + "--" + key + " cannot be an option here: " + RESERVED.get(key));
                return options;
            }
        }
        if (command != null) {
            List<String> args = new ArrayList<>(List.of(command.word()));
            if (command.accepts("period")) {
                args.add("--period=2000-01");
            }
            args.addAll(options);
            try {
                CommandLine.parse(args.toArray(String[]::new));
            } catch (UsageException e) {
                problems.add(where(file, lines.get("options")) + "options: " + e.getMessage());
            }
        }
        return options;
    }

    private static String where(Path file, Integer line) {
        return file + (line == null ? "" : " line " + line) + ": ";
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
