package io.rectify.marking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: a unit's {@value LargeReturn#ROWS}-row return marked once per invocation (read from the
 * archive, cells filled and commented, 校验结果 column, saved), with {@code exceptions} of its rows
 * to mark. In the marking package for the test sources' {@link LargeReturn}; run by the harness.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MarkingBenchmark {

    @Param({"50", "5000"})
    public int exceptions;

    private Path root;
    private LargeReturn large;
    private int runs;

    @Setup(Level.Trial)
    public void archive() throws IOException {
        root = Files.createTempDirectory("marking-benchmark");
        large = LargeReturn.archived(root, exceptions);
    }

    @Benchmark
    public Path mark() throws IOException {
        return large.mark(root.resolve("marked-" + runs++)).orElseThrow();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
