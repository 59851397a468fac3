package io.rectify.portal.unit;

import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.rectify.NightlyFixture;
import io.rectify.check.CheckOutputs;
import io.rectify.check.CheckedFiles;
import io.rectify.check.ReturnCheck;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An upload's receipt and marked copy are written when first downloaded, not before its answer (docs/PORTAL.md). */
class LazyOutputsTest extends UnitPortalContext {

    @Autowired
    private ReturnCheck check;
    @Autowired
    private CheckOutputs outputs;

    @Test
    void theMarkedCopyIsWrittenOnceAtTheFirstDownloadsAndCarriesTheMarks() throws Exception {
        byte[] content = workbook(NightlyFixture.unitReturn("U01", "区发展改革委", "2024-03", LocalDate.of(2024, 4, 3),
                row("T01", "差不多了")));
        String url = mvc.perform(multipart("/unit/uploads").file(file("U01.xlsx", content)).with(user(U01)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        Path folder = root.resolve("data/uploads").resolve(url.substring(url.lastIndexOf('/') + 1));
        assertThat(folder).isDirectoryNotContaining("glob:**-标注.xlsx").isDirectoryNotContaining("glob:**-检查回执.xlsx");

        List<Callable<byte[]>> downloads = List.of(() -> download(url + "/marked"), () -> download(url + "/marked"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<byte[]> copies;
        try {
            copies = pool.invokeAll(downloads).stream().map(LazyOutputsTest::done).toList();
        } finally {
            pool.shutdown();
        }

        assertThat(copies.get(0)).isNotEmpty().isEqualTo(copies.get(1)).isEqualTo(Files.readAllBytes(folder.resolve("U01-标注.xlsx")));
        try (Workbook marked = WorkbookFactory.create(new ByteArrayInputStream(copies.get(0)))) {
            Comment comment = marked.getSheet("整改进展").getRow(7).getCell(1).getCellComment();
            assertThat(comment.getString().getString()).contains("整改状态无效");
        }
        assertThat(download(url + "/receipt")).isEqualTo(Files.readAllBytes(folder.resolve("U01-检查回执.xlsx")));

        Path sent = Files.write(Files.createTempDirectory(root, "sent").resolve("U01.xlsx"), content);
        CheckedFiles atOnce = outputs.write(check.check(sent, "U01.xlsx", Optional.empty()), sent, root.resolve("at-once"));
        assertThat(text(download(url + "/receipt"))).as("as the check writes it at once")
                .isEqualTo(text(Files.readAllBytes(atOnce.receipt())));
        assertThat(text(copies.get(0))).isEqualTo(text(Files.readAllBytes(atOnce.marked().orElseThrow())));
    }

    private byte[] download(String url) throws Exception {
        return mvc.perform(get(url).with(user(U01))).andReturn().getResponse().getContentAsByteArray();
    }

    /** Every cell's text and comment, sheet by sheet: a workbook's content without its zip entries' times. */
    private static List<String> text(byte[] workbook) throws Exception {
        List<String> text = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        Comment comment = cell.getCellComment();
                        text.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + formatter.formatCellValue(cell)
                                + (comment == null ? "" : " /" + comment.getString().getString()));
                    }
                }
            }
        }
        return text;
    }

    private static byte[] done(Future<byte[]> download) {
        try {
            return download.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
