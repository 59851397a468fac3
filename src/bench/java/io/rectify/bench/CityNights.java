package io.rectify.bench;

import io.rectify.bench.Processes.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The city's nights for every variant (a build on a database), interleaved round by round on the
 * same files: the period's first night on a new data folder with the ledger imported beforehand
 * (the import is timed apart, outside the night), then nights after {@code changed} returns were
 * written again, then nights with nothing changed.
 */
final class CityNights {

    /** The nights measured, in the order they run. */
    enum Night {
        COLD("cold: the period's first night"),
        CHANGED("some returns changed"),
        UNCHANGED("nothing changed");

        final String label;

        Night(String label) {
            this.label = label;
        }
    }

    /** A build on a database: {@code key} names its folders and its PostgreSQL database. */
    record Variant(String key, String name, Path jar, boolean baseline, boolean postgresql) {
    }

    /** What one variant gave: its imports, its nights, or why it stopped. */
    static final class Outcome {
        final Variant variant;
        final List<Run> imports = new ArrayList<>();
        final Map<Night, List<Run>> runs = new EnumMap<>(Night.class);
        final Map<Night, List<JobTimes>> times = new EnumMap<>(Night.class);
        String failure;
        Database database;

        Outcome(Variant variant) {
            this.variant = variant;
        }

        List<Run> runs(Night night) {
            return runs.getOrDefault(night, List.of());
        }

        List<JobTimes> times(Night night) {
            return times.getOrDefault(night, List.of());
        }
    }

    /** Something run once per cold round, beside the variants (the analyst's script). */
    interface Round {
        void run(int round) throws Exception;
    }

    private static final List<String> HEAP = List.of("-Xmx512m");
    private static final List<String> IMPORT_FALLBACK_HEAP = List.of("-Xmx4g");

    private final Path work;
    private final Path input;
    private final ScaleGenerator generator;
    private final int changed;
    private final int rounds;
    private final PostgresServer postgresql;

    CityNights(Path work, Path input, ScaleGenerator generator, int changed, int rounds, PostgresServer postgresql) {
        this.work = work;
        this.input = input;
        this.generator = generator;
        this.changed = changed;
        this.rounds = rounds;
        this.postgresql = postgresql;
    }

    List<Outcome> run(List<Variant> variants, Round besideEachColdRound) throws Exception {
        List<Outcome> outcomes = variants.stream().map(Outcome::new).toList();
        // the cold nights read the original files, whatever an earlier harness run left
        generator.rewriteReturns(input, changed, 0);
        for (int round = 0; round < rounds; round++) {
            for (Outcome outcome : outcomes) {
                if (outcome.failure == null) {
                    fresh(outcome);
                    night(outcome, Night.COLD);
                }
            }
            besideEachColdRound.run(round);
        }
        for (int round = 1; round <= rounds; round++) {
            generator.rewriteReturns(input, changed, round);
            for (Outcome outcome : outcomes) {
                night(outcome, Night.CHANGED);
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Outcome outcome : outcomes) {
                night(outcome, Night.UNCHANGED);
            }
        }
        return outcomes;
    }

    Path output(Variant variant) {
        return folder(variant).resolve("output");
    }

    private Path folder(Variant variant) {
        return work.resolve("city").resolve(variant.key());
    }

    /** A new data folder (and database) with the ledger imported: the state before a period's first night. */
    private void fresh(Outcome outcome) throws Exception {
        Variant variant = outcome.variant;
        BenchHarness.deleteTree(folder(variant));
        Path data = folder(variant).resolve("data");
        outcome.database = variant.postgresql() ? postgresql.fresh("rectify_bench_" + variant.key(), data) : Database.h2(data);
        List<String> arguments = arguments(variant, "import-ledger");
        Run imported = Processes.attempt(work, outcome.database.environment(), HEAP, arguments);
        if (imported.exitCode() != 0) {
            imported = Processes.attempt(work, outcome.database.environment(), IMPORT_FALLBACK_HEAP, arguments);
        }
        System.out.println("city: import-ledger, " + variant.name() + ": " + BenchHarness.ms(imported.wallMillis())
                + (imported.exitCode() == 0 ? "" : " (failed)"));
        outcome.imports.add(imported);
        if (imported.exitCode() != 0) {
            outcome.failure = "`import-ledger` fails after " + BenchHarness.ms(imported.wallMillis()) + BenchHarness.failure(imported);
        }
    }

    private void night(Outcome outcome, Night night) throws Exception {
        if (outcome.failure != null) {
            return;
        }
        Run run = Processes.attempt(work, outcome.database.environment(), HEAP, arguments(outcome.variant, "nightly"));
        if (run.exitCode() != 0) {
            outcome.failure = "the " + night.name().toLowerCase() + " night fails after " + BenchHarness.ms(run.wallMillis())
                    + BenchHarness.failure(run);
            return;
        }
        System.out.println("city: " + night.name().toLowerCase() + " night, " + outcome.variant.name() + ": "
                + BenchHarness.ms(run.wallMillis()));
        outcome.runs.computeIfAbsent(night, n -> new ArrayList<>()).add(run);
        outcome.times.computeIfAbsent(night, n -> new ArrayList<>()).add(JobTimes.of(outcome.database, run.output()));
    }

    private List<String> arguments(Variant variant, String command) throws IOException {
        return List.of("-jar", variant.jar().toString(), command, "--input=" + input, "--output=" + output(variant),
                "--data=" + folder(variant).resolve("data"));
    }
}
