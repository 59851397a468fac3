package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs\rectify.cmd}, the Windows launcher, run by cmd.exe under Wine, with a stand-in for
 * java ({@code stub-java.cmd}) that records how it was called: from an office folder and a Java
 * folder whose names have spaces, brackets and Chinese characters. Skipped where Wine is not
 * installed (Debian: {@code apt-get install wine64}); its first run here also creates Wine's
 * prefix in {@code target/wine}, about half a minute.
 */
class WindowsLauncherIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final String INPUT = "报送 (3月)";

    @TempDir
    static Path root;

    private static Path wine;
    private static Path office;
    private static Path javaHome;

    record Ran(int exit, String output, List<String> javaCalls) {
    }

    @BeforeAll
    static void anOfficeFolderAndAJavaStandIn() throws IOException {
        Optional<Path> found = Stream.of("/usr/lib/wine/wine64", "/usr/bin/wine64", "/usr/bin/wine").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        assumeTrue(found.isPresent(), "Wine is not installed");
        wine = found.get();
        office = officeWithAJar("整改 办公室");
        javaHome = Files.createDirectories(root.resolve("Java 17 (x64)/bin")).getParent();
        try (InputStream stub = WindowsLauncherIT.class.getResourceAsStream("stub-java.cmd")) {
            String text = new String(stub.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            Files.writeString(javaHome.resolve("bin/java.cmd"), text.replace("\n", "\r\n"));
        }
    }

    @Test
    void findsJavaAndTheJarUnpacksOnceTrainsTheArchiveOnTheFirstNightlyAndPassesArgumentsAndExitStatusThrough()
            throws Exception {
        Ran first = launch(office, 3, "nightly", "--period=2024-03", "--input=" + INPUT);

        assertThat(first.javaCalls()).hasSize(2);
        assertThat(first.javaCalls().get(0)).startsWith("-Djarmode=tools -jar \"target\\rectify.jar\" extract --destination \"data\\jvm\\jar-");
        assertThat(first.javaCalls().get(1)).contains("-XX:TieredStopAtLevel=1", "\"-XX:ArchiveClassesAtExit=data\\jvm\\jar-")
                .contains("\\app\\rectify.jar\" nightly --period=2024-03 \"--input=");
        assertThat(office.resolve("seen").resolve(INPUT)).as("the argument reached Java whole, Chinese and all").isDirectory();
        try (Stream<Path> unpacked = Files.list(office.resolve("data/jvm"))) {
            assertThat(unpacked.map(p -> p.getFileName().toString()))
                    .as("one folder for this jar and Java, the archive moved into it from its temporary name")
                    .singleElement().satisfies(name -> assertThat(office.resolve("data/jvm").resolve(name).resolve("rectify.jsa")).exists());
        }

        Ran second = launch(office, 3, "status", "--limit=5");

        assertThat(second.exit()).as("Java's exit status is the script's").isEqualTo(3);
        assertThat(second.javaCalls()).singleElement().asString()
                .contains("\"-XX:SharedArchiveFile=data\\jvm\\jar-").endsWith("\\app\\rectify.jar\" status --limit=5");
    }

    @Test
    void withoutJavaHomeJavaComesFromThePath() throws Exception {
        Ran ran = launch(officeWithAJar("另一 办公室"), Map.of("WINEPATH", windows(javaHome.resolve("bin"))), 4, "status");

        assertThat(ran.exit()).isEqualTo(4);
        assertThat(ran.javaCalls()).last().asString().endsWith("\\app\\rectify.jar\" status");
    }

    @Test
    void withoutAJarItSaysWhereItLookedAndExitsOne() throws Exception {
        Path empty = Files.createDirectories(root.resolve("空 文件夹"));

        Ran ran = launch(empty, 0, "status");

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.output()).contains("rectify: no rectify.jar in ", "set RECTIFY_JAR");
        assertThat(ran.javaCalls()).isEmpty();
    }

    private static Path officeWithAJar(String name) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name).resolve("target")).getParent();
        Files.writeString(folder.resolve("target/rectify.jar"), "a jar");
        return folder;
    }

    /** Runs {@code jobs\rectify.cmd args...} in {@code folder}, the stand-in java in JAVA_HOME exiting with {@code exit}. */
    private static Ran launch(Path folder, int exit, String... args) throws Exception {
        return launch(folder, Map.of("JAVA_HOME", windows(javaHome)), exit, args);
    }

    /** The same with java found as {@code environment} says (JAVA_HOME, or Wine's PATH). */
    private static Ran launch(Path folder, Map<String, String> environment, int exit, String... args) throws Exception {
        Path log = root.resolve("java-calls.txt");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(wine.toString(), "cmd", "/c", windows(PROJECT.resolve("jobs/rectify.cmd"))));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("WINEPREFIX", PROJECT.resolve("target/wine").toString());
        env.put("WINEDEBUG", "-all");
        env.put("LANG", "C.UTF-8");
        env.remove("JAVA_HOME");
        env.putAll(environment);
        env.put("STUB_LOG", windows(log));
        env.put("STUB_EXIT", Integer.toString(exit));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        List<String> calls = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                .map(String::strip).toList() : List.of();
        return new Ran(process.exitValue(), output, calls);
    }

    /** The path as Wine's cmd.exe sees it: drive Z: is the Unix root. */
    private static String windows(Path path) {
        return "Z:" + path.toAbsolutePath().toString().replace('/', '\\');
    }
}
