package io.rectify.portal.unit;

import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.rectify.NightlyFixture;
import io.rectify.account.PortalUser;
import io.rectify.intake.HostileFiles;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

class UnitPagesTest extends UnitPortalContext {

    private MockHttpServletResponse upload(PortalUser who, MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/unit/uploads").file(file).with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private String page(PortalUser who, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse();
        return response.getContentAsString();
    }

    @Test
    void anAcceptedUploadIsStoredUnderAGeneratedNameAndItsReceiptSaysSoFirst() throws Exception {
        byte[] content = goodReturn("U01", "区发展改革委");
        java.util.List<Path> before = storedReturns("2024-03");
        MockHttpServletResponse response = upload(U01, file("../../../etc/本单位报表.xlsx", content));

        assertThat(response.getStatus()).isEqualTo(302);
        String receipt = page(U01, response.getRedirectedUrl());
        assertThat(receipt.indexOf("已接收，今晚汇总")).isPositive().isLessThan(receipt.indexOf("本单位报表.xlsx"));
        assertThat(receipt).doesNotContain("../");
        assertThat(storedReturns("2024-03")).filteredOn(f -> !before.contains(f)).singleElement().satisfies(stored -> {
                    assertThat(stored.getFileName().toString()).matches("U01-\\d{8}-\\d{6}-\\d{3}\\.xlsx");
                    assertThat(Files.readAllBytes(stored)).isEqualTo(content);
                });
        assertThat(audited("UPLOAD")).anyMatch(line -> line.startsWith("U01|本单位报表.xlsx|SUCCESS|可以接收"));
    }

    @Test
    void aReturnWithErrorsListsEachExceptionWithItsCellAndWhatToDo() throws Exception {
        byte[] content = workbook(NightlyFixture.unitReturn("U03", "区科委", "2024-03", LocalDate.of(2024, 4, 3),
                row("T03", "差不多了", null, "月度例会")));
        PortalUser u03 = new PortalUser("U03", "x", io.rectify.account.Role.UNIT, "U03", false, null, true);

        String receipt = page(u03, upload(u03, file("U03.xlsx", content)).getRedirectedUrl());

        assertThat(receipt).contains("错误", "整改状态无效", "整改进展", "B8", "差不多了", "下载标注文件", "下载检查回执");
    }

    @Test
    void aFileThatIsNoWorkbookIsNotAcceptedWithTheNightlysMessage() throws Exception {
        Path pdf = HostileFiles.pdf(root.resolve("made/报表.xlsx"));
        String receipt = page(U01, upload(U01, file("报表.xlsx", Files.readAllBytes(pdf))).getRedirectedUrl());

        assertThat(receipt).contains("未接收", "这是 PDF 文件，不是 Excel 工作簿").doesNotContain("Exception");
    }

    @Test
    void anEmptyFileIsNotAcceptedAndNothingSentIsAskedForAgain() throws Exception {
        String receipt = page(U01, upload(U01, file("空.xlsx", new byte[0])).getRedirectedUrl());
        assertThat(receipt).contains("未接收", "文件为空（0 字节）");

        MockHttpServletResponse nothing = upload(U01, file("", new byte[0]));
        assertThat(nothing.getStatus()).isEqualTo(400);
        assertThat(nothing.getContentAsString()).contains(Submissions.NO_FILE);
    }

    @Test
    void anotherUnitsFileIsRefusedStoredNowhereAndAudited() throws Exception {
        MockHttpServletResponse response = upload(U01, file("U02.xlsx", goodReturn("U02", "区财政局")));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("单位代码是 U02");
        assertThat(storedReturns("2024-03")).noneMatch(f -> f.getFileName().toString().startsWith("U02"));
        assertThat(audited("ACCESS_DENIED")).anyMatch(line -> line.startsWith("U01|U02.xlsx（单位代码 U02）|REFUSED"));
    }

    @Test
    void anotherUnitsUploadCannotBeSeenNorDownloaded() throws Exception {
        String url = upload(U01, file("U01.xlsx", goodReturn("U01", "区发展改革委"))).getRedirectedUrl();

        for (String path : new String[] {url, url + "/receipt"}) {
            assertThat(mvc.perform(get(path).with(user(U02))).andReturn().getResponse().getStatus()).isEqualTo(403);
        }
        assertThat(audited("ACCESS_DENIED")).anyMatch(line -> line.startsWith("U02|" + url + "|REFUSED"));
    }

    @Test
    void theReceiptDownloadsAsAWorkbookUnderItsChineseName() throws Exception {
        byte[] content = workbook(NightlyFixture.unitReturn("U01", "区发展改革委", "2024-03", LocalDate.of(2024, 4, 3),
                row("T01", "差不多了")));
        String url = upload(U01, file("U01.xlsx", content)).getRedirectedUrl();

        for (String kind : new String[] {"receipt", "marked"}) {
            MockHttpServletResponse download = mvc.perform(get(url + "/" + kind).with(user(U01))).andExpect(status().isOk())
                    .andReturn().getResponse();
            assertThat(download.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(download.getHeader("Content-Disposition")).startsWith("attachment; ").contains("filename*=UTF-8''")
                    .contains("U01").contains(kind.equals("marked") ? "%E6%A0%87%E6%B3%A8" : ".xlsx");
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(download.getContentAsByteArray()))) {
                assertThat(workbook.getNumberOfSheets()).isPositive();
            }
        }
        assertThat(audited("DOWNLOAD")).filteredOn(line -> line.startsWith("U01|U01-")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theHomePageSaysWhatToDoThenListsTheUnitsUploadsOnly() throws Exception {
        PortalUser u05 = new PortalUser("U05", "x", io.rectify.account.Role.UNIT, "U05", false, null, true);
        upload(U02, file("财政局.xlsx", goodReturn("U02", "区财政局")));
        String before = page(u05, "/unit");
        upload(u05, file("民政局三月.xlsx", workbook(NightlyFixture.unitReturn("U05", "区民政局", "2024-03",
                LocalDate.of(2024, 4, 3), row("T05", "推进中", null, "责任清单征求意见")))));
        String after = page(u05, "/unit");

        assertThat(after.indexOf("本期要做的事")).isLessThan(after.indexOf("上传记录"));
        assertThat(after).contains("2024年3月", "2024年4月10日", "本期报表已接收", "民政局三月.xlsx", "已接收",
                "accept=\".xlsx,.xls,.xlsm\"", "_csrf").doesNotContain("财政局.xlsx");
        assertThat(before).contains("本期报表尚未接收");
    }

    @Test
    void theTemplateIsTheUnitsPrefilledReturnForTheOpenPeriod() throws Exception {
        MockHttpServletResponse download = mvc.perform(get("/unit/template").with(user(U01))).andExpect(status().isOk())
                .andReturn().getResponse();

        assertThat(download.getHeader("Content-Disposition")).contains(
                java.net.URLEncoder.encode("U01-区发展改革委-2024-03.xlsx", java.nio.charset.StandardCharsets.UTF_8));
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(download.getContentAsByteArray()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("整改进展");
        }
    }
}
