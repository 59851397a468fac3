package io.rectify.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: one whole read of the big workbook per invocation, by each reader, in the same run and on
 * the same file. The harness sets the file, the iterations and the heap (-Xmx64m) of the fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReaderBenchmark {

    @Param("")
    public String file;

    @Param({"RECTIFY", "POI_SAX", "FASTEXCEL", "EASYEXCEL", "DHATIM"})
    public String reader;

    @Benchmark
    public long read() throws Exception {
        return Readers.valueOf(reader).read(Path.of(file)).cells;
    }
}
