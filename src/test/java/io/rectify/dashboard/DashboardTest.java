package io.rectify.dashboard;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ConsolidatedMarch;
import io.rectify.consolidate.ReconciledFixture;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.Unit;
import io.rectify.report.ReportWriter;
import io.rectify.standing.Standings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DashboardTest extends ConsolidatedMarch {

    /** Markup a unit could type as its name or a message; the page must show it as text. */
    static final String HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)><!--";

    @Autowired
    ReportWriter writer;

    Consolidation march;
    String page;

    @BeforeEach
    void writeMarch() throws IOException {
        if (ledgers.currentVersion().isEmpty()) {
            Ledger ledger = ReconciledFixture.ledger();
            List<Unit> units = ledger.units().stream()
                    .map(u -> u.code().equals("U02") ? new Unit("U02", "区财政局" + HOSTILE, u.group(), null, null) : u)
                    .toList();
            ledgers.replace(new Ledger(ledger.info(), ledger.groups(), units, ledger.categories(), ledger.feedbackPoints(),
                    ledger.problems(), ledger.tasks()), "hostile-ledger", "master/台账.xlsx", Instant.parse("2024-02-01T00:00:00Z"), null);
        }
        storeFixture();
        jdbc.update("""
                INSERT INTO rule_exception (period, seq, rule, severity, group_name, unit_code, unit_name, task_code,
                    file, sheet, excel_row, col, cell_value, message)
                VALUES ('2024-03', 100, 'invalid-status', 'error', '第一督查组', 'U02', ?, 'T02', 'U02/财政局-v2.xlsx',
                    '整改进展', 5, 'B', ?, ?)""", "区财政局" + HOSTILE, HOSTILE, "整改状态无效：" + HOSTILE);
        march = consolidator.consolidate(MARCH, AS_OF);
        page = page(march);
    }

    private static String page(Consolidation c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Dashboard.write(c, new Links("汇总统计.xlsx", "异常清单.xlsx", "通报.txt", "回执",
                unit -> "回执/" + unit.fileStem(c.period()) + "-回执.xlsx", Optional.empty()), Optional.empty(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void markupInNamesAndMessagesStaysText() {
        assertThat(count(page, "</script>")).as("only the page's own three scripts close").isEqualTo(3);
        assertThat(count(page, "<script")).isEqualTo(3);
        assertThat(withoutScripts(page)).doesNotContain("<img", "<!--");
        assertThat(dataText(page)).doesNotContain("<", ">");
        assertThat(page).contains("<td>U02 区财政局&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&lt;!--</td>",
                "整改状态无效：&lt;/script&gt;");

        JsonNode data = data(page);
        assertThat(data.get("groupUnits").get(0).get("units")).extracting(u -> u.get("name").asString())
                .contains("区财政局" + HOSTILE);
    }

    @Test
    void theSameConsolidationGivesTheSameBytes() throws IOException {
        assertThat(page(consolidator.consolidate(MARCH, AS_OF))).isEqualTo(page);
    }

    @Test
    void nothingOutsideThePageIsLoaded() {
        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                + "script-src &#39;unsafe-inline&#39;; style-src &#39;unsafe-inline&#39;; img-src data:;");
        assertThat(withoutScripts(page)).doesNotContainPattern("(?i)<[^>]*\\ssrc\\s*=").doesNotContainPattern("(?i)<link")
                .doesNotContainPattern("(?i)url\\(").doesNotContainPattern("(?i)@import")
                .doesNotContainPattern("(?i)href=\"(https?:|//|file:)");
        assertThat(page).contains("echarts", "<script type=\"application/json\" id=\"dashboard-data\">")
                .doesNotContain("class=\"warning\"");
    }

    @Test
    void unitsAreListedWorstFirstWithTheirLightsAndCarriedForwardMarked() {
        Standings standings = Standings.of(march);
        List<String> rows = rows(page, "unit-table");

        assertThat(rows).hasSize(standings.units().size());
        for (int i = 0; i < rows.size(); i++) {
            var s = standings.units().get(i);
            assertThat(rows.get(i)).contains("<td class=\"num\">" + s.rank() + "</td>",
                    "data-light=\"" + s.light().name() + "\">" + s.light().word() + "</span>",
                    "<td>" + s.unit().unit().code() + " ");
        }
        assertThat(rows.get(0)).startsWith("<tr class=\"carried\">").contains("U03 区教育局", "沿用上期",
                "本期报送未采纳，状态沿用此前报送；逾期未完成1条");
    }

    @Test
    void exceptionsListErrorsFirst() {
        List<String> severities = new ArrayList<>();
        Matcher m = Pattern.compile("<td data-key=\"\\d\" class=\"severity \\w+\">(..)</td>").matcher(page);
        while (m.find()) {
            severities.add(m.group(1));
        }
        assertThat(severities).hasSize(march.exceptions().size());
        assertThat(String.join("", severities)).matches("(错误)+(警告)+(提示)+");
    }

    @Test
    void headlineSaysTheChangeSinceTheLastPeriod() {
        assertThat(page).contains("<div class=\"label\">整改措施完成</div><div class=\"value\">2 <small>/ 5条</small></div>"
                + "<div class=\"detail\">完成率 40.0%</div><div class=\"change better\">较2024年2月增加1条</div>");
        assertThat(page).contains("<div class=\"label\">逾期未完成</div><div class=\"value\">1 <small>条</small></div>");
    }

    @Test
    void linksOpenTheOtherOutputsOfTheFolder() throws IOException {
        Path folder = writer.write(march, root.resolve("output")).folder();
        String written = Files.readString(folder.resolve(ReportWriter.DASHBOARD));
        List<String> targets = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"([^\"#][^\"]*)\"").matcher(written);
        while (m.find()) {
            targets.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        }

        assertThat(targets).contains("汇总统计.xlsx", "异常清单.xlsx", "通报.txt", "回执/", "督办单/",
                "回执/" + ReportWriter.receiptFile(march.byUnit().get(0).unit(), MARCH));
        assertThat(targets).hasSize(5 + march.byUnit().size())
                .allSatisfy(target -> assertThat(folder.resolve(target)).exists());
    }

    private static int count(String text, String part) {
        return text.toLowerCase().split(Pattern.quote(part), -1).length - 1;
    }

    private static String withoutScripts(String page) {
        return page.replaceAll("(?s)<script[^>]*>.*?</script>", "<script></script>");
    }

    private static String dataText(String page) {
        Matcher m = Pattern.compile("(?s)<script type=\"application/json\" id=\"dashboard-data\">(.*?)</script>").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static JsonNode data(String page) {
        return JsonMapper.builder().build().readTree(dataText(page));
    }

    private static List<String> rows(String page, String table) {
        Matcher body = Pattern.compile("(?s)id=\"" + table + "\">.*?<tbody>(.*?)</tbody>").matcher(page);
        assertThat(body.find()).isTrue();
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?s)<tr.*?</tr>").matcher(body.group(1));
        while (row.find()) {
            rows.add(row.group());
        }
        return rows;
    }
}
