package io.rectify.bench;

import io.rectify.bench.Processes.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "What an analyst would write instead": {@code src/bench/python/analyst.py} (pandas + openpyxl) run
 * as a whole process by the system's Python on the city's files, and its figures set beside the
 * ones in Rectify's summary.json, field by field.
 */
final class Analyst {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The headline fields both sides give, and the rules whose rejected or merged rows the script
     * takes as written instead: what explains a difference in that field.
     */
    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        // rows Rectify rejects while the script takes their status; an unknown task code is lost on both sides
        List<String> statusRules = List.of("missing-completion-date", "invalid-date", "invalid-status", "not-assigned",
                "duplicate-task-row");
        for (String f : List.of("total", "completed")) {
            FIELDS.put("problems." + f, statusRules);
        }
        for (String f : List.of("total", "completed", "inProgress", "notStarted", "overdue")) {
            FIELDS.put("tasks." + f, statusRules);
        }
        for (String f : List.of("caseFiled", "disciplined", "admonished", "organizational")) {
            FIELDS.put("accountability." + f, List.of("invalid-accountability"));
        }
        for (String f : List.of("created", "revised")) {
            FIELDS.put("institutions." + f, List.of("duplicate-institution", "invalid-institution"));
        }
        List<String> fileRules = List.of("file-unreadable", "template-mismatch", "unknown-unit", "unit-name-mismatch",
                "period-mismatch", "duplicate-file", "superseded");
        for (String f : List.of("expected", "accepted", "missing")) {
            FIELDS.put("submissions." + f, fileRules);
        }
    }

    private final Path project;
    private final Path work;

    Analyst(Path project, Path work) {
        this.project = project;
        this.work = work;
    }

    /** Installs pandas and openpyxl for the system's Python when missing (Debian packages), or fails saying how. */
    void ensurePandas() throws IOException, InterruptedException {
        Path script = project.resolve("src").resolve("bench").resolve("python").resolve("ensure-pandas");
        Run run = Processes.command(work, List.of(script.toString()));
        if (run.exitCode() != 0) {
            throw new IllegalStateException("analyst: " + run.output());
        }
    }

    /** One whole run of the script on {@code input}'s {@code period}, writing {@code out}. */
    Run run(Path input, String period, Path out) throws IOException, InterruptedException {
        Path script = project.resolve("src").resolve("bench").resolve("python").resolve("analyst.py");
        Run run = Processes.command(work, List.of(PYTHON.toString(), script.toString(), input.toString(), period,
                out.toString()));
        if (run.exitCode() != 0) {
            throw new IllegalStateException("analyst.py failed:\n" + run.output());
        }
        return run;
    }

    /** One field as the script and Rectify gave it, and what explains a difference (blank when they agree). */
    record Field(String name, String script, String rectify, String why) {

        boolean differs() {
            return !why.isEmpty();
        }
    }

    /** The headline fields of both, then the per-unit task counts as the number of units where they differ. */
    static List<Field> compare(Path scriptJson, Path summaryJson) throws IOException {
        JsonNode script = JSON.readTree(Files.readString(scriptJson));
        JsonNode rectify = JSON.readTree(Files.readString(summaryJson));
        Map<String, Long> byRule = new LinkedHashMap<>();
        rectify.path("exceptions").path("byRule").properties().forEach(e -> byRule.put(e.getKey(), e.getValue().asLong()));
        List<Field> fields = new ArrayList<>();
        FIELDS.forEach((name, rules) -> {
            long s = at(script, name);
            long r = at(rectify, name);
            fields.add(new Field(name, String.valueOf(s), String.valueOf(r),
                    s == r ? "" : "script " + (s > r ? "+" : "") + (s - r) + ": " + why(rules, byRule)));
        });
        Map<String, JsonNode> rectifyUnits = new LinkedHashMap<>();
        rectify.path("byUnit").forEach(u -> rectifyUnits.put(u.path("code").asString(), u.path("tasks")));
        for (String f : List.of("completed", "inProgress", "notStarted", "overdue")) {
            long differing = 0;
            for (JsonNode unit : script.path("byUnit")) {
                JsonNode theirs = rectifyUnits.get(unit.path("code").asString());
                if (theirs == null || theirs.path(f).asLong() != unit.path("tasks").path(f).asLong()) {
                    differing++;
                }
            }
            fields.add(new Field("byUnit[].tasks." + f, "differs for " + differing + " of " + script.path("byUnit").size()
                    + " units", "", differing == 0 ? "" : why(FIELDS.get("tasks.completed"), byRule)));
        }
        return fields;
    }

    private static long at(JsonNode node, String dotted) {
        JsonNode n = node;
        for (String part : dotted.split("\\.")) {
            n = n.path(part);
        }
        return n.asLong();
    }

    private static String why(List<String> rules, Map<String, Long> byRule) {
        List<String> present = new ArrayList<>();
        for (String rule : rules) {
            if (byRule.getOrDefault(rule, 0L) > 0) {
                present.add("`" + rule + "` " + byRule.get(rule));
            }
        }
        return present.isEmpty() ? "not explained by Rectify's exceptions: see the notes"
                : "the script takes as written what Rectify rejected or counted once; Rectify's exceptions: "
                        + String.join(", ", present);
    }
}
