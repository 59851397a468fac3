package io.rectify.sample;

import io.rectify.ledger.Category;
import io.rectify.ledger.Deadline;
import io.rectify.ledger.FeedbackPoint;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerInfo;
import io.rectify.ledger.Problem;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample master ledger of the reference case (the seed bulletin: 闵行区, 十二届市委第二轮巡视):
 * 4 categories, 13 feedback points, 79 problems, 427 tasks, 54 units in 5 supervision groups.
 * Written from {@code sample/ledger.txt} and {@code sample/units.txt}; problem codes P01…P79,
 * task codes {@code <problem>-01}…, unit codes U01…U54. Deadlines not given in the text are spread
 * by {@link SampleDeadlines}. The same resources always give the same ledger.
 */
public final class SampleLedger {

    public static final String TITLE = "十二届市委第二轮巡视集中整改";
    public static final LocalDate FEEDBACK_DATE = LocalDate.of(2023, 8, 29);
    public static final int CUTOFF_DAY = 5;
    public static final LocalDate FIRST_DEADLINE = SampleDeadlines.FIRST_MONTH.atEndOfMonth();
    public static final LocalDate LAST_DEADLINE = SampleDeadlines.LAST_MONTH.atEndOfMonth();

    /**
     * The 9 tasks still not done after the 2024-03 returns (the bulletin: 418 of 427 measures
     * done): the tail of the first-round 城中村 projects, the 空壳村 dissolution and the land-use
     * change left over from the previous inspection. All are due after March 2024 or 长期坚持.
     */
    public static final List<String> UNFINISHED_TASKS = List.of(
            "P22-03", "P22-04", "P22-05",
            "P74-02", "P74-03", "P74-04",
            "P79-02", "P79-03", "P79-04");
    /** The problems of {@link #UNFINISHED_TASKS}: 76 of the 79 problems are rectified by 2024-03. */
    public static final List<String> UNFINISHED_PROBLEMS = List.of("P22", "P74", "P79");

    static final String RESOURCE = "ledger.txt";

    private static final String CATEGORY = "方面：";
    private static final String FEEDBACK_POINT = "反馈问题：";
    private static final String PROBLEM = "问题：";
    private static final Pattern TASK = Pattern.compile("- ([^（：]+)(?:（([^）]*)）)?：(.+)");
    private static final String COOPERATORS = "配合：";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final SampleUnits units = new SampleUnits();
    private final List<Category> categories = new ArrayList<>();
    private final List<FeedbackPoint> points = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private int tasksOfProblem;

    private SampleLedger() {
    }

    public static Ledger ledger() {
        SampleLedger sample = new SampleLedger();
        for (SampleText.Line line : SampleText.lines(RESOURCE)) {
            sample.read(line);
        }
        return new Ledger(new LedgerInfo(TITLE, FEEDBACK_DATE, CUTOFF_DAY), sample.units.groups(),
                sample.units.units(), List.copyOf(sample.categories), List.copyOf(sample.points),
                List.copyOf(sample.problems), List.copyOf(sample.tasks));
    }

    private void read(SampleText.Line line) {
        String text = line.text();
        if (text.startsWith(CATEGORY)) {
            categories.add(new Category(categories.size() + 1, text.substring(CATEGORY.length())));
        } else if (text.startsWith(FEEDBACK_POINT)) {
            requireStarted(categories, line);
            points.add(new FeedbackPoint(points.size() + 1, categories.size(), text.substring(FEEDBACK_POINT.length())));
        } else if (text.startsWith(PROBLEM)) {
            requireStarted(points, line);
            problems.add(new Problem("P%02d".formatted(problems.size() + 1), categories.size(), points.size(),
                    text.substring(PROBLEM.length())));
            tasksOfProblem = 0;
        } else {
            requireStarted(problems, line);
            readTasks(line);
        }
    }

    private void readTasks(SampleText.Line line) {
        Matcher match = TASK.matcher(line.text());
        if (!match.matches()) {
            throw line.error("expected - <lead>（<options>）：<measure>");
        }
        String problem = problems.get(problems.size() - 1).code();
        String measure = match.group(3).strip();
        List<Unit> cooperators = List.of();
        LocalDate deadline = SampleDeadlines.spread(problem, measure);
        for (String option : match.group(2) == null ? new String[0] : match.group(2).split("；")) {
            if (option.startsWith(COOPERATORS)) {
                cooperators = units.resolve(option.substring(COOPERATORS.length()), line);
            } else if (option.equals(Deadline.LONG_TERM)) {
                deadline = null;
            } else if (DATE.matcher(option).matches()) {
                deadline = LocalDate.parse(option);
            } else {
                throw line.error("unknown option " + option);
            }
        }
        for (Unit lead : units.resolve(match.group(1), line)) {
            if (cooperators.contains(lead)) {
                throw line.error(lead.name() + " both leads and cooperates");
            }
            tasksOfProblem++;
            tasks.add(new Task("%s-%02d".formatted(problem, tasksOfProblem), problem, measure, lead.code(),
                    deadline == null ? Deadline.NONE : Deadline.on(deadline),
                    cooperators.stream().map(Unit::code).toList()));
        }
    }

    private static void requireStarted(List<?> parents, SampleText.Line line) {
        if (parents.isEmpty()) {
            throw line.error("comes before the heading it belongs under");
        }
    }
}
