package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.RectifyApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit statuses of docs/COMMANDS.md for answers given before any job starts. */
class ExitStatusTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(RectifyApplication.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar target/rectify.jar <command>");
    }

    @Test
    void usageErrorsExitTwoWithTheReasonOnStandardError() {
        assertThat(RectifyApplication.run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'", "--help");

        assertThat(RectifyApplication.run("templates", "--period=24-4")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--period must be YYYY-MM, got '24-4'");

        assertThat(RectifyApplication.run()).isEqualTo(2);
    }

    @Test
    void anInputThatIsAFileOrAnOutputInsideTheInputIsRefusedAtOnce(@TempDir Path root) throws IOException {
        Path file = Files.writeString(root.resolve("input.xlsx"), "not a folder");
        Path input = Files.createDirectories(root.resolve("input"));

        assertThat(RectifyApplication.run("nightly", "--input=" + file, "--output=" + root.resolve("output"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--input 应为输入文件夹，但 " + file + " 是一个文件");

        assertThat(RectifyApplication.run("nightly", "--input=" + input, "--output=" + input.resolve("output"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("不能在 --input（" + input + "）之内");
        assertThat(input.resolve("output")).doesNotExist();
    }

    @Test
    void aPeriodWithoutItsFolderFailsNamingTheFolderAndTheMisnamedOneToRename(@TempDir Path root) throws IOException {
        Path returns = Files.createDirectories(root.resolve("input/returns"));
        Files.createDirectories(returns.resolve("2024-03"));
        Files.createDirectories(returns.resolve("2024年4月"));

        int exit = RectifyApplication.run("nightly", "--period=2024-04", "--input=" + root.resolve("input"),
                "--output=" + root.resolve("output"), "--data=" + root.resolve("data"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("没有 2024-04 期的报送文件夹 " + returns.resolve("2024-04"),
                "文件夹“2024年4月”", "请改名为“2024-04”");
        assertThat(root.resolve("output/2024-04")).as("no receipt tells a unit it sent nothing").doesNotExist();
    }
}
