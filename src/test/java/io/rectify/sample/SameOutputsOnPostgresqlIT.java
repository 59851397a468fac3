package io.rectify.sample;

import static io.rectify.NightlyFixture.differences;
import static io.rectify.NightlyFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.RectifyApplication;
import io.rectify.TestDatabase;
import io.rectify.report.ReportWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped sample's night gives the same bytes on PostgreSQL as on the embedded H2: summary.json and
 * exceptions.csv, and every other output of the period. Runs in the failsafe execution "postgresql".
 */
class SameOutputsOnPostgresqlIT {

    @TempDir
    static Path root;

    @Test
    void theSamplesNightWritesTheSameBytesOnH2AndOnPostgresql() {
        assertThat(TestDatabase.postgresql()).as("run with -D%s=postgresql", TestDatabase.SWITCH).isTrue();

        Path h2 = night("h2", true);
        Path postgresql = night("postgresql", false);

        assertThat(postgresql.resolve(ReportWriter.SUMMARY)).hasSameBinaryContentAs(h2.resolve(ReportWriter.SUMMARY));
        assertThat(postgresql.resolve(ReportWriter.EXCEPTIONS_CSV)).hasSameBinaryContentAs(h2.resolve(ReportWriter.EXCEPTIONS_CSV));
        assertThat(differences(snapshot(h2), snapshot(postgresql))).isEmpty();
    }

    /** The sample's 2024-03 night into {@code root/<name>}, on the folder's H2 file or its PostgreSQL database. */
    private static Path night(String name, boolean onH2) {
        Path folder = root.resolve(name);
        if (onH2) {
            TestDatabase.keepOnH2(folder.resolve("data"));
        }
        assertThat(RectifyApplication.run("nightly", "--period=2024-03", "--input=" + Path.of("input").toAbsolutePath(),
                "--output=" + folder.resolve("output"), "--data=" + folder.resolve("data"))).isZero();
        return folder.resolve("output/2024-03");
    }
}
