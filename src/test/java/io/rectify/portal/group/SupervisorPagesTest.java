package io.rectify.portal.group;

import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.rectify.NightlyFixture;
import io.rectify.cli.CommandRunner;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.Consolidator;
import io.rectify.ops.CommandLine;
import io.rectify.portal.PortalTestContext;
import io.rectify.report.ReportWriter;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import io.rectify.run.Console;
import io.rectify.standing.Standings;
import io.rectify.standing.UnitStanding;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The supervisor's pages on a real H2 file database after real nightly runs (February, then March) on the small
 * standard ledger: 第一督查组 has U01 and U02; U02 sent nothing for March (red, its statuses carried forward) but
 * has since uploaded a return through the portal, and U01's March return has a row with an invalid status.
 */
class SupervisorPagesTest extends PortalTestContext {

    private static final String GROUP = SUPERVISOR;
    private static final YearMonth MARCH = YearMonth.of(2024, 3);
    private static boolean ran;

    @Autowired
    CommandRunner runner;
    @Autowired
    Consolidator consolidator;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void twoNights() throws IOException {
        if (ran) {
            return;
        }
        Path input = root.resolve("input");
        NightlyFixture.standard(input);
        Path march = input.resolve("returns/2024-03");
        NightlyFixture.write(march.resolve("U01 区发展改革委.xlsx"), NightlyFixture.unitReturn("U01", "区发展改革委",
                "2024-03", LocalDate.of(2024, 4, 3),
                row("T01", "已完成", LocalDate.of(2024, 3, 10), "实施意见已印发", "区发改〔2024〕5号"),
                row("T06", "差不多了", null, "开展回头看")));
        Files.delete(march.resolve("U02.xlsx"));
        NightlyFixture.dateEverything(input);
        nightly("2024-02");
        nightly("2024-03");
        upload("U02", "2024-03/U02-20240403-101500-000.xlsx");
        upload("U01", "2024-03/U01 区发展改革委.xlsx");
        ran = true;
    }

    private void nightly(String period) {
        try (Console console = Console.capture()) {
            int status = runner.run(CommandLine.parse("nightly", "--period=" + period, "--input=" + root.resolve("input"),
                    "--output=" + root.resolve("output"), "--data=" + root.resolve("data")));
            assertThat(status).as(console.out() + console.err()).isZero();
        }
    }

    /** An accepted upload through the portal, stored as {@code storedAs} under input/returns. */
    private void upload(String unit, String storedAs) {
        jdbc.update("""
                INSERT INTO upload (username, unit_code, period, original_name, stored_as, uploaded_at, accepted,
                                    errors, warnings, infos) VALUES (?, ?, '2024-03', 'x.xlsx', ?, ?, TRUE, 0, 0, 0)""",
                unit, unit, storedAs, Timestamp.from(Instant.parse("2024-04-03T02:15:00Z")));
    }

