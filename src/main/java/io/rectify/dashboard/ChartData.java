package io.rectify.dashboard;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.TaskCount;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.TaskStatus;
import io.rectify.standing.GroupStanding;
import io.rectify.standing.Standings;
import io.rectify.standing.UnitStanding;
import io.rectify.workbook.SafeText;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the charts draw, as the JSON object dashboard.js reads. Keys in a fixed order, lists in
 * standing or ledger order: the same consolidation gives the same text. Names are neutralised as in
 * every other output ({@link SafeText}).
 */
final class ChartData {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ChartData() {
    }

    /** The JSON, safe to place inside a {@code <script>} element whatever its strings hold. */
    static String script(Consolidation c, Standings standings) {
        return scriptSafe(MAPPER.writeValueAsString(tree(c, standings)));
    }

    /**
     * '<', '>' and '&' only occur inside JSON strings, where their \\u escapes mean the same: no
     * {@code </script>} or {@code <!--} can end or bend the script element. U+2028 and U+2029 end a
     * line in older JavaScript.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static ObjectNode tree(Consolidation c, Standings standings) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode words = root.putObject("words");
        words.put("completed", TaskStatus.COMPLETED.word());
        words.put("inProgress", TaskStatus.IN_PROGRESS.word());
        words.put("notStarted", TaskStatus.NOT_STARTED.word());
        words.put("overdue", Rule.OVERDUE.title());
        words.put("headline", c.completion().word());

        ArrayNode groups = root.putArray("groups");
        for (GroupStanding g : standings.groups()) {
            ObjectNode group = groups.addObject();
            group.put("name", SafeText.neutralise(g.group().name()));
            group.put("light", g.light().name().toLowerCase());
            group.put("rate", percent(g.group().tasks()));
            counts(group, g.group().tasks());
        }

        ObjectNode status = root.putObject("status");
        status.put("rate", percent(c.headline().tasks()));
        counts(status, c.headline().tasks());

        ArrayNode trend = root.putArray("trend");
        for (PeriodFigures f : c.trend()) {
            ObjectNode period = trend.addObject();
            period.put("period", Periods.text(f.period()));
            period.put("completed", c.completion().tasks(f.tasks()));
            period.put("overdue", f.tasks().overdue());
        }

        ArrayNode groupUnits = root.putArray("groupUnits");
        for (String name : c.groups()) {
            List<UnitStanding> members = withTasks(standings.unitsOf(name));
            if (members.isEmpty()) {
                continue;
            }
            ObjectNode group = groupUnits.addObject();
            group.put("group", SafeText.neutralise(name));
            ArrayNode units = group.putArray("units");
            for (UnitStanding s : members) {
                ObjectNode unit = units.addObject();
                unit.put("name", SafeText.neutralise(s.unit().unit().name()));
                unit.put("light", s.light().name().toLowerCase());
                counts(unit, s.unit().tasks());
            }
        }
        return root;
    }

    /** The units that lead tasks: a unit without any has nothing to draw. */
    private static List<UnitStanding> withTasks(List<UnitStanding> units) {
        return units.stream().filter(s -> s.unit().tasks().total() > 0).toList();
    }

    private static void counts(ObjectNode node, TaskCount tasks) {
        node.put("total", tasks.total());
        node.put("completed", tasks.completed());
        node.put("inProgress", tasks.inProgress());
        node.put("notStarted", tasks.notStarted());
        node.put("overdue", tasks.overdue());
    }

    /** The completion rate in percent with one decimal, as the tables print it. */
    private static double percent(TaskCount tasks) {
        return Math.round(tasks.rate() * 1000) / 10.0;
    }
}
