package io.rectify.dashboard;

import io.rectify.consolidate.Completion;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.GroupFigures;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.ProblemFigures;
import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.UnitFigures;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;
import io.rectify.standing.GroupStanding;
import io.rectify.standing.Light;
import io.rectify.standing.ProblemStanding;
import io.rectify.standing.Standings;
import io.rectify.standing.UnitStanding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * index.html (docs/OUTPUTS.md): one page that opens from the period folder in any browser without a
 * network. Everything it needs is inside it (styles, the chart library, the data), and its
 * Content-Security-Policy forbids loading anything else. What must be acted on comes first.
 */
public final class Dashboard {

    /** Nothing may be fetched: the page's own inline script and style, and data: images only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private Dashboard() {
    }

    /**
     * Writes the page to {@code out} in UTF-8; the same consolidation gives the same bytes.
     *
     * @param warning what every output of the period says first, when anything (a period read only in
     *                part), shown above everything else
     */
    public static void write(Consolidation c, Links links, Optional<String> warning, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            page(new Html(writer), c, links, warning);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    private static void page(Html html, Consolidation c, Links links, Optional<String> warning) {
        Standings standings = Standings.of(c);
        String heading = c.title() + " 整改工作看板";
        html.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .open("meta", "http-equiv", "Content-Security-Policy", "content", CONTENT_SECURITY_POLICY).raw("\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .element("title", heading + "（" + Periods.text(c.period()) + "）").raw("\n")
                .raw("<style>\n").raw(Assets.STYLE).raw("</style>\n</head>\n<body>\n");
        header(html, c, heading, links);
        warning.ifPresent(text -> html.element("p", text, "class", "warning"));
        actFirst(html, c, standings);
        headline(html, c);
        html.raw("<section id=\"charts\"><h2>图表</h2><div class=\"charts\">")
                .raw("<div class=\"chart\" id=\"chart-groups\"></div>")
                .raw("<div class=\"chart\" id=\"chart-status\"></div>")
                .raw("<div class=\"chart\" id=\"chart-trend\"></div>")
                .raw("</div><h3>各督查组单位整改进度</h3><div class=\"charts\" id=\"chart-group-units\"></div></section>\n");
        units(html, standings, links);
        groups(html, standings);
        problems(html, standings, c.completion());
        exceptions(html, c);
        html.raw("<footer>本页由整改台账汇总程序生成，数据截至").text(Periods.date(c.asOf()))
                .raw("，与同一文件夹中的汇总统计、异常清单一致。本页无需联网，可直接用浏览器打开。</footer>\n")
                .raw("<script type=\"application/json\" id=\"dashboard-data\">").raw(ChartData.script(c, standings))
                .raw("</script>\n<script>").raw(Assets.ECHARTS).raw("</script>\n<script>").raw(Assets.SCRIPT)
                .raw("</script>\n</body>\n</html>\n");
    }

    private static void header(Html html, Consolidation c, String heading, Links links) {
        html.raw("<header>").element("h1", heading)
                .element("p", Periods.text(c.period()) + " · 数据截至" + Periods.date(c.asOf()), "class", "period")
                .raw("<nav>本期文件：")
                .element("a", "汇总统计（Excel）", "href", Html.href(links.statistics()))
                .element("a", "异常清单（Excel）", "href", Html.href(links.exceptions()))
                .element("a", "各单位回执（文件夹）", "href", Html.href(links.receipts()) + "/");
        links.notices().ifPresent(notices -> html.element("a", "督办单（文件夹）", "href", Html.href(notices) + "/"));
        html.element("a", "通报（文本）", "href", Html.href(links.bulletin())).raw("</nav></header>\n");
    }

    /** The few things to act on, each with its count and whom it concerns. */
    private static void actFirst(Html html, Consolidation c, Standings standings) {
        PeriodFigures f = c.headline();
        List<UnitStanding> red = standings.units().stream().filter(s -> s.light() == Light.RED).toList();
        List<UnitStanding> missing = standings.units().stream().filter(UnitStanding::carriedForward).toList();
        List<UnitStanding> overdue = standings.units().stream().filter(s -> s.unit().tasks().overdue() > 0).toList();
        long open = c.byProblem().stream().filter(p -> !p.done(c.completion())).count();
        html.raw("<section id=\"first\"><h2>须优先处理</h2><ul class=\"first\">");
        if (f.tasks().overdue() > 0) {
            item(html, "red", Rule.OVERDUE.title() + "的整改措施" + f.tasks().overdue() + "条，涉及" + overdue.size() + "个单位："
                    + names(overdue), "#units");
        }
        if (!missing.isEmpty()) {
            item(html, "red", "本期" + Rule.MISSING_RETURN.title() + "的单位" + missing.size() + "个（" + UnitStanding.CARRIED_FORWARD + "）："
                    + names(missing), "#units");
        }
        if (!red.isEmpty()) {
            item(html, "red", "亮红灯的单位" + red.size() + "个：" + names(red), "#units");
        }
        if (f.tasks().dueSoon() > 0) {
            item(html, "yellow", Rule.DUE_SOON.title() + "的整改措施" + f.tasks().dueSoon() + "条", "#units");
        }
        int sentBack = f.exceptions().byRule().getOrDefault(Rule.SIGNOFF_RETURNED, 0)
                + f.exceptions().byRule().getOrDefault(Rule.RECHECK_FAILED, 0);
        if (sentBack > 0) {
            item(html, "yellow", Rule.SIGNOFF_RETURNED.title() + "或" + Rule.RECHECK_FAILED.title() + "的整改措施" + sentBack
                    + "条（已按" + TaskStatus.IN_PROGRESS.word() + "统计，须由单位整改后重新报为" + TaskStatus.COMPLETED.word() + "）",
                    "#exceptions");
        }
        if (f.exceptions().error() > 0) {
            item(html, "yellow", "异常清单中" + Severity.ERROR.label() + f.exceptions().error() + "条，须由单位更正或补报",
                    "#exceptions");
        }
        if (open > 0) {
            item(html, "yellow", c.completion().notDoneWord() + "的问题" + open + "项", "#problems");
        }
        if (f.tasks().overdue() == 0 && missing.isEmpty() && red.isEmpty() && f.tasks().dueSoon() == 0
                && f.exceptions().error() == 0 && open == 0) {
            html.raw("<li class=\"none\">本期没有须优先处理的事项。</li>");
        }
        html.raw("</ul></section>\n");
    }

    private static void item(Html html, String light, String text, String target) {
        html.raw("<li>").element("span", "", "class", "dot " + light).text(text).raw(" ")
                .element("a", "查看", "href", target).raw("</li>");
    }

    private static String names(List<UnitStanding> units) {
        return String.join("、", units.stream().map(s -> s.unit().unit().name()).toList());
    }

    private record Card(String label, String value, String of, String detail, ToIntFunction<PeriodFigures> compared,
                        String counter, boolean moreIsBetter) {
    }

    /**
     * The headline cards: problems and tasks done as rectify.completed-means counts them, then the other kind
     * (signed off, or as reported) with what awaits sign-off, then what lags.
     */
    private static void headline(Html html, Consolidation c) {
        PeriodFigures f = c.headline();
        Completion completion = c.completion();
        Optional<PeriodFigures> previous = c.trend().stream().filter(t -> t.period().isBefore(c.period()))
                .max(Comparator.comparing(PeriodFigures::period));
        String awaiting = SignOff.AWAITING.word() + " " + f.tasks().awaitingSignOff() + "条";
        Card other = completion.signedOff()
                ? new Card("整改措施" + TaskStatus.COMPLETED.word() + "（单位报告）", String.valueOf(f.tasks().completed()),
                        "/ " + f.tasks().total() + "条", "完成率 " + percent(f.tasks().rate()) + "，其中" + awaiting,
                        t -> t.tasks().completed(), "条", true)
                : new Card("整改措施" + SignOff.SIGNED_OFF.word(), String.valueOf(f.tasks().signedOff()),
                        "/ " + f.tasks().total() + "条", "销号率 " + percent(f.tasks().signedOffRate()) + "，" + awaiting,
                        t -> t.tasks().signedOff(), "条", true);
        List<Card> cards = List.of(
                new Card(completion.signedOff() ? "问题销号" : "问题整改", String.valueOf(completion.problems(f.problems())),
                        "/ " + f.problems().total() + "项", (completion.signedOff() ? "销号率 " : "整改率 ")
                        + percent(completion.problemRate(f.problems())), t -> completion.problems(t.problems()), "项", true),
                new Card(completion.signedOff() ? "整改措施销号" : "整改措施完成", String.valueOf(completion.tasks(f.tasks())),
                        "/ " + f.tasks().total() + "条", (completion.signedOff() ? "销号率 " : "完成率 ")
                        + percent(completion.taskRate(f.tasks())), t -> completion.tasks(t.tasks()), "条", true),
                other,
                new Card(Rule.OVERDUE.title(), String.valueOf(f.tasks().overdue()), "条", "完成时限已过仍未完成",
                        t -> t.tasks().overdue(), "条", false),
                new Card(Rule.DUE_SOON.title(), String.valueOf(f.tasks().dueSoon()), "条", "完成时限将至且未完成",
                        t -> t.tasks().dueSoon(), "条", false),
                new Card("已报送单位", String.valueOf(f.submissions().accepted()), "/ " + f.submissions().expected() + "个",
                        Rule.MISSING_RETURN.title() + " " + f.submissions().missing() + "个，" + Rule.LATE_SUBMISSION.title()
                                + " " + f.submissions().late() + "个", t -> t.submissions().accepted(), "个", true),
                new Card("异常" + Severity.ERROR.label(), String.valueOf(f.exceptions().error()), "条",
                        Severity.WARNING.label() + " " + f.exceptions().warning() + "条，" + Severity.INFO.label() + " "
                                + f.exceptions().info() + "条", t -> t.exceptions().error(), "条", false));
        html.raw("<section id=\"headline\"><h2>总体情况</h2><div class=\"cards\">");
        for (Card card : cards) {
            html.raw("<div class=\"card\">").element("div", card.label(), "class", "label")
                    .raw("<div class=\"value\">").text(card.value()).raw(" ").element("small", card.of()).raw("</div>")
                    .element("div", card.detail(), "class", "detail");
            change(html, card, f, previous);
            html.raw("</div>");
        }
        html.raw("</div></section>\n");
    }

    /** 环比: the change since the previous processed period, green when it is for the better. */
    private static void change(Html html, Card card, PeriodFigures now, Optional<PeriodFigures> previous) {
        if (previous.isEmpty()) {
            html.element("div", "无上期数据", "class", "change");
            return;
        }
        int delta = card.compared().applyAsInt(now) - card.compared().applyAsInt(previous.get());
        String since = "较" + Periods.text(previous.get().period());
        if (delta == 0) {
            html.element("div", since + "持平", "class", "change");
        } else {
            boolean better = (delta > 0) == card.moreIsBetter();
            html.element("div", since + (delta > 0 ? "增加" : "减少") + Math.abs(delta) + card.counter(),
                    "class", "change " + (better ? "better" : "worse"));
        }
    }

    private static void units(Html html, Standings standings, Links links) {
        html.raw("<section id=\"units\"><h2>单位排名（最落后的在前）</h2>")
                .raw("<table class=\"ranked\" id=\"unit-table\"><thead><tr><th>排名</th><th>红绿灯</th><th>单位</th>"
                        + "<th>督查组</th><th>牵头措施</th><th>已完成</th><th>" + SignOff.SIGNED_OFF.word() + "</th><th>"
                        + Rule.OVERDUE.title() + "</th><th>" + Rule.DUE_SOON.title() + "</th><th>完成率</th><th>本期报送</th><th>亮灯原因</th><th>回执</th></tr>"
                        + "</thead><tbody>");
        for (UnitStanding s : standings.units()) {
            UnitFigures u = s.unit();
            html.raw(s.carriedForward() ? "<tr class=\"carried\">" : "<tr>");
            html.element("td", String.valueOf(s.rank()), "class", "num");
            light(html, s.light());
            html.element("td", u.unit().code() + " " + u.unit().name());
            html.element("td", u.unit().group());
            taskCells(html, u.tasks());
            html.raw("<td class=\"num\">").text(u.tasks().total() == 0 ? "—" : percent(u.tasks().rate()));
            if (s.carriedForward()) {
                html.element("span", "沿用上期", "class", "tag");
            }
            html.raw("</td>");
            html.element("td", submission(u));
            html.element("td", String.join("；", s.reasons()));
            html.raw("<td>").element("a", "回执", "href", Html.href(links.receipt().apply(u.unit()))).raw("</td>");
            html.raw("</tr>");
        }
        html.raw("</tbody></table></section>\n");
    }

    private static String submission(UnitFigures u) {
        if (!u.expected()) {
            return "无需报送";
        }
        if (!u.submitted()) {
            return Rule.MISSING_RETURN.title() + "（" + UnitStanding.CARRIED_FORWARD + "）";
        }
        return u.late() ? Rule.LATE_SUBMISSION.title() : "已报送";
    }

    private static void groups(Html html, Standings standings) {
        html.raw("<section id=\"groups\"><h2>督查组</h2>")
                .raw("<table class=\"ranked\" id=\"group-table\"><thead><tr><th>排名</th><th>红绿灯</th><th>督查组</th>"
                        + "<th>已报送 / 应报送单位</th><th>牵头措施</th><th>已完成</th><th>" + SignOff.SIGNED_OFF.word()
                        + "</th><th>" + Rule.OVERDUE.title() + "</th><th>" + Rule.DUE_SOON.title()
                        + "</th><th>完成率</th><th>亮灯原因</th></tr></thead><tbody>");
        for (GroupStanding s : standings.groups()) {
            GroupFigures g = s.group();
            html.raw("<tr>").element("td", String.valueOf(s.rank()), "class", "num");
            light(html, s.light());
            html.element("td", g.name()).element("td", g.submitted() + " / " + g.expected(), "class", "num");
            taskCells(html, g.tasks());
            html.element("td", percent(g.tasks().rate()), "class", "num")
                    .element("td", String.join("；", s.reasons())).raw("</tr>");
        }
        html.raw("</tbody></table></section>\n");
    }

    private static void problems(Html html, Standings standings, Completion completion) {
        List<ProblemStanding> open = standings.problems().stream().filter(s -> !s.problem().done(completion)).toList();
        html.raw("<section id=\"problems\"><h2>" + completion.notDoneWord() + "的问题（" + open.size() + "项，最落后的在前）</h2>");
        if (open.isEmpty()) {
            html.raw("<p>全部问题" + completion.problemWord() + "。</p></section>\n");
            return;
        }
        html.raw("<table class=\"ranked\" id=\"problem-table\"><thead><tr><th>序号</th><th>红绿灯</th><th>编号</th>"
                + "<th>问题</th><th>方面</th><th>已完成 / 措施</th><th>" + SignOff.SIGNED_OFF.word() + "</th><th>"
                + Rule.OVERDUE.title() + "</th><th>亮灯原因</th></tr></thead><tbody>");
        for (int i = 0; i < open.size(); i++) {
            ProblemStanding s = open.get(i);
            ProblemFigures p = s.problem();
            html.raw("<tr>").element("td", String.valueOf(i + 1), "class", "num");
            light(html, s.light());
            html.element("td", p.code()).element("td", p.description()).element("td", p.category())
                    .element("td", p.tasks().completed() + " / " + p.tasks().total(), "class", "num")
                    .element("td", String.valueOf(p.tasks().signedOff()), "class", "num")
                    .element("td", String.valueOf(p.tasks().overdue()), "class", "num")
                    .element("td", String.join("；", s.reasons())).raw("</tr>");
        }
        html.raw("</tbody></table></section>\n");
    }

    /** Every exception, errors first; the script filters the rows by the search box and sorts on a header click. */
    private static void exceptions(Html html, Consolidation c) {
        List<ExceptionEntry> entries = c.exceptions().stream()
                .sorted(Comparator.comparing(ExceptionEntry::severity)).toList();
        html.raw("<section id=\"exceptions\"><h2>异常清单（" + entries.size() + "条）</h2>")
                .raw("<div class=\"search\"><input type=\"search\" id=\"exception-search\" "
                        + "placeholder=\"输入单位、任务、规则或说明中的文字筛选\" aria-label=\"筛选异常\">")
                .raw("<span id=\"exception-count\"></span><span class=\"hint\">点击表头可排序</span></div>")
                .raw("<table class=\"sortable\" id=\"exception-table\"><thead><tr><th>严重程度</th><th>规则</th><th>督查组</th>"
                        + "<th>单位</th><th>任务</th><th>说明</th><th>填报值</th><th>位置</th></tr></thead><tbody>");
        for (ExceptionEntry e : entries) {
            html.raw("<tr>").open("td", "data-key", String.valueOf(e.severity().ordinal()), "class",
                    "severity " + e.severity().code()).text(e.severity().label()).close("td");
            html.element("td", e.rule().title())
                    .element("td", e.group())
                    .element("td", e.unitCode() == null ? "" : e.unitCode() + " " + nonNull(e.unitName()))
                    .element("td", e.taskCode())
                    .element("td", e.message())
                    .element("td", e.value())
                    .element("td", location(e)).raw("</tr>");
        }
        html.raw("</tbody></table></section>\n");
    }

    private static String location(ExceptionEntry e) {
        StringBuilder where = new StringBuilder(nonNull(e.file()));
        if (e.sheet() != null) {
            where.append(where.isEmpty() ? "" : " ").append("工作表“").append(e.sheet()).append('”');
        }
        if (e.row() != null) {
            where.append(" ").append(e.column() == null ? "第" + e.row() + "行" : e.column() + e.row());
        }
        return where.toString();
    }

    private static void light(Html html, Light light) {
        html.raw("<td>").element("span", light.word(), "class", "light " + light.name().toLowerCase(),
                "data-light", light.name()).raw("</td>");
    }

    private static void taskCells(Html html, TaskCount t) {
        html.element("td", String.valueOf(t.total()), "class", "num")
                .element("td", String.valueOf(t.completed()), "class", "num")
                .element("td", String.valueOf(t.signedOff()), "class", "num")
                .element("td", String.valueOf(t.overdue()), "class", t.overdue() > 0 ? "num bad" : "num")
                .element("td", String.valueOf(t.dueSoon()), "class", "num");
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
