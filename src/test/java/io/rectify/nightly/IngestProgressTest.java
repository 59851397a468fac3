package io.rectify.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestProgressTest {

    private final AtomicLong nanos = new AtomicLong();

    private IngestProgress progress(int files) {
        return new IngestProgress(YearMonth.of(2024, 3), files, nanos::get, Duration.ofSeconds(5));
    }

    private void elapse(double seconds) {
        nanos.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void aLineGivesFilesDoneOfTotalRowsPerSecondAndTheTimeLeftAtTheFilesPaceSoFar() {
        IngestProgress progress = progress(54);
        String line = null;
        for (int file = 1; file <= 12; file++) {
            elapse(0.5);
            line = progress.fileRead(1_700);
            if (line != null) {
                break;
            }
        }
        // 10 files in 5 s: 17,000 rows, 3,400 rows/s; 44 files left at 0.5 s each
        assertThat(line).isEqualTo("2024-03: files 10/54, 3,400 rows/s, ~22 s left");
    }

    @Test
    void noLineComesBeforeTheIntervalNorForTheLastFileWhichTheClosingLineReports() {
        IngestProgress progress = progress(3);
        elapse(1);
        assertThat(progress.fileRead(100)).isNull();
        elapse(10);
        assertThat(progress.fileRead(100)).isEqualTo("2024-03: files 2/3, 18 rows/s, ~6 s left");
        elapse(10);
        assertThat(progress.fileRead(100)).isNull();
        assertThat(progress.finished()).isEqualTo("2024-03: files 3/3 read, 300 rows in 21.0 s (14 rows/s)");
    }
}
