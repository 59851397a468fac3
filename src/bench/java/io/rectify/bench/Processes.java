package io.rectify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Child processes of the harness: whole-process wall times, their output, their heap from the GC
 * log and their peak resident memory (from {@code /usr/bin/time} when the machine has it).
 */
final class Processes {

    /**
     * A finished child process.
     *
     * @param rssMiB the process's peak resident set size (what the kernel gave it at most, heap,
     *               metaspace, code and thread stacks together), or -1 when unknown
     */
    record Run(List<String> command, int exitCode, long wallMillis, String output, Heap heap, long rssMiB) {

        Run requireSuccess() {
            if (exitCode != 0) {
                throw new IllegalStateException("exit " + exitCode + " from " + String.join(" ", command) + "\n" + output);
            }
            return this;
        }
    }

    /**
     * Heap figures from the unified GC log, in MiB.
     *
     * @param peakUsed the most heap in use at any point seen (before a collection, or at exit)
     * @param maxLive  the most heap still in use after a full collection: what the program really held. A
     *                 young collection leaves the old generation's garbage in place, so its figure is only
     *                 used when the run had no full collection (then an upper bound)
     */
    record Heap(int peakUsed, int maxLive) {
    }

    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final Pattern EXIT_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

    private Processes() {
    }

    /**
     * Runs {@code java <jvmOptions> <arguments>} with a GC log, waits for it and times it from
     * start to exit: JVM start included. Fails unless it exits with 0.
     */
    static Run java(Path workDir, List<String> jvmOptions, List<String> arguments) throws IOException, InterruptedException {
        return attempt(workDir, jvmOptions, arguments).requireSuccess();
    }

    /** As {@link #java}, whatever the exit status. */
    static Run attempt(Path workDir, List<String> jvmOptions, List<String> arguments) throws IOException, InterruptedException {
        return attempt(workDir, Map.of(), jvmOptions, arguments);
    }

    /** As {@link #attempt(Path, List, List)}, with {@code environment} added to the child's. */
    static Run attempt(Path workDir, Map<String, String> environment, List<String> jvmOptions, List<String> arguments)
            throws IOException, InterruptedException {
        Path gcLog = gcLog(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xlog:gc,gc+heap+exit:file=" + gcLog);
        command.addAll(jvmOptions);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return run(workDir, builder, gcLog);
    }

    /** Runs any command (not a JVM of the harness: no GC log), timed as {@link #java}, whatever the exit status. */
    static Run command(Path workDir, List<String> command) throws IOException, InterruptedException {
        return run(workDir, new ProcessBuilder(command), null);
    }

    /**
     * Runs the launcher script ({@code jobs/rectify}) on {@code jar} with {@code arguments}, this
     * harness's Java, the GC log and {@code jvmOptions} passed in {@code RECTIFY_JAVA_OPTS}, as the
     * office would run it; timed as {@link #java}. Fails unless it exits with 0.
     */
    static Run launcher(Path workDir, Path script, Path jar, List<String> jvmOptions, List<String> arguments)
            throws IOException, InterruptedException {
        Path gcLog = gcLog(workDir);
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("RECTIFY_JAR", jar.toString());
        List<String> options = new ArrayList<>(List.of("-Xlog:gc,gc+heap+exit:file=" + gcLog));
        options.addAll(jvmOptions);
        builder.environment().put("RECTIFY_JAVA_OPTS", String.join(" ", options));
        return run(workDir, builder, gcLog).requireSuccess();
    }

    private static Path gcLog(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        // not created beforehand: the JVM would keep an existing file as gc….log.0 and start a new one
        return workDir.resolve("gc-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".log");
    }

    private static Run run(Path workDir, ProcessBuilder builder, Path gcLog) throws IOException, InterruptedException {
        Path output = Files.createTempFile(workDir, "out", ".txt");
        List<String> command = List.copyOf(builder.command());
        Path rss = null;
        if (Files.isExecutable(TIME)) {
            // the child's own peak resident set (in KiB), written apart from its output
            rss = Files.createTempFile(workDir, "rss", ".txt");
            List<String> timed = new ArrayList<>(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
            timed.addAll(command);
            builder.command(timed);
        }
        builder.directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + builder.command());
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        String text = Files.readString(output);
        Heap heap = gcLog != null && Files.exists(gcLog) ? heap(Files.readString(gcLog)) : new Heap(0, 0);
        long rssMiB = rss == null ? -1 : peakKiB(Files.readString(rss)) / 1024;
        Files.delete(output);
        if (gcLog != null) {
            Files.deleteIfExists(gcLog);
        }
        if (rss != null) {
            Files.delete(rss);
        }
        return new Run(command, process.exitValue(), wall, text, heap, rssMiB);
    }

    /** The last number /usr/bin/time wrote: the peak in KiB (before it, a note when the command failed). */
    private static long peakKiB(String timeOutput) {
        String[] lines = timeOutput.trim().split("\n");
        String last = lines[lines.length - 1].trim();
        return last.matches("\\d+") ? Long.parseLong(last) : -1024;
    }

    static Heap heap(String gcLog) {
        int peak = 0;
        int liveAfterAny = 0;
        int liveAfterFull = -1;
        for (String line : gcLog.split("\n")) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                peak = Math.max(peak, Integer.parseInt(pause.group(1)));
                int after = Integer.parseInt(pause.group(2));
                liveAfterAny = Math.max(liveAfterAny, after);
                if (line.contains("Pause Full")) {
                    liveAfterFull = Math.max(liveAfterFull, after);
                }
            }
        }
        Matcher exit = EXIT_USED.matcher(gcLog);
        if (exit.find()) {
            peak = Math.max(peak, (int) (Long.parseLong(exit.group(1)) / 1024));
        }
        return new Heap(peak, liveAfterFull >= 0 ? liveAfterFull : liveAfterAny);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
