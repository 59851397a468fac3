package io.rectify.portal.office;

import io.rectify.ops.RectifyProperties;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest period's headline figures as its nightly published them: the bulletin's paragraph
 * (通报.txt) and the figures of summary.json that say whom to chase. Read from the newest
 * {@code <output>/<YYYY-MM>/} holding a summary.json, so the page shows what was published, never a
 * figure computed again.
 */
@Component
class Headline {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A paragraph of 通报.txt starts two ideographic spaces in. */
    private static final String INDENT = "\u3000\u3000";

    private final Path output;

    Headline(RectifyProperties properties) {
        this.output = properties.output();
    }

    /** One labelled figure. */
    record Figure(String label, String value) {
    }

    /**
     * @param incomplete the warning that most of the period's files were not read; null when they were
     * @param bulletin   the bulletin's paragraphs; none when 通报.txt is missing
     * @param missing    the codes of the units that sent no usable return
     */
    record View(String period, String asOf, String incomplete, List<String> bulletin, List<Figure> figures,
                List<String> missing) {
    }

    Optional<View> latest() {
        Optional<Path> folder = latestFolder();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode summary = JSON.readTree(Files.readString(folder.get().resolve("summary.json"), StandardCharsets.UTF_8));
            JsonNode tasks = summary.path("tasks");
            JsonNode submissions = summary.path("submissions");
            JsonNode exceptions = summary.path("exceptions");
            List<Figure> figures = List.of(
                    new Figure("应报送单位", submissions.path("expected").asInt() + "个"),
                    new Figure("已报送并采纳", submissions.path("accepted").asInt() + "个"),
                    new Figure(Rule.MISSING_RETURN.title(), submissions.path("missing").asInt() + "个"),
                    new Figure(Rule.LATE_SUBMISSION.title(), submissions.path("late").asInt() + "个"),
                    new Figure(Rule.OVERDUE.title(), tasks.path("overdue").asInt() + "条"),
                    new Figure(Rule.DUE_SOON.title(), tasks.path("dueSoon").asInt() + "条"),
                    new Figure("异常（" + Severity.ERROR.label() + "/" + Severity.WARNING.label() + "/" + Severity.INFO.label() + "）",
                            exceptions.path("error").asInt() + " / " + exceptions.path("warning").asInt() + " / "
                                    + exceptions.path("info").asInt() + "条"));
            List<String> missing = new ArrayList<>();
            submissions.path("missingUnits").forEach(u -> missing.add(u.asString()));
            return Optional.of(new View(Periods.text(YearMonth.parse(summary.path("period").asString())),
                    Periods.date(LocalDate.parse(summary.path("asOf").asString())),
                    text(summary.path("incomplete").path("message")), bulletin(folder.get()), figures, missing));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private Optional<Path> latestFolder() {
        if (!Files.isDirectory(output)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(output)) {
            return folders.filter(f -> PERIOD.matcher(f.getFileName().toString()).matches())
                    .filter(f -> Files.isRegularFile(f.resolve("summary.json")))
                    .max(Comparator.comparing(f -> f.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The paragraphs of 通报.txt (its indented lines, under the title and the date line); none when it is missing. */
    private static List<String> bulletin(Path folder) throws IOException {
        Path file = folder.resolve("通报.txt");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return Files.readString(file, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(INDENT))
                .map(String::strip).toList();
    }
}
