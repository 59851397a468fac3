package io.rectify.nightly;

import io.rectify.RectifyApplication;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.report.Csv;
import io.rectify.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application run as {@code java -jar rectify.jar} runs it, in this JVM, on the folders
 * {@code input/}, {@code output/} and {@code data/} under one root; and what a run leaves there.
 */
final class Rectify {

    /** A finished run: its exit status and what it printed. */
    record Run(int status, String out, String err) {
    }

    private final Path root;

    Rectify(Path root) {
        this.root = root;
    }

    /** The folders under {@code root}, the input holding {@link LedgerWorkbookFixture#standard()} as its ledger. */
    static Rectify withStandardLedger(Path root) {
        Rectify rectify = new Rectify(root);
        LedgerWorkbookFixture.standard().writeToMaster(rectify.input());
        return rectify;
    }

    Path input() {
        return root.resolve("input");
    }

    Path output() {
        return root.resolve("output");
    }

    /** Runs a command with the three folders and the given options. */
    Run run(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--input=" + input(), "--output=" + output(),
                "--data=" + root.resolve("data")));
        args.addAll(List.of(options));
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = RectifyApplication.run(args.toArray(String[]::new));
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    Path periodOutput(String period) {
        return output().resolve(period);
    }

    JsonNode summary(String period) {
        return JsonMapper.builder().build().readTree(read(periodOutput(period).resolve(ReportWriter.SUMMARY)));
    }

    /** The lines of exceptions.csv after its header, as fields. */
    List<List<String>> exceptions(String period) {
        String text = new String(read(periodOutput(period).resolve(ReportWriter.EXCEPTIONS_CSV)), StandardCharsets.UTF_8);
        List<List<String>> records = Csv.parse(text.substring(1));
        return records.subList(1, records.size());
    }

    /** The exception lines of one rule, as fields. */
    List<List<String>> exceptions(String period, String rule) {
        return exceptions(period).stream().filter(line -> line.get(0).equals(rule)).toList();
    }

    /** A unit's entry of summary.json's byUnit. */
    static JsonNode unit(JsonNode summary, String code) {
        for (JsonNode unit : summary.get("byUnit")) {
            if (unit.get("code").asString().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code + " in " + summary.get("byUnit"));
    }

    /** Every file under a folder by relative path: its SHA-256 and last-modified time. */
    static Map<String, String> fingerprints(Path folder) {
        Map<String, String> prints = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                prints.put(folder.relativize(file).toString(), sha256(file) + " " + Files.getLastModifiedTime(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prints;
    }

    /** Every file under a folder by relative path, with its bytes' SHA-256. */
    static Map<String, String> contents(Path folder) {
        Map<String, String> contents = new TreeMap<>();
        fingerprints(folder).forEach((file, print) -> contents.put(file, print.substring(0, print.indexOf(' '))));
        return contents;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
