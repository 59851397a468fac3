package io.rectify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rectify run as the office runs it: a separate JVM limited to {@value #HEAP}, on the test's class
 * path ({@code java -cp ... io.rectify.RectifyApplication <command> ...}), on the test's database
 * ({@link TestDatabase}: the data folder's H2 file, or its PostgreSQL database). Its standard output and
 * error go to files, so a test can wait for a line, kill the process with {@code kill -9}
 * ({@link Process#destroyForcibly()}) or read what it said after it ended.
 */
public final class RectifyProcess {

    public static final String HEAP = "-Xmx256m";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Process process;
    private final Path out;
    private final Path err;

    private RectifyProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** What a finished run said. */
    public record Result(int exit, String out, String err) {
    }

    /**
     * Starts {@code java -Xmx256m [-Dkey=value ...] io.rectify.RectifyApplication args...} with its
     * output in {@code logs/}.
     */
    public static RectifyProcess start(Path logs, Map<String, String> properties, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8"));
        TestDatabase.switches().forEach((key, value) -> command.add("-D" + key + "=" + value));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RectifyApplication.class.getName()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logs);
            int n = COUNT.incrementAndGet();
            Path out = logs.resolve(n + "-" + args[0] + ".out");
            Path err = logs.resolve(n + "-" + args[0] + ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new RectifyProcess(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command to its end. */
    public static Result run(Path logs, Map<String, String> properties, String... args) {
        return start(logs, properties, args).await();
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end (failing the test after a few minutes) and returns what it said. */
    public Result await() {
        try {
            if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("rectify did not finish within " + RUN_LIMIT + ":\n" + read(out) + read(err));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Result(process.exitValue(), read(out), read(err));
    }

    /** Waits until the process has written {@code text} to its standard output. */
    public void awaitOutput(String text) {
        Instant deadline = Instant.now().plus(RUN_LIMIT);
        while (!read(out).contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("rectify ended without saying '" + text + "':\n" + read(out) + read(err));
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new AssertionError("rectify did not say '" + text + "' within " + RUN_LIMIT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** {@code kill -9}: the process gets no chance to clean up. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
