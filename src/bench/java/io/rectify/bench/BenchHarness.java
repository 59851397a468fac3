package io.rectify.bench;

import io.rectify.bench.Processes.Heap;
import io.rectify.bench.Processes.Run;
import io.rectify.marking.MarkingBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks of docs/BENCHMARKS.md and rewrites its generated part (between the
 * {@code generated} markers; the notes around it are kept). Run by {@code mvn -q -Pbench verify}
 * after the application jar is built. Every figure is the median of several runs; each comparison
 * runs all its sides in the same invocation on the same files.
 *
 * <p>Arguments: the project folder, then options {@code cases=district,city,city-postgresql,analyst,big,marking,portal}
 * ({@code city-postgresql} and {@code analyst} run the city's H2 nights too, as they compare with them),
 * {@code scale=1} (a fraction shrinks the city and the big workbook for a trial run; the document is then written
 * to target/bench/ instead, as it is when only some cases run), {@code runs=5}, {@code cityruns=3} (rounds of each
 * city night), {@code postgresql=JDBC-URL} (a server instead of the build's own from {@code .ci/ensure-postgresql}),
 * and {@code before=DIR}: the {@code target} folder of a baseline build (its {@code rectify.jar} and
 * {@code classes}), run beside the current build on the same files for the before-and-after figures.
 */
public final class BenchHarness {

    static final String START = "<!-- generated:start (mvn -q -Pbench verify rewrites this part) -->";
    static final String END = "<!-- generated:end -->";
    private static final int CITY_UNITS = 2000;
    private static final int CITY_TASKS = 200;
    private static final int CITY_CHANGED = 100;
    /** The size the issue compares the readers on: 200,000 × 25 at -Xmx64m, whole processes. */
    private static final int BIG_ROWS = 200_000;
    private static final String ALL_CASES = "district,city,city-postgresql,analyst,big,marking,portal";

    private final Path project;
    private final Path work;
    private final Path jar;
    private final double scale;
    private final int runs;
    /** Rounds of each city night (cold, changed, unchanged) and of the analyst's script. */
    private final int cityRounds;
    /** The baseline build's target folder, or null. */
    private final Path before;
    private final Map<String, String> options;
    private final StringBuilder doc = new StringBuilder();
    private final List<Target> targets = new ArrayList<>();

    /** A row of the Targets table: what the issue asks, the baseline's figure ("–" without one) and this build's. */
    private record Target(String name, String goal, String before, String after, boolean met) {
    }

    private BenchHarness(Path project, Map<String, String> options) {
        this.project = project;
        this.options = options;
        this.work = project.resolve("target").resolve("bench");
        this.jar = project.resolve("target").resolve("rectify.jar");
        this.scale = Double.parseDouble(options.getOrDefault("scale", "1"));
        this.runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        this.cityRounds = Integer.parseInt(options.getOrDefault("cityruns", String.valueOf(Math.max(1, Math.min(3, runs)))));
        this.before = options.containsKey("before") ? project.resolve(options.get("before")).toAbsolutePath() : null;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath();
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(args).skip(1).flatMap(a -> Arrays.stream(a.trim().split("\\s+"))).filter(a -> a.contains("="))
                .forEach(a -> options.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
        BenchHarness harness = new BenchHarness(project, options);
        List<String> cases = List.of(options.getOrDefault("cases", ALL_CASES).split(","));
        harness.run(cases);
    }

    private void run(List<String> cases) throws Exception {
        Files.createDirectories(work);
        doc.append(START).append("\n\n");
        machine();
        if (cases.contains("district")) {
            district();
        }
        if (cases.contains("city") || cases.contains("city-postgresql") || cases.contains("analyst")) {
            city(cases.contains("city-postgresql"), cases.contains("analyst"));
        }
        if (cases.contains("big")) {
            bigWorkbook();
        }
        if (cases.contains("marking")) {
            marking();
        }
        if (cases.contains("portal")) {
            portal();
        }
        targetsTable();
        doc.append(END).append('\n');
        boolean whole = scale == 1 && cases.containsAll(List.of(ALL_CASES.split(",")));
        Path target = whole ? project.resolve("docs").resolve("BENCHMARKS.md") : work.resolve("BENCHMARKS.md");
        write(target);
        System.out.println("Wrote " + target);
    }

    // ---------------------------------------------------------------- machine

    private void machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        doc.append("## Machine\n\n")
                .append("| | |\n|---|---|\n")
                .append("| measured | ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(" ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm"))).append(" UTC |\n")
                .append("| CPU | ").append(cpu).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available |\n")
                .append("| memory | ").append(memKb / 1024 / 1024).append(" GiB |\n")
                .append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" |\n")
                .append("| Java | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n")
                .append("| load average at start | ").append(load()).append(" |\n\n");
    }

    /** The 1, 5 and 15 minute load averages: the machine is shared, so every case records it. */
    static String load() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return parts[0] + " / " + parts[1] + " / " + parts[2];
    }

    // ---------------------------------------------------------------- district

    private void district() throws Exception {
        Path input = project.resolve("input");
        boolean sample = Files.isDirectory(input.resolve("returns"));
        if (!sample) {
            input = work.resolve("district").resolve("input");
            generate(input, new ScaleGenerator.Scale(54, 8, 2, 0.02, 1));
        }
        Path output = work.resolve("district").resolve("output");
        String loadBefore = load();
        List<Variant> variants = new ArrayList<>();
        Variant baselineVariant = before == null ? null
                : new Variant("before: the baseline build, `java -jar`", Launch.BASELINE_JAR, List.of());
        if (baselineVariant != null) {
            variants.add(baselineVariant);
        }
        Variant plain = new Variant("`java -jar target/rectify.jar nightly`", Launch.JAR, List.of());
        variants.add(plain);
        variants.add(new Variant("`java -XX:TieredStopAtLevel=1 -jar target/rectify.jar nightly` (no C2 compiler threads "
                + "competing for the 2 cores)", Launch.JAR, List.of("-XX:TieredStopAtLevel=1")));
        variants.add(new Variant("`jobs/rectify nightly`: the launcher (unpacked jar, application CDS archive, "
                + "`-XX:TieredStopAtLevel=1`)", Launch.LAUNCHER, List.of()));
        deleteTree(work.resolve("data").resolve("jvm"));
        // Each variant has its own database, brought to an ordinary night by one run that is not
        // measured: it imports the ledger into the empty database and reconciles both periods (the
        // first run's figure below), and the launcher's also unpacks the jar and writes its class
        // archive. A database of its own, because an earlier period is kept only for the same build.
        Map<Variant, Path> dataOf = new LinkedHashMap<>();
        Run first = null;
        for (Variant variant : variants) {
            Path data = work.resolve("district").resolve("data-" + dataOf.size());
            deleteTree(data);
            dataOf.put(variant, data);
            Run warmUp = nightly(variant, input, output, data);
            first = first == null && variant.launch() == Launch.JAR ? warmUp : first;
        }
        Map<Variant, List<Run>> runsByVariant = new LinkedHashMap<>();
        Map<Variant, List<JobTimes>> timesByVariant = new LinkedHashMap<>();
        // interleaved, so that a change in the machine's load hits every variant alike
        for (int i = 0; i < runs; i++) {
            for (Variant variant : variants) {
                Run run = nightly(variant, input, output, dataOf.get(variant));
                runsByVariant.computeIfAbsent(variant, k -> new ArrayList<>()).add(run);
                timesByVariant.computeIfAbsent(variant, k -> new ArrayList<>()).add(JobTimes.of(Database.h2(dataOf.get(variant)),
                        run.output()));
            }
        }
        String loadAfter = load();
        doc.append("## District: the sample, `nightly` end to end\n\n")
                .append(sample ? "Input: the shipped sample (`input/`: the ledger of the reference case and its returns). "
                        : "Input: the shipped sample ledger's size generated by `ScaleGenerator` (54 units × 8 tasks × 2 periods), "
                        + "as the sample returns are not on this branch yet. ")
                .append("The database already holds the ledger (a nightly run, not the first); the first run, which imports ")
                .append("the ledger into an empty database, took ").append(first.wallMillis()).append(" ms.\n\n")
                .append("Median of ").append(runs).append(" runs each, variants interleaved; load average ")
                .append(loadBefore).append(" before, ").append(loadAfter).append(" after.\n\n")
                .append("| variant | wall, JVM start to exit | nightly job alone (Spring Batch start to end) | ")
                .append("JVM + Spring start and stop | peak heap | peak RSS |\n|---|---:|---:|---:|---:|---:|\n");
        Map<Variant, String> figures = new LinkedHashMap<>();
        for (Variant variant : variants) {
            List<Run> rs = runsByVariant.get(variant);
            List<JobTimes> ts = timesByVariant.get(variant);
            long wall = medianOf(rs, Run::wallMillis);
            long job = medianOf(ts, JobTimes::jobMillis);
            String memory = medianOf(rs, r -> r.heap().peakUsed()) + " MiB";
            String rss = rss(medianOf(rs, Run::rssMiB));
            figures.put(variant, ms(wall) + "; peak heap " + memory + ", peak RSS " + rss);
            doc.append("| ").append(variant.name()).append(" | ").append(ms(wall)).append(" | ").append(ms(job)).append(" | ")
                    .append(ms(wall - job)).append(" | ").append(memory).append(" | ").append(rss).append(" |\n");
        }
        JobTimes steps = timesByVariant.get(plain).get(0);
        doc.append("\nPeak RSS: the process's largest resident set (`/usr/bin/time`'s maximum resident set size): heap, ")
                .append("metaspace, code cache, thread stacks and the mapped jar together. Steps of one plain run: ")
                .append(stepsText(steps)).append(".\n\n");
        long plainWall = medianOf(runsByVariant.get(plain), Run::wallMillis);
        targets.add(new Target("district `nightly`, plain `java -jar target/rectify.jar nightly`, end to end, and its peak memory",
                "≤ 4 s", baselineVariant == null ? "–" : figures.get(baselineVariant), figures.get(plain), plainWall <= 4000));
        Variant launcher = variants.get(variants.size() - 1);
        targets.add(new Target("district `nightly` with the launcher (`jobs/rectify`)", "≤ 4 s", "–", figures.get(launcher),
                medianOf(runsByVariant.get(launcher), Run::wallMillis) <= 4000));
    }

    /** How a district variant starts Rectify. */
    private enum Launch { JAR, BASELINE_JAR, LAUNCHER }

    /** One way of running the district's nightly, measured beside the others. */
    private record Variant(String name, Launch launch, List<String> jvmOptions) {
    }

    /** One district nightly run of {@code variant} on {@code data}. */
    private Run nightly(Variant variant, Path input, Path output, Path data) throws IOException, InterruptedException {
        List<String> arguments = List.of("nightly", "--input=" + input, "--output=" + output, "--data=" + data);
        return switch (variant.launch()) {
            case JAR -> Processes.java(work, variant.jvmOptions(), jarAnd(jar, arguments));
            case BASELINE_JAR -> Processes.java(work, variant.jvmOptions(), jarAnd(before.resolve("rectify.jar"), arguments));
            case LAUNCHER -> Processes.launcher(work, launcher(), jar, variant.jvmOptions(), arguments);
        };
    }

    private static List<String> jarAnd(Path jar, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        return command;
    }

    private Path launcher() {
        return project.resolve("jobs").resolve("rectify");
    }

    // ---------------------------------------------------------------- city

    /**
     * The city's three nights for this build and the baseline, on H2 and (case {@code city-postgresql})
     * on PostgreSQL, and (case {@code analyst}) the analyst's script after each cold round.
     */
    private void city(boolean onPostgresql, boolean withAnalyst) throws Exception {
        int units = Math.max(10, (int) Math.round(CITY_UNITS * scale));
        int changed = Math.max(1, (int) Math.round(CITY_CHANGED * scale));
        ScaleGenerator.Scale size = new ScaleGenerator.Scale(units, CITY_TASKS, 1, 0.02, 1);
        ScaleGenerator generator = new ScaleGenerator(size);
        Path input = work.resolve("city").resolve("input");
        generate(input, size);
        String period = generator.periods().get(0).toString();
        PostgresServer server = onPostgresql ? PostgresServer.ensure(project, work, options.get("postgresql")) : null;
        List<CityNights.Variant> variants = new ArrayList<>();
        variants.add(new CityNights.Variant("after_h2", "H2", jar, false, false));
        if (before != null) {
            variants.add(new CityNights.Variant("before_h2", "before: H2", before.resolve("rectify.jar"), true, false));
        }
        if (onPostgresql) {
            variants.add(new CityNights.Variant("after_pg", "PostgreSQL", jar, false, true));
            if (before != null) {
                variants.add(new CityNights.Variant("before_pg", "before: PostgreSQL", before.resolve("rectify.jar"), true, true));
            }
        }
        Analyst analyst = withAnalyst ? new Analyst(project, work) : null;
        if (analyst != null) {
            analyst.ensurePandas();
        }
        List<Run> analystRuns = new ArrayList<>();
        Path analystJson = work.resolve("city").resolve("analyst.json");
        String loadBefore = load();
        CityNights nights = new CityNights(work, input, generator, changed, cityRounds, server);
        List<CityNights.Outcome> outcomes = nights.run(variants, round -> {
            if (analyst != null) {
                analystRuns.add(analyst.run(input, period, analystJson));
            }
        });
        String loadAfter = load();
        long tasks = (long) size.units() * size.tasksPerUnit();
        doc.append("## City: ").append(String.format(Locale.ROOT, "%,d", units)).append(" returns of ").append(CITY_TASKS)
                .append(" rows, three nights\n\n")
                .append("Input generated by `ScaleGenerator` (").append(size.units()).append(" units × ")
                .append(size.tasksPerUnit()).append(" tasks, 1 period (").append(period).append("), 2 % faulty rows; ledger of ")
                .append(String.format(Locale.ROOT, "%,d", tasks)).append(" tasks). Every night is a whole `java -Xmx512m -jar … ")
                .append("nightly` process, JVM start to exit, in a data folder and an output folder of its variant's own")
                .append(onPostgresql ? " (on PostgreSQL, a fresh database of its own on the server at `"
                        + server.url() + "` (" + server.settings() + "), given as `SPRING_DATASOURCE_URL`, `_USERNAME`, "
                        + "`_PASSWORD`)" : "")
                .append(". The nights:\n\n")
                .append("- **cold**: the period's first night: before it the data folder is new and the ledger imported by ")
                .append("`import-ledger` (outside the figure; the import's time is given below). Rounds: ").append(cityRounds)
                .append(", each on a new data folder;\n")
                .append("- **changed**: ").append(changed).append(" of the ").append(units).append(" returns written again ")
                .append("(`ScaleGenerator.rewriteReturns`: another progress text in every tenth row, so new bytes and a new ")
                .append("modification time, the same figures), then a night. Rounds: ").append(cityRounds)
                .append(", each changing the same returns again;\n")
                .append("- **unchanged**: nights on the same files after those. Rounds: ").append(cityRounds).append(".\n\n")
                .append("Variants interleaved within each round; medians; stage times from the nightly log (`IngestTasklet`, ")
                .append("`ReportTasklet`), and units reconciled again / kept when the build logs them. Load average ")
                .append(loadBefore).append(" before, ").append(loadAfter).append(" after.\n\n")
                .append("| night | variant | end to end | job alone | read and check | reconcile | consolidate | write | ")
                .append("units again / kept | peak heap | peak RSS |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CityNights.Night night : CityNights.Night.values()) {
            for (CityNights.Outcome o : outcomes) {
                List<Run> rs = o.runs(night);
                List<JobTimes> ts = o.times(night);
                String nightName = night == CityNights.Night.CHANGED ? changed + " of " + units + " returns changed" : night.label;
                doc.append("| ").append(nightName).append(" | ").append(o.variant.name()).append(" | ");
                if (rs.isEmpty()) {
                    doc.append(o.failure == null ? "–" : o.failure).append(" | | | | | | | | |\n");
                    continue;
                }
                doc.append("**").append(ms(medianOf(rs, Run::wallMillis))).append("** | ").append(ms(medianOf(ts, JobTimes::jobMillis)));
                for (String stage : List.of("read", "reconcile", "consolidate", "write")) {
                    doc.append(" | ").append(ms(medianOf(ts, t -> t.stages().getOrDefault(stage, 0L))));
                }
                JobTimes last = ts.get(ts.size() - 1);
                doc.append(" | ").append(last.stages().containsKey("again")
                                ? last.stages().get("again") + " / " + last.stages().get("kept") : "not logged")
                        .append(" | ").append(medianOf(rs, r -> r.heap().peakUsed())).append(" MiB | ")
                        .append(rss(medianOf(rs, Run::rssMiB))).append(" |\n");
            }
        }
        doc.append("\nThe ledger import before each cold night (`import-ledger`, ")
                .append(String.format(Locale.ROOT, "%,d", tasks)).append(" tasks, not part of any night): ");
        List<String> imports = new ArrayList<>();
        for (CityNights.Outcome o : outcomes) {
            List<Run> ok = o.imports.stream().filter(r -> r.exitCode() == 0).toList();
            imports.add(o.variant.name() + " " + (ok.isEmpty() ? "fails" + (o.imports.isEmpty() ? "" : failure(o.imports.get(0)))
                    : ms(medianOf(ok, Run::wallMillis)) + (ok.stream().anyMatch(r -> r.command().contains("-Xmx4g"))
                    ? " (with `-Xmx4g`: it fails with `-Xmx512m`)" : "")));
        }
        doc.append(String.join("; ", imports)).append(".\n\n");
        for (CityNights.Outcome o : outcomes) {
            if (o.failure != null) {
                doc.append("- ").append(o.variant.name()).append(": ").append(o.failure).append(".\n");
            }
        }
        CityNights.Outcome h2 = outcomes.get(0);
        CityNights.Outcome h2Before = before == null ? null : outcomes.get(1);
        cityTarget("city, cold night (the period's first), `-Xmx512m`, end to end", "≤ 30 s", h2Before, h2,
                CityNights.Night.COLD, 30_000);
        cityTarget("city, a night where " + changed + " of the " + units + " returns changed, end to end", "≤ 8 s", h2Before, h2,
                CityNights.Night.CHANGED, 8_000);
        targets.add(new Target("per-file costs on the city's cold night: read and check per return / write per output file",
                "cut (issue: about 15 ms / 16 ms)", perFile(h2Before, nights, units, period), perFile(h2, nights, units, period),
                h2Before != null && perFileMillis(h2, nights, units, period) < perFileMillis(h2Before, nights, units, period)));
        if (onPostgresql) {
            CityNights.Outcome pg = outcomes.stream().filter(o -> o.variant.key().equals("after_pg")).findFirst().orElseThrow();
            CityNights.Outcome pgBefore = outcomes.stream().filter(o -> o.variant.key().equals("before_pg")).findFirst().orElse(null);
            for (CityNights.Night night : List.of(CityNights.Night.COLD, CityNights.Night.CHANGED)) {
                targets.add(new Target("city on PostgreSQL, " + (night == CityNights.Night.COLD ? "cold night"
                        : "night with " + changed + " returns changed") + ": PostgreSQL ÷ H2", "≤ 1.5",
                        ratioText(pgBefore, h2Before, night), ratioText(pg, h2, night), ratio(pg, h2, night) <= 1.5));
            }
        }
        if (analyst != null) {
            analyst(analystRuns, analystJson, nights.output(h2.variant).resolve(period).resolve("summary.json"), h2, h2Before,
                    loadBefore, loadAfter);
        }
    }

    private void cityTarget(String name, String goal, CityNights.Outcome before, CityNights.Outcome after,
            CityNights.Night night, long limit) {
        long wall = after.runs(night).isEmpty() ? Long.MAX_VALUE : medianOf(after.runs(night), Run::wallMillis);
        targets.add(new Target(name, goal, nightText(before, night), nightText(after, night), wall <= limit));
    }

    /** The cold night's read stage per return and write stage per output file, in ms (0 when not measured). */
    private static double[] perFileCosts(CityNights.Outcome outcome, CityNights nights, int returns, String period) {
        if (outcome == null || outcome.times(CityNights.Night.COLD).isEmpty()) {
            return new double[] {0, 0};
        }
        List<JobTimes> cold = outcome.times(CityNights.Night.COLD);
        long outputs;
        try (Stream<Path> files = Files.walk(nights.output(outcome.variant).resolve(period))) {
            outputs = files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            outputs = 0;
        }
        return new double[] {(double) medianOf(cold, t -> t.stages().getOrDefault("read", 0L)) / returns,
                outputs == 0 ? 0 : (double) medianOf(cold, t -> t.stages().getOrDefault("write", 0L)) / outputs};
    }

    private static double perFileMillis(CityNights.Outcome outcome, CityNights nights, int returns, String period) {
        double[] costs = perFileCosts(outcome, nights, returns, period);
        return costs[0] + costs[1];
    }

    private static String perFile(CityNights.Outcome outcome, CityNights nights, int returns, String period) {
        if (outcome == null) {
            return "–";
        }
        if (outcome.times(CityNights.Night.COLD).isEmpty()) {
            return "fails";
        }
        double[] costs = perFileCosts(outcome, nights, returns, period);
        return String.format(Locale.ROOT, "%.1f ms / %.1f ms", costs[0], costs[1]);
    }

    private static String nightText(CityNights.Outcome outcome, CityNights.Night night) {
        if (outcome == null) {
            return "–";
        }
        return outcome.runs(night).isEmpty() ? "fails" : ms(medianOf(outcome.runs(night), Run::wallMillis));
    }

    private static double ratio(CityNights.Outcome server, CityNights.Outcome h2, CityNights.Night night) {
        if (server == null || h2 == null || server.runs(night).isEmpty() || h2.runs(night).isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        return (double) medianOf(server.runs(night), Run::wallMillis) / medianOf(h2.runs(night), Run::wallMillis);
    }

    private static String ratioText(CityNights.Outcome server, CityNights.Outcome h2, CityNights.Night night) {
        if (server == null || h2 == null) {
            return "–";
        }
        double r = ratio(server, h2, night);
        return Double.isInfinite(r) ? "fails" : String.format(Locale.ROOT, "%.2f (%s vs %s)", r,
                nightText(server, night), nightText(h2, night));
    }

    /** The analyst's script beside Rectify's nights, and its figures beside summary.json. */
    private void analyst(List<Run> runs, Path scriptJson, Path summaryJson, CityNights.Outcome h2, CityNights.Outcome h2Before,
            String loadBefore, String loadAfter) throws IOException {
        long script = medianOf(runs, Run::wallMillis);
        long cold = h2.runs(CityNights.Night.COLD).isEmpty() ? 0 : medianOf(h2.runs(CityNights.Night.COLD), Run::wallMillis);
        long changedNight = h2.runs(CityNights.Night.CHANGED).isEmpty() ? 0
                : medianOf(h2.runs(CityNights.Night.CHANGED), Run::wallMillis);
        doc.append("## What an analyst would write instead\n\n")
                .append("`src/bench/python/analyst.py`: pandas ").append(pythonVersion("pandas")).append(" and openpyxl ")
                .append(pythonVersion("openpyxl")).append(" under `/usr/bin/python3`, one process: it reads the ledger and ")
                .append("every return of the city above (all sheets of each) and computes the headline figures of ")
                .append("summary.json as the files say them, checking nothing. Timed as a whole process after each cold round ")
                .append("of the city, on the same files (the original returns); runs: ").append(runs.size())
                .append(", median; load average ").append(loadBefore).append(" before the city, ").append(loadAfter)
                .append(" after.\n\n")
                .append("| | end to end | peak RSS | Rectify faster by |\n|---|---:|---:|---:|\n")
                .append("| the script | ").append(ms(script)).append(" | ").append(rss(medianOf(runs, Run::rssMiB))).append(" | |\n")
                .append("| Rectify, cold night (reads every return too) | ").append(ms(cold)).append(" | | ")
                .append(times(script, cold)).append(" |\n")
                .append("| Rectify, a night with some returns changed | ").append(ms(changedNight)).append(" | | ")
                .append(times(script, changedNight)).append(" |\n\n");
        List<Analyst.Field> fields = Analyst.compare(scriptJson, summaryJson);
        doc.append("Figures: the script's `").append(work.relativize(scriptJson)).append("` beside the H2 variant's summary.json ")
                .append("(after the last night; the changed returns change no figure).\n\n")
                .append("| field | script | Rectify | why they differ |\n|---|---:|---:|---|\n");
        for (Analyst.Field f : fields) {
            doc.append("| `").append(f.name()).append("` | ").append(f.script()).append(" | ").append(f.rectify()).append(" | ")
                    .append(f.differs() ? f.why() : "same").append(" |\n");
        }
        doc.append("\n");
        targets.add(new Target("the analyst's pandas script ÷ Rectify's cold night, same city files", "≥ 5×",
                h2Before == null || h2Before.runs(CityNights.Night.COLD).isEmpty() ? "–"
                        : times(script, medianOf(h2Before.runs(CityNights.Night.COLD), Run::wallMillis)),
                times(script, cold) + " (" + ms(script) + " vs " + ms(cold) + ")", cold > 0 && script >= 5 * cold));
    }

    private String pythonVersion(String module) {
        try {
            Run run = Processes.command(work, List.of(Analyst.PYTHON.toString(), "-c", "import " + module + "; print("
                    + module + ".__version__)"));
            return run.output().trim();
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static String times(long slow, long fast) {
        return fast == 0 ? "–" : String.format(Locale.ROOT, (double) slow / fast < 1 ? "%.2f×" : "%.1f×", (double) slow / fast);
    }

    private static String rss(long mib) {
        return mib < 0 ? "–" : mib + " MiB";
    }

    /** What made a run fail, from its output. */
    static String failure(Run run) {
        String output = run.output();
        if (output.contains("OutOfMemoryError")) {
            return " with `OutOfMemoryError: Java heap space`";
        }
        String cause = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length()).trim();
            }
        }
        return " with exit status " + run.exitCode() + (cause == null ? ""
                : " (`" + (cause.length() > 160 ? cause.substring(0, 160) + "…" : cause).replace("|", "\\|") + "`)");
    }

    // ---------------------------------------------------------------- big workbook

    private void bigWorkbook() throws Exception {
        int rows = (int) Math.round(BIG_ROWS * scale);
        Path file = work.resolve("big").resolve("big-" + rows + "x25.xlsx");
        if (!Files.isRegularFile(file)) {
            BigWorkbook.write(file, rows);
        }
        long cells = (rows + 1L) * BigWorkbook.COLUMNS;
        String loadBefore = load();
        int iterations = Math.max(1, Math.min(3, runs));
        Options options = new OptionsBuilder()
                .include(ReaderBenchmark.class.getSimpleName())
                .param("file", file.toString())
                .forks(1)
                .warmupIterations(1)
                .measurementIterations(iterations)
                .jvmArgs("-Xmx64m", "-Dfile.encoding=UTF-8")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Long> jmh = new LinkedHashMap<>();
        for (RunResult result : results) {
            jmh.put(result.getParams().getParam("reader"), Math.round(result.getPrimaryResult().getStatistics().getPercentile(50)));
        }
        // whole processes, one read each (`Readers.main`), every reader and the baseline's in turn: as the issue compares them
        // absolute: the children run in target/bench
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(java.io.File.pathSeparator));
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (Readers reader : Readers.values()) {
            commands.put(reader.label(), List.of("-cp", classPath, Readers.class.getName(), reader.name(), file.toString()));
        }
        if (before != null) {
            commands.put("before: the baseline build's StreamingXlsxReader", List.of("-cp", before.resolve("classes")
                    + java.io.File.pathSeparator + classPath, Readers.class.getName(), Readers.RECTIFY.name(), file.toString()));
        }
        Map<String, List<Run>> processes = new LinkedHashMap<>();
        for (int i = 0; i < iterations; i++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                processes.computeIfAbsent(command.getKey(), k -> new ArrayList<>())
                        .add(Processes.java(work, List.of("-Xmx64m", "-Dfile.encoding=UTF-8"), command.getValue()));
            }
        }
        String loadAfter = load();
        doc.append("## Big workbook: ").append(String.format(Locale.ROOT, "%,d", rows)).append(" rows × 25 columns\n\n")
                .append("One generated .xlsx (`BigWorkbook`: shared strings, 10 text columns, 10 number columns, 5 date ")
                .append("columns; ").append(Files.size(file) / 1024 / 1024).append(" MB), read whole by each reader, every ")
                .append("cell as its displayed text (dhatim fastexcel-reader's raw text where it gives no formatted one: see ")
                .append("`Readers`), with `-Xmx64m`. Whole process: `java -Xmx64m … io.rectify.bench.Readers READER FILE`, JVM ")
                .append("start to exit, ").append(iterations).append(" runs per reader, readers interleaved, median; the read ")
                .append("alone is what the process measured around the read. JMH: single-shot, 1 warm-up and ")
                .append(iterations).append(" measured reads per reader in one fork, median. Load average ")
                .append(loadBefore).append(" before, ").append(loadAfter).append(" after.\n\n")
                .append("| reader | whole process | read alone, in that process | JMH, warm | cells per second (whole process) ")
                .append("| peak heap in use | most live after a collection | peak RSS |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Long> wallOf = new LinkedHashMap<>();
        for (Map.Entry<String, List<Run>> entry : processes.entrySet()) {
            List<Run> rs = entry.getValue();
            long wall = medianOf(rs, Run::wallMillis);
            wallOf.put(entry.getKey(), wall);
            String reader = entry.getValue().get(0).command().get(entry.getValue().get(0).command().size() - 2);
            boolean baseline = entry.getKey().startsWith("before");
            doc.append("| ").append(entry.getKey()).append(" | ").append(ms(wall)).append(" | ")
                    .append(ms(medianOf(rs, BenchHarness::readMillis))).append(" | ")
                    .append(baseline || !jmh.containsKey(reader) ? "–" : ms(jmh.get(reader))).append(" | ")
                    .append(perSecond(cells, wall)).append(" | ").append(medianOf(rs, r -> r.heap().peakUsed())).append(" MiB | ")
                    .append(medianOf(rs, r -> r.heap().maxLive())).append(" MiB | ").append(rss(medianOf(rs, Run::rssMiB)))
                    .append(" |\n");
        }
        doc.append('\n');
        long rectify = wallOf.get(Readers.RECTIFY.label());
        String beforeText = before == null ? "–" : ms(wallOf.get("before: the baseline build's StreamingXlsxReader"));
        Readers fastest = java.util.Arrays.stream(Readers.values()).filter(r -> r.label().contains("fastexcel-reader"))
                .findFirst().orElse(null);
        if (fastest == null) {
            targets.add(new Target("big workbook (200,000 × 25, `-Xmx64m`, whole processes): Rectify's reader",
                    "at least as fast as dhatim fastexcel-reader", beforeText,
                    ms(rectify) + "; fastexcel-reader is not among the readers of this build", false));
        } else {
            long peer = wallOf.get(fastest.label());
            targets.add(new Target("big workbook (200,000 × 25, `-Xmx64m`, whole processes): Rectify's reader",
                    "at least as fast as dhatim fastexcel-reader", beforeText,
                    ms(rectify) + " vs " + ms(peer), rectify <= peer));
        }
    }

    // ---------------------------------------------------------------- marking

    private void marking() throws Exception {
        String loadBefore = load();
        int iterations = Math.max(1, Math.min(3, runs));
        Options options = new OptionsBuilder()
                .include(MarkingBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(1)
                .measurementIterations(iterations)
                .jvmArgs("-Dfile.encoding=UTF-8")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        String loadAfter = load();
        doc.append("## Marking: a unit's 5,000-row return\n\n")
                .append("`MarkingBenchmark`: the marked copy of one return of 5,000 task rows (as large as the read limits ")
                .append("let through) written from the archived bytes, with a 缺少佐证材料 exception on some of its rows ")
                .append("(comment, fill, 校验结果 column), in-process. JMH single-shot, 1 warm-up and ").append(iterations)
                .append(" measured marks per case in one fork, median; load average ").append(loadBefore)
                .append(" before, ").append(loadAfter).append(" after.\n\n")
                .append("| rows with an exception | time to write the marked copy | return rows per second |\n")
                .append("|---:|---:|---:|\n");
        for (RunResult result : results) {
            long millis = Math.round(result.getPrimaryResult().getStatistics().getPercentile(50));
            doc.append("| ").append(String.format(Locale.ROOT, "%,d", Integer.parseInt(result.getParams().getParam("exceptions"))))
                    .append(" | ").append(ms(millis)).append(" | ").append(perSecond(5_000, millis)).append(" |\n");
        }
        doc.append('\n');
    }

    // ---------------------------------------------------------------- portal

    private void portal() throws Exception {
        Path folder = work.resolve("portal");
        deleteTree(folder);
        PortalCheck.Result r = new PortalCheck(project, jar, folder).run(Math.max(3, runs));
        doc.append("## Portal: every unit uploading at once\n\n")
                .append("`PortalCheck`: `java -jar target/rectify.jar serve` (default heap) with the portal on a loopback port, ")
                .append("the sample ledger imported and the accounts made by `accounts`; then ").append(r.clients())
                .append(" clients, one per unit, each sending its unit's typical sample return (its March file, else its ")
                .append("February one), all at once, every round started together (after one unmeasured pass as the office, ")
                .append("which also tells each file's unit). The pages: each unit signed in beforehand (form login, session, ")
                .append("its initial password changed), then `POST /unit/uploads` with the page's CSRF token, timed from ")
                .append("sending the upload to reading the receipt page it leads to. The API: `POST /api/check` with HTTP Basic ")
                .append("as the unit, its first round apart (each unit's first call has its password verified with bcrypt), ")
                .append("then rounds with the verification remembered. Latency at the client. Load average ")
                .append(r.loadBefore()).append(" before, ").append(r.loadAfter()).append(" after.\n\n")
                .append("| what | requests | rounds | p50 | p95 | max | throughput | failed |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        portalRow("pages: `POST /unit/uploads` → receipt page", r.pages());
        portalRow("API, first call of each unit: `POST /api/check`", r.apiFirst());
        portalRow("API, later calls: `POST /api/check`", r.apiLater());
        doc.append('\n');
        long pages = r.pages().percentile(95);
        long api = r.apiLater().percentile(95);
        targets.add(new Target("the check of a typical return, every unit uploading at once on its page, 95th percentile",
                "< 1 s", "–", ms(pages), pages < 1000 && r.pages().failures() == 0));
        targets.add(new Target("the same through the API (`POST /api/check`, after each unit's first call), 95th percentile",
                "< 1 s", "–", ms(api), api < 1000 && r.apiLater().failures() == 0));
    }

    private void portalRow(String what, PortalCheck.Rounds rounds) {
        doc.append("| ").append(what).append(" | ").append(rounds.latencies().size()).append(" | ").append(rounds.rounds())
                .append(" | ").append(ms(rounds.percentile(50)))
                .append(" | ").append(ms(rounds.percentile(95))).append(" | ").append(ms(rounds.percentile(100))).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f/s", rounds.perSecond())).append(" | ").append(rounds.failures())
                .append(" |\n");
    }

    /** The read time a {@link Readers} child process printed. */
    private static long readMillis(Run run) {
        String output = run.output();
        int at = output.lastIndexOf("ms=");
        return Long.parseLong(output.substring(at + 3).trim().split("\\s+")[0]);
    }

    // ---------------------------------------------------------------- output

    private void targetsTable() {
        doc.append("## Targets\n\n| target | goal | before | measured | |\n|---|---|---|---|---|\n");
        for (Target t : targets) {
            doc.append("| ").append(String.join(" | ", t.name(), t.goal(), t.before(), t.after(), verdict(t.met()))).append(" |\n");
        }
        doc.append('\n');
    }

    private void write(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        String before = "# Benchmarks\n\n" + START + "\n" + END + "\n";
        if (Files.isRegularFile(target)) {
            before = Files.readString(target);
        }
        int start = before.indexOf(START);
        int end = before.indexOf(END);
        String text = start < 0 || end < 0 ? before + "\n" + doc
                : before.substring(0, start) + doc + before.substring(Math.min(before.length(), end + END.length() + 1));
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }

    private void generate(Path input, ScaleGenerator.Scale size) throws IOException {
        Path marker = input.resolve("scale.txt");
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(size.toString())) {
            return;
        }
        deleteTree(input);
        new ScaleGenerator(size).write(input);
        Files.writeString(marker, size.toString());
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String stepsText(JobTimes times) {
        List<String> parts = new ArrayList<>();
        times.stepMillis().forEach((step, millis) -> parts.add("`" + step + "` " + ms(millis)));
        return String.join(", ", parts);
    }

    private static <T> long medianOf(List<T> items, ToLongFunction<T> value) {
        return Processes.median(items.stream().map(value::applyAsLong).toList());
    }

    static String ms(long millis) {
        return millis >= 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
                : String.format(Locale.ROOT, "%,d ms", millis);
    }

    private static String perSecond(long count, long millis) {
        return millis == 0 ? "–" : String.format(Locale.ROOT, "%,d", count * 1000 / millis);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }
}
