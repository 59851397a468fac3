package io.rectify.county;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.RectifyProcess;
import io.rectify.report.Csv;
import io.rectify.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The county's office: its folders under one root ({@code input/}, {@code output/}, {@code data/}),
 * Rectify's commands run on them as the office runs them (each a separate JVM), and the machine-read
 * outputs read back.
 */
final class CountyOffice {

    private final Path root;

    CountyOffice(Path root) {
        this.root = root;
    }

    Path input() {
        return root.resolve("input");
    }

    Path output(YearMonth period) {
        return root.resolve("output").resolve(period.toString());
    }

    Path templates(YearMonth period) {
        return root.resolve("output/templates").resolve(period.toString());
    }

    Path returns() {
        return input().resolve("returns");
    }

    /** Runs {@code command} on the county's folders; fails the test when it does not exit 0. */
    void run(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--input=" + input(), "--output=" + root.resolve("output"),
                "--data=" + root.resolve("data")));
        args.addAll(List.of(options));
        RectifyProcess.Result result = RectifyProcess.run(root.resolve("logs"), Map.of(), args.toArray(String[]::new));
        assertThat(result.exit()).as(String.join(" ", args) + "\n" + result.out() + result.err()).isZero();
    }

    /** The lines of a period's exceptions.csv, each as its fields (see its header), the header left out. */
    static List<List<String>> exceptions(Path outputs) {
        String text = read(outputs.resolve(ReportWriter.EXCEPTIONS_CSV));
        List<List<String>> records = Csv.parse(text.substring(1));
        return records.subList(1, records.size()).stream().filter(r -> r.size() > 1).toList();
    }

    static JsonNode summary(Path outputs) {
        return JsonMapper.builder().build().readTree(read(outputs.resolve(ReportWriter.SUMMARY)));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
