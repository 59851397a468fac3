package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.RectifyProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/rectify}, the launcher cron and the systemd timer use, run on the packaged jar as the
 * office runs it (an integration test: it needs {@code target/rectify.jar}, which exists after
 * {@code package}).
 */
class LauncherIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path folder;

    record Ran(int exit, String output) {
    }

    @Test
    void firstNightlyWritesTheClassArchiveThatLaterRunsMapAndTheOutputsStayTheSame() throws Exception {
        Ran status = launch("status", List.of());
        assertThat(status.exit()).as(status.output()).isZero();
        assertThat(archives()).as("only a nightly run trains the archive").isEmpty();

        Ran first = launch("nightly", List.of());
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(archives()).hasSize(1);
        assertThat(leftovers()).as("the archive is written under a temporary name and then moved").isEmpty();
        byte[] firstSummary = Files.readAllBytes(folder.resolve("output/2024-03/summary.json"));

        Path classLoading = folder.resolve("class-load.txt");
        Ran second = launch("nightly", List.of("-Xlog:class+load=info:file=" + classLoading));
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).as("no JVM notes about the archive reach the office").doesNotContain("[cds]", "[warning]");
        assertThat(Files.readAllLines(classLoading)).as("Rectify's own classes come from the archive")
                .anyMatch(line -> line.contains("io.rectify.nightly.IngestTasklet ") && line.contains("shared objects file"));
        assertThat(Files.readAllBytes(folder.resolve("output/2024-03/summary.json"))).isEqualTo(firstSummary);
    }

    @Test
    void aMissingJarIsAClearErrorNotAJavaStackTrace() throws Exception {
        Ran ran = run(List.of(PROJECT.resolve("jobs/rectify").toString(), "status"),
                PROJECT.resolve("target/no-such.jar"), List.of());
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.output()).contains("rectify: no rectify.jar");
    }

    @Test
    void runsAJarNamedOtherwiseThanRectifyJar() throws Exception {
        Path versioned = Files.copy(PROJECT.resolve("target/rectify.jar"), folder.resolve("rectify-0.1.0.jar"));
        Ran ran = run(List.of(PROJECT.resolve("jobs/rectify").toString(), "status", "--data=" + folder.resolve("data")),
                versioned, List.of());
        assertThat(ran.exit()).as(ran.output()).isZero();
        assertThat(ran.output()).doesNotContain("Unable to access jarfile");
    }

    @Test
    void checkSaysToImportTheLedgerFirstThenRunsWhileANightlyHoldsTheDataFolder() throws Exception {
        String u19 = PROJECT.resolve("input/returns/2024-03/U19-区规划资源局-2024-03.xlsx").toString();
        Ran noLedger = launch(List.of("check", u19), List.of());
        assertThat(noLedger.exit()).isEqualTo(CommandLine.EXIT_FAILED);
        assertThat(noLedger.output()).contains("run import-ledger first", "尚未导入整改台账").doesNotContain("Exception", "\tat ");

        Path resume = folder.resolve("resume");
        RectifyProcess nightly = RectifyProcess.start(folder.resolve("logs"), Map.of(PausePoint.PAUSE_BEFORE, "异常清单.xlsx",
                PausePoint.RESUME_WHEN, resume.toString()), "nightly", "--input=" + PROJECT.resolve("input"),
                "--output=" + folder.resolve("output"), "--data=" + folder.resolve("data"));
        nightly.awaitOutput("rectify: paused before replacing");
        Ran check = launch(List.of("check", u19), List.of());
        Files.createFile(resume);

        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("单位：U19 区规划资源局", "错误 完成日期无效（invalid-date） 整改进展!G23 “2024-04-30”",
                "标注文件：" + folder.resolve("output/check/U19-区规划资源局-2024-03-标注.xlsx"));
        assertThat(nightly.await().exit()).as("the nightly goes on unharmed").isZero();
    }

    private Ran launch(String command, List<String> javaOptions) throws IOException, InterruptedException {
        return launch(List.of(command), javaOptions);
    }

    private Ran launch(List<String> arguments, List<String> javaOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PROJECT.resolve("jobs/rectify").toString()));
        command.addAll(arguments);
        command.addAll(List.of("--input=" + PROJECT.resolve("input"), "--output=" + folder.resolve("output"),
                "--data=" + folder.resolve("data")));
        return run(command, PROJECT.resolve("target/rectify.jar"), javaOptions);
    }

    private Ran run(List<String> command, Path jar, List<String> javaOptions) throws IOException, InterruptedException {
        Path output = folder.resolve("launcher.out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("RECTIFY_JAR", jar.toString());
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8"));
        options.addAll(javaOptions);
        builder.environment().put("RECTIFY_JAVA_OPTS", String.join(" ", options));
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish within 3 minutes: " + Files.readString(output));
        }
        return new Ran(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private List<Path> archives() throws IOException {
        return cacheFiles().filter(p -> p.getFileName().toString().equals("rectify.jsa")).toList();
    }

    private List<Path> leftovers() throws IOException {
        return cacheFiles().filter(p -> p.getFileName().toString().startsWith("rectify.jsa.")).toList();
    }

    private Stream<Path> cacheFiles() throws IOException {
        Path cache = folder.resolve("data/jvm");
        if (!Files.isDirectory(cache)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(cache, 2)) {
            return files.toList().stream();
        }
    }
}
