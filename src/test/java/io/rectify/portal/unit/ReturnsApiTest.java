package io.rectify.portal.unit;

import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.rectify.NightlyFixture;
import io.rectify.account.PortalUser;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReturnsApiTest extends UnitPortalContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MockHttpServletResponse send(String endpoint, PortalUser who, MockMultipartFile file, String period) throws Exception {
        var request = multipart(endpoint).file(file).with(user(who));
        if (period != null) {
            request.param("period", period);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        return JSON.readTree(response.getContentAsString());
    }

    @Test
    void checkAnswersTheAgreedFieldsAndStoresNothing() throws Exception {
        List<Path> before = storedReturns("2024-03");
        MockHttpServletResponse response = send("/api/check", U01, file("U01.xlsx", goodReturn("U01", "区发展改革委")), null);

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.propertyNames()).containsExactly("accepted", "unit", "period", "file", "exceptions");
        assertThat(answer.get("accepted").asBoolean()).isTrue();
        assertThat(answer.get("unit").asString()).isEqualTo("U01");
        assertThat(answer.get("period").asString()).isEqualTo("2024-03");
        assertThat(answer.get("file").asString()).isEqualTo("U01.xlsx");
        assertThat(storedReturns("2024-03")).isEqualTo(before);
        assertThat(audited("CHECK")).anyMatch(line -> line.startsWith("U01|U01.xlsx|SUCCESS"));
    }

    @Test
    void anExceptionCarriesRuleSeverityCellValueAndMessage() throws Exception {
        byte[] content = workbook(NightlyFixture.unitReturn("U01", "区发展改革委", "2024-03", LocalDate.of(2024, 4, 3),
                row("T01", "差不多了")));
        JsonNode answer = json(send("/api/check", U01, file("U01.xlsx", content), null));

        assertThat(answer.get("exceptions")).anySatisfy(e -> {
            assertThat(e.propertyNames()).containsExactly("rule", "severity", "sheet", "row", "column", "value", "message");
            assertThat(e.get("rule").asString()).isEqualTo("invalid-status");
            assertThat(e.get("severity").asString()).isEqualTo("error");
            assertThat(e.get("sheet").asString()).isEqualTo("整改进展");
            assertThat(e.get("row").asInt()).isEqualTo(8);
            assertThat(e.get("column").asString()).isEqualTo("B");
            assertThat(e.get("value").asString()).isEqualTo("差不多了");
        });
    }

    @Test
    void returnsStoresAnAcceptedFileForThePeriodAsked() throws Exception {
        MockHttpServletResponse response = send("/api/returns", U01, file("U01.xlsx", goodReturn("U01", "区发展改革委")), null);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(storedReturns("2024-03")).anyMatch(f -> f.getFileName().toString().matches("U01-\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.xlsx"));
        assertThat(audited("UPLOAD")).anyMatch(line -> line.startsWith("U01|U01.xlsx|SUCCESS"));
    }

    @Test
    void theOfficeMayCheckAndStoreAnyUnitsFile() throws Exception {
        MockHttpServletResponse response = send("/api/returns", OFFICE, file("U04.xlsx", goodReturn("U04", "区教育局")), null);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json(response).get("unit").asString()).isEqualTo("U04");
        assertThat(storedReturns("2024-03")).anyMatch(f -> f.getFileName().toString().startsWith("U04-"));
    }

    @Test
    void anotherUnitsFileAndASupervisorAreRefusedWith403() throws Exception {
        for (PortalUser who : List.of(U02, GROUP)) {
            MockHttpServletResponse response = send("/api/returns", who, file("U05.xlsx", goodReturn("U05", "区民政局")), null);
            assertThat(response.getStatus()).as(who.username()).isEqualTo(403);
            assertThat(json(response).get("error").asString()).matches(".*[\u4e00-\u9fa5].*");
        }
        assertThat(storedReturns("2024-03")).noneMatch(f -> f.getFileName().toString().startsWith("U05"));
    }

    @Test
    void nothingSentIsA400InChinese() throws Exception {
        MockHttpServletResponse noField = mvc.perform(multipart("/api/check").param("period", "2024-03").with(user(U01)))
                .andReturn().getResponse();
        MockHttpServletResponse emptyField = send("/api/check", U01, new MockMultipartFile("file", "", null, new byte[0]), null);
        MockHttpServletResponse emptyBody = mvc.perform(post("/api/check").with(user(U01))).andReturn().getResponse();
        MockHttpServletResponse notMultipart = mvc.perform(post("/api/returns").contentType(MediaType.APPLICATION_JSON)
                .content("{}").with(user(U01))).andReturn().getResponse();

        for (MockHttpServletResponse response : List.of(noField, emptyField, emptyBody, notMultipart)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(json(response).get("error").asString()).isEqualTo(Submissions.NO_FILE);
        }
    }

    @Test
    void aMalformedPeriodIsA400ThatSaysTheForm() throws Exception {
        MockHttpServletResponse response = send("/api/check", U01, file("U01.xlsx", goodReturn("U01", "区发展改革委")), "2024年3月");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).contains("YYYY-MM");
    }
}
