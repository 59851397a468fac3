package io.rectify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Child processes of the harness: whole-process wall times, their output, and their heap from the GC log. */
final class Processes {

    /** A finished child process. */
    record Run(List<String> command, int exitCode, long wallMillis, String output, Heap heap) {

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
        Path gcLog = gcLog(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xlog:gc,gc+heap+exit:file=" + gcLog);
        command.addAll(jvmOptions);
        command.addAll(arguments);
        return run(workDir, new ProcessBuilder(command), gcLog);
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
        builder.directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + builder.command());
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        String text = Files.readString(output);
        Heap heap = Files.exists(gcLog) ? heap(Files.readString(gcLog)) : new Heap(0, 0);
        Files.delete(output);
        Files.deleteIfExists(gcLog);
        return new Run(builder.command(), process.exitValue(), wall, text, heap);
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
