package io.rectify.bench;

import io.rectify.intake.Archive;
import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodFolderScanner;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReturnReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The per-file cost of intake, in one process on one thread: a period folder of small returns
 * ({@link ScaleGenerator}) scanned, each file archived into an empty archive and read, as the
 * nightly's ingest does for each file before its checks; round after round on the same files.
 * Prints wall and process CPU time per file for every round: the minimum is the figure.
 *
 * <pre>java -cp ... io.rectify.bench.ReturnTiming INPUT_DIR 2024-03 ROUNDS</pre>
 */
public final class ReturnTiming {

    private ReturnTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        YearMonth period = YearMonth.parse(args[1]);
        int rounds = Integer.parseInt(args[2]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ReturnReader reader = new ReturnReader();
        for (int round = 1; round <= rounds; round++) {
            Path data = Files.createTempDirectory("return-timing");
            Archive archive = new Archive(data);
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            PeriodScan scan = new PeriodFolderScanner(input.resolve("returns")).scan(period);
            long scanned = System.nanoTime();
            int read = 0;
            for (FoundFile file : scan.workbooks()) {
                archive.store(file);
                if (reader.read(file) instanceof ReadOutcome.Read) {
                    read++;
                }
            }
            long files = scan.workbooks().size();
            double wallMs = (System.nanoTime() - wall) / 1e6;
            double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6;
            System.out.printf("round %d: %d files (%d read), %.2f ms wall/file (scan %.2f), %.2f ms CPU/file%n", round, files,
                    read, wallMs / files, (scanned - wall) / 1e6 / files, cpuMs / files);
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
