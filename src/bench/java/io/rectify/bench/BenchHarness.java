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
 * <p>Arguments: the project folder, then options {@code cases=district,city,big,marking,portal}, {@code scale=1}
 * (a fraction shrinks the city and the big workbook for a trial run; the document is then written
 * to target/bench/ instead, as it is when only some cases run), {@code runs=5}, and {@code before=DIR}: the {@code target} folder of a
 * baseline build (its {@code rectify.jar} and {@code classes}), run beside the current build on the
 * same files for the before-and-after figures.
 */
public final class BenchHarness {

    static final String START = "<!-- generated:start (mvn -q -Pbench verify rewrites this part) -->";
    static final String END = "<!-- generated:end -->";
    private static final int CITY_UNITS = 2000;
    private static final int CITY_TASKS = 200;
    private static final int BIG_ROWS = 460_000;
    private static final String IMPORT_HEAP = "4g";
    private static final String CITY_FALLBACK_HEAP = "2g";
    private static final String ALL_CASES = "district,city,big,marking,portal";

    private final Path project;
    private final Path work;
    private final Path jar;
    private final double scale;
    private final int runs;
    /** The baseline build's target folder, or null. */
    private final Path before;
    private final StringBuilder doc = new StringBuilder();
    private final List<String[]> targets = new ArrayList<>();

