package io.rectify.portal.unit;

import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.rectify.NightlyFixture;
import io.rectify.RectifyApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two accepted uploads of a unit: the nightly takes the later one, as it takes the newest file of a unit today. */
class LatestUploadTest extends UnitPortalContext {

    @Test
    void aNightlyAfterTwoUploadsUsesTheSecond() throws Exception {
        byte[] first = workbook(NightlyFixture.unitReturn("U01", "区发展改革委", "2024-03", LocalDate.of(2024, 4, 3),
                row("T01", "推进中", null, "已起草实施意见"), row("T06", "推进中", null, "开展回头看")));
        byte[] second = workbook(NightlyFixture.unitReturn("U01", "区发展改革委", "2024-03", LocalDate.of(2024, 4, 3),
                row("T01", "已完成", LocalDate.of(2024, 3, 10), "实施意见已印发", "区发改〔2024〕5号"),
                row("T06", "推进中", null, "开展回头看")));
        for (byte[] content : List.of(first, second)) {
            mvc.perform(multipart("/api/returns").file(file("U01.xlsx", content)).with(user(U01)));
        }
        List<Path> stored = storedReturns("2024-03");
        assertThat(stored).hasSize(2);
        // the input long settled (the nightly waits for files modified in the last seconds), the uploads a minute apart
        NightlyFixture.dateEverything(root.resolve("input"));
        Files.setLastModifiedTime(stored.get(0), FileTime.from(NightlyFixture.SAVED.plusSeconds(60)));
        Files.setLastModifiedTime(stored.get(1), FileTime.from(NightlyFixture.SAVED.plusSeconds(120)));

        Path night = root.resolve("night");
        assertThat(RectifyApplication.run("nightly", "--period=2024-03", "--input=" + root.resolve("input"),
                "--output=" + night.resolve("output"), "--data=" + night.resolve("data"))).isZero();

        String exceptions = Files.readString(night.resolve("output/2024-03/exceptions.csv"), StandardCharsets.UTF_8);
        assertThat(exceptions).contains("superseded,info,第一督查组,U01,,," + stored.get(0).getFileName())
                .doesNotContain("superseded,info,第一督查组,U01,,," + stored.get(1).getFileName());
        assertThat(Files.readAllBytes(stored.get(1))).isEqualTo(second);
    }
}