    private MvcResult page(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(who))).andExpect(status().isOk()).andReturn();
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    private Consolidation march() {
        return consolidator.consolidate(MARCH, MARCH.atEndOfMonth());
    }

    @Test
    void supervisorSeesOnlyTheUnitsOfTheGroup() throws Exception {
        MvcResult result = page(SUPERVISOR, get("/group"));
        GroupPage page = (GroupPage) result.getModelAndView().getModel().get("page");

        assertThat(page.units()).extracting(u -> u.unit().code()).containsExactlyInAnyOrder("U01", "U02");
        assertThat(html(result)).contains("区发展改革委", "区财政局").doesNotContain("区科委", "区教育局", "区民政局");
    }

    @Test
    void rankingLightsAndTaskCountsAreTheConsolidations() throws Exception {
        GroupPage page = (GroupPage) page(SUPERVISOR, get("/group")).getModelAndView().getModel().get("page");

        Standings standings = Standings.of(march());
        assertThat(page.heading().period()).isEqualTo(MARCH);
        assertThat(page.units()).extracting(UnitRow::standing).containsExactlyElementsOf(standings.unitsOf(GROUP));
        assertThat(page.standing()).isEqualTo(standings.groups().stream()
                .filter(g -> g.group().name().equals(GROUP)).findFirst().orElseThrow());
    }

    @Test
    void rankingAgreesWithTheStatisticsWorkbookOfThePeriod() throws Exception {
        String html = html(page(SUPERVISOR, get("/group")));

        Map<String, List<String>> byUnit = statisticsRows();
        for (String unit : List.of("U01", "U02")) {
            List<String> row = byUnit.get(unit);
            // 排名, 红绿灯, 单位代码, 单位名称 ... 原因 (last)
            assertThat(html).containsPattern("<td class=\"num\">" + row.get(0) + "</td>\\s*<td><span class=\"light light-\\w+\">"
                    + row.get(1) + "</span></td>\\s*<td class=\"unit\"><span class=\"code\">" + unit + "</span>");
            assertThat(html).contains("<td>" + row.get(row.size() - 1) + "</td>");
        }
    }

    /** 汇总统计.xlsx's 按单位 rows by unit code, each cell as shown. */
    private Map<String, List<String>> statisticsRows() throws Exception {
        DataFormatter format = new DataFormatter();
        try (InputStream in = Files.newInputStream(root.resolve("output/2024-03").resolve(ReportWriter.STATISTICS));
             Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheet("按单位");
            Map<String, List<String>> rows = new HashMap<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(format.formatCellValue(row.getCell(c)));
                }
                if (cells.size() > 2) {
                    rows.put(cells.get(2), cells);
                }
            }
            return rows;
        }
    }

    @Test
    void whatMustBeDoneFirstNamesTheRedAndTheMissingUnitWithItsContact() throws Exception {
        MvcResult result = page(SUPERVISOR, get("/group"));
        GroupPage page = (GroupPage) result.getModelAndView().getModel().get("page");

        assertThat(page.outstanding()).extracting(u -> u.unit().code()).containsExactly("U02");
        assertThat(page.red()).extracting(u -> u.unit().code()).contains("U02");
        String html = html(result);
        assertThat(html.indexOf("64120002")).as("U02's phone from the ledger, before the ranking")
                .isPositive().isLessThan(html.indexOf("本组单位排名"));
        assertThat(html).contains("李娜", UnitStanding.CARRIED_FORWARD);
    }

    @Test
    void anUploadTheNightlyHasNotReadYetShowsAsPending() throws Exception {
        GroupPage page = (GroupPage) page(SUPERVISOR, get("/group")).getModelAndView().getModel().get("page");

        Map<String, UnitRow> rows = page.units().stream().collect(Collectors.toMap(u -> u.unit().code(), Function.identity()));
        assertThat(rows.get("U02").pending()).isEqualTo(UnitRow.PENDING + "（4月3日 10:15）");
        assertThat(rows.get("U01").pendingUpload()).as("stored and read by March's nightly").isNull();
    }

    @Test
    void anEarlierStoredPeriodCanBeChosen() throws Exception {
        GroupPage page = (GroupPage) page(SUPERVISOR, get("/group").param("period", "2024-02"))
                .getModelAndView().getModel().get("page");

        YearMonth february = YearMonth.of(2024, 2);
        assertThat(page.heading().periods()).containsExactly(MARCH, february);
        assertThat(page.units()).extracting(UnitRow::standing).containsExactlyElementsOf(
                Standings.of(consolidator.consolidate(february, february.atEndOfMonth())).unitsOf(GROUP));
        assertThat(page.units()).extracting(UnitRow::pendingUpload).containsOnlyNulls();
    }

    @Test
    void anotherGroupIsRefusedToASupervisorAndTheRefusalLogged() throws Exception {
        for (String url : List.of("/group", "/group/exceptions", "/group/files/x.xlsx")) {
            mvc.perform(get(url).param("group", "第二督查组").with(as(SUPERVISOR))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForList("SELECT target FROM audit_event WHERE action = 'ACCESS_DENIED' AND username = ?"
                + " AND detail LIKE '%第二督查组'", String.class, GROUP))
                .hasSize(3).allMatch(target -> target.startsWith("GET /group"));
    }

    @Test
    void aUnitIsRefusedTheGroupPages() throws Exception {
        mvc.perform(get("/group").with(as(UNIT))).andExpect(status().isForbidden());
    }

    @Test
    void theOfficeChoosesAnyGroup() throws Exception {
        GroupPage page = (GroupPage) page(OFFICE, get("/group").param("group", "第二督查组"))
                .getModelAndView().getModel().get("page");
        assertThat(page.units()).extracting(u -> u.unit().code()).containsExactlyInAnyOrder("U03", "U04");

        String groups = html(page(OFFICE, get("/group")));
        assertThat(groups).contains("第一督查组", "第二督查组", "第三督查组");

        String theirs = page.files().files().stream().filter(f -> f.kind() == GroupFiles.Kind.RECEIPT)
                .findFirst().orElseThrow().name();
        assertThat(page(OFFICE, get("/group/files/{name}", theirs).param("group", "第二督查组"))
                .getResponse().getContentAsByteArray()).isNotEmpty();
    }

    @Test
    void exceptionsAreTheGroupsAndFilterByUnitRuleAndSeverity() throws Exception {
        List<ExceptionEntry> ours = march().exceptions().stream().filter(e -> GROUP.equals(e.group())).toList();
        GroupExceptions all = exceptions(get("/group/exceptions"));
        assertThat(all.shown()).containsExactlyInAnyOrderElementsOf(ours);

        assertThat(exceptions(get("/group/exceptions").param("unit", "U01")).shown())
                .isNotEmpty().allMatch(e -> e.unitCode().equals("U01"))
                .hasSize((int) ours.stream().filter(e -> "U01".equals(e.unitCode())).count());
        assertThat(exceptions(get("/group/exceptions").param("severity", "error")).shown())
                .isNotEmpty().allMatch(e -> e.severity() == Severity.ERROR);
        MvcResult invalid = page(SUPERVISOR, get("/group/exceptions").param("rule", Rule.INVALID_STATUS.code()));
        GroupExceptions status = (GroupExceptions) invalid.getModelAndView().getModel().get("page");
        assertThat(status.shown()).singleElement().satisfies(e -> assertThat(e.unitCode()).isEqualTo("U01"));
        ExceptionEntry e = status.shown().get(0);
        assertThat(html(invalid)).contains(Rule.INVALID_STATUS.title(), "差不多了", e.file(), e.sheet(),
                e.column() + e.row(), "共<b>1</b>条");
    }

    @Test
    void anUnknownFilterIsABadRequest() throws Exception {
        mvc.perform(get("/group/exceptions").param("severity", "fatal").with(as(SUPERVISOR)))
                .andExpect(status().isBadRequest());
    }

    private GroupExceptions exceptions(MockHttpServletRequestBuilder request) throws Exception {
        return (GroupExceptions) page(SUPERVISOR, request).getModelAndView().getModel().get("page");
    }

    @Test
    void aDownloadIsTheOutputFileItselfAndIsAudited() throws Exception {
        GroupPage page = (GroupPage) page(SUPERVISOR, get("/group")).getModelAndView().getModel().get("page");
        GroupFiles.GroupFile receipt = page.files().files().stream()
                .filter(f -> f.kind() == GroupFiles.Kind.RECEIPT && f.unit().code().equals("U01")).findFirst().orElseThrow();

        MvcResult download = page(SUPERVISOR, get("/group/files/{name}", receipt.name()));

        Path file = root.resolve("output/2024-03/" + ReportWriter.RECEIPTS).resolve(receipt.name());
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(Files.readAllBytes(file));
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment").contains("filename*=UTF-8''U01-%E5%8C%BA");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'DOWNLOAD' AND outcome = 'SUCCESS'"
                + " AND username = ? AND target = ?", Integer.class, GROUP, "2024-03/" + receipt.path())).isEqualTo(1);
    }

    @Test
    void theGroupsSignOffWorkbookIsOffered() throws Exception {
        GroupPage page = (GroupPage) page(SUPERVISOR, get("/group")).getModelAndView().getModel().get("page");

        assertThat(page.files().signOff()).get().extracting(GroupFiles.GroupFile::name).isEqualTo(GROUP + "-销号审核表.xlsx");
        byte[] bytes = page(SUPERVISOR, get("/group/files/{name}", GROUP + "-销号审核表.xlsx"))
                .getResponse().getContentAsByteArray();
        assertThat(bytes).isEqualTo(Files.readAllBytes(root.resolve("output/2024-03/销号审核/" + GROUP + "-销号审核表.xlsx")));
    }

    @Test
    void anotherGroupsFileOrAPathIsNotServed() throws Exception {
        String other = root.resolve("output/2024-03/" + ReportWriter.RECEIPTS).toFile().list((d, n) -> n.startsWith("U03-"))[0];
        for (String name : List.of(other, ReportWriter.STATISTICS, "第二督查组-销号审核表.xlsx")) {
            mvc.perform(get("/group/files/{name}", name).with(as(SUPERVISOR))).andExpect(status().isNotFound());
        }
        for (String path : List.of("/group/files/..%2F" + ReportWriter.STATISTICS, "/group/files/%2E%2E%2F%2E%2E%2Fdata")) {
            int answer = mvc.perform(get(URI.create(path)).with(as(SUPERVISOR))).andReturn().getResponse().getStatus();
            assertThat(answer).as(path).isIn(400, 403, 404);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'DOWNLOAD' AND outcome = 'REFUSED'"
                + " AND target = ?", Integer.class, "2024-03/" + other)).isEqualTo(1);
    }
}
