package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.RectifyApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
