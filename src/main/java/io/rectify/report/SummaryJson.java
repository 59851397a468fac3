package io.rectify.report;

import io.rectify.consolidate.AccountabilityCount;
import io.rectify.consolidate.CategoryFigures;
import io.rectify.consolidate.Completion;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ExceptionCount;
import io.rectify.consolidate.FeedbackPointFigures;
import io.rectify.consolidate.GroupFigures;
import io.rectify.consolidate.InstitutionCount;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.ProblemCount;
import io.rectify.consolidate.SubmissionCount;
import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.UnitFigures;
import io.rectify.scoring.Scores;
import io.rectify.workbook.SafeText;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * summary.json (docs/OUTPUTS.md, which lists every field): the figures for machines. Keys are written in a fixed order and the
 * file holds nothing of the run but the period and as-of date, so the same database state gives
 * the same bytes.
 */
final class SummaryJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private SummaryJson() {
    }

    static byte[] bytes(Consolidation consolidation, Scores scores) {
        return (MAPPER.writer().with(PRINTER).writeValueAsString(neutralised(ScoresJson.added(tree(consolidation), scores))) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every text value neutralised like the workbooks' (SafeText): the file is opened in spreadsheet
     * programs too, and its names come from the ledger.
     */
    private static JsonNode neutralised(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.propertyNames().forEach(name -> object.set(name, neutralised(object.get(name))));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, neutralised(array.get(i)));
            }
        } else if (node.isString()) {
            return MAPPER.getNodeFactory().stringNode(SafeText.neutralise(node.asString()));
        }
        return node;
    }

    static ObjectNode tree(Consolidation c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("period", c.period().toString());
        root.put("asOf", c.asOf().toString());
        root.put("title", c.title());
        root.put("completedMeans", c.completion().code());
        Optional<SkippedNotice> notice = SkippedNotice.of(c);
        if (notice.isPresent()) {
            root.putObject("incomplete").put("skippedFiles", notice.get().skipped()).put("readFiles", notice.get().read())
                    .put("message", notice.get().text());
        } else {
            root.putNull("incomplete");
        }
        figures(root, c.headline(), c.completion());
        ArrayNode missing = ((ObjectNode) root.get("submissions")).putArray("missingUnits");
        c.byUnit().stream().filter(u -> u.expected() && !u.submitted()).forEach(u -> missing.add(u.unit().code()));
        ArrayNode categories = root.putArray("byCategory");
        for (CategoryFigures category : c.byCategory()) {
            ObjectNode node = categories.addObject().put("name", category.name());
            problems(node, category.problems(), c.completion());
            tasks(node, category.tasks(), c.completion());
        }
        ArrayNode groups = root.putArray("byGroup");
        for (GroupFigures group : c.byGroup()) {
            ObjectNode node = groups.addObject().put("name", group.name()).put("units", group.units())
                    .put("expected", group.expected()).put("submitted", group.submitted());
            tasks(node, group.tasks(), c.completion());
        }
        ArrayNode units = root.putArray("byUnit");
        for (UnitFigures unit : c.byUnit()) {
            ObjectNode node = units.addObject().put("code", unit.unit().code()).put("name", unit.unit().name())
                    .put("group", unit.unit().group()).put("submitted", unit.submitted())
                    .put("expected", unit.expected()).put("late", unit.late());
            tasks(node, unit.tasks(), c.completion());
        }
        ArrayNode points = root.putArray("byFeedbackPoint");
        for (FeedbackPointFigures point : c.byFeedbackPoint()) {
            ObjectNode node = points.addObject().put("category", point.category()).put("name", point.name());
            problems(node, point.problems(), c.completion());
            tasks(node, point.tasks(), c.completion());
        }
        ArrayNode trend = root.putArray("trend");
        for (PeriodFigures period : c.trend()) {
            figures(trend.addObject().put("period", period.period().toString()), period, c.completion());
        }
        return root;
    }

    private static void figures(ObjectNode node, PeriodFigures f, Completion completion) {
        problems(node, f.problems(), completion);
        tasks(node, f.tasks(), completion);
        AccountabilityCount a = f.accountability();
        node.putObject("accountability").put("caseFiled", a.caseFiled()).put("disciplined", a.disciplined())
                .put("admonished", a.admonished()).put("organizational", a.organizational());
        InstitutionCount i = f.institutions();
        node.putObject("institutions").put("created", i.created()).put("revised", i.revised());
        SubmissionCount s = f.submissions();
        node.putObject("submissions").put("expected", s.expected()).put("accepted", s.accepted())
                .put("missing", s.missing()).put("late", s.late()).put("rejectedFiles", s.rejectedFiles());
        ExceptionCount e = f.exceptions();
        ObjectNode exceptions = node.putObject("exceptions").put("error", e.error()).put("warning", e.warning())
                .put("info", e.info());
        ObjectNode byRule = exceptions.putObject("byRule");
        e.byRule().forEach((rule, count) -> byRule.put(rule.code(), count));
    }

    /** {@code completed} as rectify.completed-means counts it; {@code reported} and {@code signedOff} whatever it says. */
    private static void problems(ObjectNode node, ProblemCount p, Completion completion) {
        node.putObject("problems").put("total", p.total()).put("completed", completion.problems(p))
                .put("reported", p.completed()).put("signedOff", p.signedOff());
    }

    /**
     * {@code completed} as rectify.completed-means counts it; {@code reported} the tasks 已完成 as the units
     * reported them, of which {@code awaitingSignOff} are 待销号 and {@code signedOff} 已销号.
     */
    private static void tasks(ObjectNode node, TaskCount t, Completion completion) {
        node.putObject("tasks").put("total", t.total()).put("completed", completion.tasks(t))
                .put("inProgress", t.inProgress()).put("notStarted", t.notStarted())
                .put("overdue", t.overdue()).put("dueSoon", t.dueSoon())
                .put("reported", t.completed()).put("awaitingSignOff", t.awaitingSignOff()).put("signedOff", t.signedOff());
    }
}