    private BenchHarness(Path project, double scale, int runs, Path before) {
        this.project = project;
        this.work = project.resolve("target").resolve("bench");
        this.jar = project.resolve("target").resolve("rectify.jar");
        this.scale = scale;
        this.runs = runs;
        this.before = before;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath();
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(args).skip(1).flatMap(a -> Arrays.stream(a.trim().split("\\s+"))).filter(a -> a.contains("="))
                .forEach(a -> options.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
        BenchHarness harness = new BenchHarness(project, Double.parseDouble(options.getOrDefault("scale", "1")),
                Integer.parseInt(options.getOrDefault("runs", "5")),
                options.containsKey("before") ? project.resolve(options.get("before")).toAbsolutePath() : null);
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
        if (cases.contains("city")) {
            city();
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
        if (before != null) {
            variants.add(new Variant("before: the baseline build, `java -jar`", Launch.BASELINE_JAR, List.of()));
        }
        variants.add(new Variant("`java -jar target/rectify.jar nightly`", Launch.JAR, List.of()));
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
                timesByVariant.computeIfAbsent(variant, k -> new ArrayList<>()).add(JobTimes.of(dataOf.get(variant), run.output()));
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
                .append("JVM + Spring start and stop | peak heap |\n|---|---:|---:|---:|---:|\n");
        long best = Long.MAX_VALUE;
        for (Variant variant : variants) {
            boolean baseline = variant.launch() == Launch.BASELINE_JAR;
            List<Run> rs = runsByVariant.get(variant);
            List<JobTimes> ts = timesByVariant.get(variant);
            long wall = medianOf(rs, Run::wallMillis);
            long job = medianOf(ts, JobTimes::jobMillis);
            best = baseline ? best : Math.min(best, wall);
            doc.append("| ").append(variant.name()).append(" | ").append(ms(wall)).append(" | ").append(ms(job)).append(" | ")
                    .append(ms(wall - job)).append(" | ").append(medianOf(rs, r -> r.heap().peakUsed())).append(" MiB |\n");
        }
        JobTimes steps = timesByVariant.values().iterator().next().get(0);
        doc.append("\nSteps of one run: ").append(stepsText(steps)).append(".\n\n");
        targets.add(new String[] {"district `nightly` end to end, JVM start included", "≤ 4 s", ms(best), verdict(best <= 4000)});
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

    private void city() throws Exception {
        int units = Math.max(10, (int) Math.round(CITY_UNITS * scale));
        ScaleGenerator.Scale size = new ScaleGenerator.Scale(units, CITY_TASKS, 1, 0.02, 1);
        Path input = work.resolve("city").resolve("input");
        generate(input, size);
        Path data = work.resolve("city").resolve("data");
        Path output = work.resolve("city").resolve("output");
        deleteTree(data);
        List<String> heap = List.of("-Xmx512m");
        String loadBefore = load();
        // the ledger import is the city's setup, timed once: with the target's heap, else with a larger one
        List<String> importArguments = List.of("-jar", jar.toString(), "import-ledger", "--input=" + input,
                "--output=" + output, "--data=" + data);
        Run importSmall = Processes.attempt(work, heap, importArguments);
        Run imported = importSmall.exitCode() == 0 ? importSmall
                : Processes.java(work, List.of("-Xmx" + IMPORT_HEAP), importArguments);
        Run importBefore = null;
        if (before != null) {
            Path baselineData = work.resolve("city").resolve("data-baseline");
            deleteTree(baselineData);
            importBefore = Processes.attempt(work, heap, List.of("-jar", before.resolve("rectify.jar").toString(),
                    "import-ledger", "--input=" + input, "--output=" + output, "--data=" + baselineData));
        }
        List<String> nightlyArguments = List.of("-jar", jar.toString(), "nightly", "--input=" + input,
                "--output=" + output, "--data=" + data);
        // the target's heap first; when the run does not fit in it, the figures are taken with a larger one
        Run atTarget = Processes.attempt(work, heap, nightlyArguments);
        List<String> measuredHeap = atTarget.exitCode() == 0 ? heap : List.of("-Xmx" + CITY_FALLBACK_HEAP);
        List<Run> nightly = new ArrayList<>();
        List<JobTimes> times = new ArrayList<>();
        int nightlyRuns = Math.max(1, Math.min(3, runs));
        for (int i = 0; i < nightlyRuns; i++) {
            Run run = Processes.java(work, measuredHeap, nightlyArguments);
            nightly.add(run);
            times.add(JobTimes.of(data, run.output()));
        }
        Run baseline = before == null ? null : Processes.attempt(work, heap, List.of("-jar",
                before.resolve("rectify.jar").toString(), "nightly", "--input=" + input, "--output=" + output, "--data=" + data));
        String loadAfter = load();
        long rows = times.get(0).stages().getOrDefault("rows", 0L);
        long wall = medianOf(nightly, Run::wallMillis);
        long job = medianOf(times, JobTimes::jobMillis);
        doc.append("## City: ").append(units).append(" returns of ").append(CITY_TASKS).append(" rows\n\n")
                .append("Input generated by `ScaleGenerator` (").append(size.units()).append(" units × ")
                .append(size.tasksPerUnit()).append(" tasks, 1 period, 2 % faulty rows; ledger of ")
                .append(String.format(Locale.ROOT, "%,d", (long) size.units() * size.tasksPerUnit()))
                .append(" tasks). Median of ").append(nightlyRuns).append(" `nightly` runs on the imported ledger with `")
                .append(measuredHeap.get(0)).append("`")
                .append(atTarget.exitCode() == 0 ? "" : " — with `-Xmx512m` the run fails after " + ms(atTarget.wallMillis())
                        + failure(atTarget) + " (see the notes)")
                .append("; load average ").append(loadBefore).append(" before, ").append(loadAfter).append(" after.\n\n")
                .append("| stage | time | return rows per second |\n|---|---:|---:|\n");
        for (String stage : List.of("read", "reconcile", "consolidate", "write")) {
            long t = medianOf(times, jt -> jt.stages().getOrDefault(stage, 0L));
            doc.append("| ").append(stageName(stage)).append(" | ").append(ms(t)).append(" | ").append(perSecond(rows, t))
                    .append(" |\n");
        }
        doc.append("| nightly job (all steps, ledger unchanged) | ").append(ms(job)).append(" | ")
                .append(perSecond(rows, job)).append(" |\n")
                .append("| **end to end, JVM start to exit** | **").append(ms(wall)).append("** | **")
                .append(perSecond(rows, wall)).append("** |\n\n")
                .append("Return rows: ").append(String.format(Locale.ROOT, "%,d", rows)).append(". Peak heap in use ")
                .append(medianOf(nightly, r -> r.heap().peakUsed())).append(" MiB, most live after a collection ")
                .append(medianOf(nightly, r -> r.heap().maxLive())).append(" MiB (`").append(measuredHeap.get(0))
                .append("`).\n\n")
                .append("Importing the city ledger (`import-ledger`, ")
                .append(String.format(Locale.ROOT, "%,d", (long) size.units() * size.tasksPerUnit()))
                .append(" tasks, one run, `").append(imported == importSmall ? "-Xmx512m" : "-Xmx" + IMPORT_HEAP).append("`")
                .append(imported == importSmall ? "" : "; with `-Xmx512m` it fails after " + ms(importSmall.wallMillis())
                        + failure(importSmall)).append("): ").append(ms(imported.wallMillis()))
                .append(" end to end, peak heap ").append(imported.heap().peakUsed()).append(" MiB, most live ")
                .append(imported.heap().maxLive()).append(" MiB.");
        if (importBefore != null) {
            doc.append(" Before, with `-Xmx512m`: ").append(importBefore.exitCode() == 0
                    ? ms(importBefore.wallMillis()) : "fails after " + ms(importBefore.wallMillis()) + failure(importBefore))
                    .append('.');
        }
        doc.append("\n\n");
        if (baseline != null) {
            doc.append("Before (the baseline build, same files, one `nightly` run with `-Xmx512m`): ")
                    .append(baseline.exitCode() == 0 ? ms(baseline.wallMillis()) + " end to end, "
                            + perSecond(rows, baseline.wallMillis()) + " rows/s"
                            : "fails after " + ms(baseline.wallMillis()) + failure(baseline))
                    .append(".\n\n");
        }
        long perSecond = wall == 0 ? 0 : rows * 1000 / wall;
        targets.add(new String[] {"city end to end, `-Xmx512m`", "≥ 100,000 rows/s",
                String.format(Locale.ROOT, "%,d rows/s", perSecond) + (atTarget.exitCode() == 0 ? ""
                        : " with `" + measuredHeap.get(0) + "`; fails with `-Xmx512m`"),
                verdict(atTarget.exitCode() == 0 && perSecond >= 100_000)});
    }

    /** What made a run fail, from its output. */
    private static String failure(Run run) {
        return run.output().contains("OutOfMemoryError") ? " with `OutOfMemoryError: Java heap space`"
                : " with exit status " + run.exitCode();
    }

    private static String stageName(String stage) {
        return switch (stage) {
            case "read" -> "ingest: scan, archive and read the returns";
            case "reconcile" -> "reconcile (rules, statuses, store)";
            case "consolidate" -> "consolidate";
            default -> "report: write the outputs";
        };
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
        Map<Readers, Long> medians = new LinkedHashMap<>();
        for (RunResult result : results) {
            Readers reader = Readers.valueOf(result.getParams().getParam("reader"));
            medians.put(reader, Math.round(result.getPrimaryResult().getStatistics().getPercentile(50)));
        }
        Map<Readers, Heap> heaps = new LinkedHashMap<>();
        for (Readers reader : Readers.values()) {
            List<Run> heapRuns = new ArrayList<>();
            for (int i = 0; i < Math.max(1, Math.min(3, runs)); i++) {
                heapRuns.add(Processes.java(work, List.of("-Xmx64m", "-Dfile.encoding=UTF-8", "-cp",
                        System.getProperty("java.class.path")), List.of(Readers.class.getName(), reader.name(), file.toString())));
            }
            heaps.put(reader, new Heap((int) medianOf(heapRuns, r -> r.heap().peakUsed()),
                    (int) medianOf(heapRuns, r -> r.heap().maxLive())));
        }
        Map<String, Run> baselineReads = new LinkedHashMap<>();
        if (before != null) {
            List<Run> reads = new ArrayList<>();
            for (int i = 0; i < Math.max(1, Math.min(3, runs)); i++) {
                reads.add(Processes.java(work, List.of("-Xmx64m", "-Dfile.encoding=UTF-8", "-cp",
                        before.resolve("classes") + java.io.File.pathSeparator + System.getProperty("java.class.path")),
                        List.of(Readers.class.getName(), Readers.RECTIFY.name(), file.toString())));
            }
            reads.sort(Comparator.comparingLong(BenchHarness::readMillis));
            baselineReads.put("before: the baseline build's StreamingXlsxReader", reads.get(reads.size() / 2));
        }
        String loadAfter = load();
        doc.append("## Big workbook: ").append(String.format(Locale.ROOT, "%,d", rows)).append(" rows × 25 columns\n\n")
                .append("One generated .xlsx (`BigWorkbook`: shared strings, 10 text columns, 10 number columns, 5 date ")
                .append("columns; ").append(Files.size(file) / 1024 / 1024).append(" MB), read whole by each reader, every ")
                .append("cell as its displayed text, with `-Xmx64m`. Time: JMH single-shot, 1 warm-up and ")
                .append(iterations).append(" measured reads per reader in one fork, median. Heap: ")
                .append(Math.max(1, Math.min(3, runs))).append(" separate reads per reader, median; load average ")
                .append(loadBefore).append(" before, ").append(loadAfter).append(" after.\n\n")
                .append("| reader | read time | cells per second | peak heap in use | most live after a collection |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (Map.Entry<Readers, Long> entry : medians.entrySet()) {
            Heap h = heaps.get(entry.getKey());
            doc.append("| ").append(entry.getKey().label()).append(" | ").append(ms(entry.getValue())).append(" | ")
                    .append(perSecond(cells, entry.getValue())).append(" | ").append(h.peakUsed()).append(" MiB | ")
                    .append(h.maxLive()).append(" MiB |\n");
        }
        baselineReads.forEach((label, read) -> doc.append("| ").append(label).append(" (separate processes, not JMH) | ")
                .append(ms(readMillis(read))).append(" | ").append(perSecond(cells, readMillis(read))).append(" | ")
                .append(read.heap().peakUsed()).append(" MiB | ").append(read.heap().maxLive()).append(" MiB |\n"));
        doc.append('\n');
        long rectify = medians.get(Readers.RECTIFY);
        long peers = Math.min(medians.get(Readers.EASYEXCEL), medians.get(Readers.FASTEXCEL));
        targets.add(new String[] {"big workbook read, `-Xmx64m`", "at least as fast as EasyExcel/FastExcel",
                ms(rectify) + " vs " + ms(peers), verdict(rectify <= peers)});
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
        targets.add(new String[] {"the check of a typical return, every unit uploading at once on its page, 95th percentile",
                "< 1 s", ms(pages), verdict(pages < 1000 && r.pages().failures() == 0)});
        targets.add(new String[] {"the same through the API (`POST /api/check`, after each unit's first call), 95th percentile",
                "< 1 s", ms(api), verdict(api < 1000 && r.apiLater().failures() == 0)});
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
        doc.append("## Targets\n\n| target | goal | measured | |\n|---|---|---|---|\n");
        for (String[] t : targets) {
            doc.append("| ").append(String.join(" | ", t)).append(" |\n");
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

    private static void deleteTree(Path folder) throws IOException {
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

    private static String ms(long millis) {
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
