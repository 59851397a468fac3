package io.rectify.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.rectify.NightlyFixture;
import io.rectify.intake.HostileFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile files of docs/RELIABILITY.md sent over HTTP: each is answered with the check's refusal
 * (200, not accepted) and nothing reaches input/returns; names that are paths, control characters
 * or far too long are shown cleaned and never used as a path.
 */
class HostileUploadsTest extends UnitPortalContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode returned(String name, String contentType, Path file) throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/api/returns")
                .file(new MockMultipartFile("file", name, contentType, Files.readAllBytes(file))).with(user(U01)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(name).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private static java.util.function.Consumer<io.rectify.intake.TestWorkbooks.Writer> u01() {
        return NightlyFixture.unitReturn("U01", "区发展改革委", "2024-03", LocalDate.of(2024, 4, 3),
                io.rectify.intake.TestWorkbooks.row("T01", "推进中"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zip-bomb", "entity-bomb", "external-entity", "pdf", "docx", "random", "truncated", "csv"})
    void aHostileFileIsAnsweredAsRefusedAndNothingIsStored(String kind) throws Exception {
        Path made = root.resolve("hostile/" + kind + ".xlsx");
        Function<Path, Path> maker = switch (kind) {
            case "zip-bomb" -> f -> HostileFiles.zipBomb(f, u01());
            case "entity-bomb" -> f -> HostileFiles.entityBomb(f, u01());
            case "external-entity" -> f -> HostileFiles.externalEntity(f, u01(), Path.of("/etc/passwd"), "推进中");
            case "pdf" -> HostileFiles::pdf;
            case "docx" -> HostileFiles::docx;
            case "random" -> f -> HostileFiles.randomBytes(f, 4096);
            case "truncated" -> f -> HostileFiles.truncated(f, u01());
            default -> HostileFiles::csv;
        };
        List<Path> before = storedReturns("2024-03");

        JsonNode answer = returned(kind + ".xlsx", "text/html", maker.apply(made));

        assertThat(answer.get("accepted").asBoolean()).isFalse();
        assertThat(answer.get("exceptions").get(0).get("message").asString()).matches(".*[\u4e00-\u9fa5].*")
                .doesNotContain("Exception", "root:");
        assertThat(storedReturns("2024-03")).isEqualTo(before);
    }

    @Test
    void aNameThatIsAPathOrHoldsControlCharactersIsShownCleanedAndStoredUnderAGeneratedName() throws Exception {
        Path good = NightlyFixture.write(root.resolve("made/good.xlsx"), u01());
        String longName = "很".repeat(300) + ".xlsx";

        JsonNode traversal = returned("..\\..\\../../input/returns/2024-03/U02.xlsx", "application/octet-stream", good);
        JsonNode control = returned("报表\u0000\r\n\u202e.xlsx", "", good);
        JsonNode tooLong = returned(longName, "application/zip", good);

        assertThat(traversal.get("file").asString()).isEqualTo("U02.xlsx");
        assertThat(control.get("file").asString()).isEqualTo("报表.xlsx");
        assertThat(tooLong.get("file").asString()).hasSize(ShownName.MAX).endsWith("…" + ".xlsx");
        assertThat(storedReturns("2024-03")).allSatisfy(f -> assertThat(f.getFileName().toString())
                .matches("U01-\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.xlsx"));
        assertThat(root.resolve("input/returns/2024-03/U02.xlsx")).doesNotExist();
        assertThat(jdbc.sql("SELECT MAX(LENGTH(original_name)) FROM upload").query(Integer.class).single()).isEqualTo(ShownName.MAX);
    }

    @Test
    void twentyUploadsAtOnceAreEachStoredOnceUnderNamesOfTheirOwn() throws Exception {
        byte[] content = goodReturn("U01", "区发展改革委");
        List<Path> before = storedReturns("2024-03");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> uploads = java.util.stream.IntStream.range(0, 20).<Callable<Integer>>mapToObj(i -> () ->
                    mvc.perform(multipart("/api/returns").file(file("U01-" + i + ".xlsx", content)).with(user(U01)))
                            .andReturn().getResponse().getStatus()).toList();
            for (Future<Integer> status : pool.invokeAll(uploads)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        List<Path> added = storedReturns("2024-03").stream().filter(f -> !before.contains(f)).toList();
        assertThat(added).hasSize(20).allSatisfy(f -> {
            assertThat(f.getFileName().toString()).doesNotStartWith(".");
            assertThat(Files.readAllBytes(f)).isEqualTo(content);
        });
        assertThat(root.resolve("data/uploads")).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".staging"));
        assertThat(root.resolve("data/uploads/.incoming")).isEmptyDirectory();
    }
}
