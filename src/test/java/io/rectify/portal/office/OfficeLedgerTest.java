package io.rectify.portal.office;

import static io.rectify.ledger.LedgerLayout.DEADLINE;
import static io.rectify.ledger.LedgerLayout.LEAD_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.rectify.NightlyFixture;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.ops.CommandLine;
import io.rectify.portal.PortalTestContext;
import io.rectify.run.JobRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/** /office/ledger: a new ledger is checked and its report shown; only a confirmed one without errors reaches input/master/. */
class OfficeLedgerTest extends PortalTestContext {

    @Autowired
    JobRuns jobRuns;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void officeInput() {
        NightlyFixture.standard(root.resolve("input"));
    }

    private Path master() {
        return root.resolve("input/master");
    }

    private static MockMultipartFile workbook(LedgerWorkbookFixture ledger, String name) throws Exception {
        Path file = ledger.write(Files.createTempDirectory(root, "sent").resolve(name));
        return new MockMultipartFile("file", name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Files.readAllBytes(file));
    }

    private void nightly() {
        jobRuns.run(CommandLine.parse("nightly", "--input=" + root.resolve("input"), "--output=" + root.resolve("output"),
                "--data=" + root.resolve("data"), "--period=2024-03"), Optional.empty());
    }

    private List<String> masterFiles() throws Exception {
        try (Stream<Path> files = Files.list(master())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> audited() {
        return jdbc.sql("SELECT outcome || ' ' || target FROM audit_event WHERE action = 'LEDGER_UPLOAD' ORDER BY id")
                .query(String.class).list();
    }

    @Test
    void aLedgerWithErrorsShowsEachErrorAndOffersNoConfirmation() throws Exception {
        LedgerWorkbookFixture broken = LedgerWorkbookFixture.standard();
        broken.tasks().set(3, DEADLINE, "六月底").set(5, LEAD_UNIT, "区不存在局");
        List<String> before = masterFiles();
        MockHttpSession session = new MockHttpSession();

        String page = mvc.perform(multipart("/office/ledger").file(workbook(broken, "新台账.xlsx")).session(session)
                        .with(as(OFFICE)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("台账校验未通过：新台账.xlsx 共 2 处错误，未启用")
                .contains("<td>任务清单</td>", "<td>六月底</td>", "完成时限无法识别")
                .contains("<td>区不存在局</td>", "牵头单位在责任单位表中不存在")
                .doesNotContain("/office/ledger/confirm");
        assertThat(session.getAttribute(LedgerController.PENDING)).isNull();
        mvc.perform(post("/office/ledger/confirm").session(session).with(as(OFFICE)).with(csrf()))
                .andExpect(redirectedUrl("/office/ledger"))
                .andExpect(flash().attribute("problem", "没有待启用的台账：请先上传台账，校验无误后再确认启用"));
        assertThat(masterFiles()).isEqualTo(before);
        assertThat(Files.list(root.resolve("data").resolve(LedgerUploads.UPLOADS))).isEmpty();
        assertThat(audited()).contains("FAILURE 新台账.xlsx");
    }

    @Test
    void aConfirmedLedgerReplacesTheOneInMasterAndTheNextNightlyImportsIt() throws Exception {
        nightly();
        assertThat(ledgers.counts().tasks()).isEqualTo(6);
        LedgerWorkbookFixture next = LedgerWorkbookFixture.standard();
        next.tasks().add("T07", "P02", "建立重大项目台账", "U01", "", "2024年6月30日");
        MockHttpSession session = new MockHttpSession();

        String page = mvc.perform(multipart("/office/ledger").file(workbook(next, "整改台账（4月修订）.xlsx")).session(session)
                        .with(as(OFFICE)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("台账校验通过：整改台账（4月修订）.xlsx", "<td>7条</td>", "<td>6条</td>",
                "新增整改措施1条：T07", "action=\"/office/ledger/confirm\"");
        assertThat(masterFiles()).containsExactly(LedgerWorkbookFixture.FILE_NAME);

        mvc.perform(post("/office/ledger/confirm").session(session).with(as(OFFICE)).with(csrf()))
                .andExpect(redirectedUrl("/office/ledger"))
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.startsWith("已启用新台账 整改台账（4月修订）.xlsx")));

        List<String> stored = masterFiles();
        assertThat(stored).singleElement().asString().matches("整改台账-\\d{8}-\\d{6}\\.xlsx");
        try (Stream<Path> kept = Files.list(root.resolve("data").resolve(LedgerUploads.HISTORY))) {
            assertThat(kept.map(f -> f.getFileName().toString())).singleElement().asString()
                    .endsWith("-" + LedgerWorkbookFixture.FILE_NAME);
        }
        assertThat(audited()).contains("SUCCESS 整改台账（4月修订）.xlsx");
        // the session's upload is used once: a second confirmation finds none
        mvc.perform(post("/office/ledger/confirm").session(session).with(as(OFFICE)).with(csrf()))
                .andExpect(flash().attributeExists("problem"));

        nightly();
        assertThat(ledgers.counts().tasks()).isEqualTo(7);
        assertThat(ledgers.currentVersion().orElseThrow().sourceFile()).isEqualTo(stored.get(0));
    }
}
