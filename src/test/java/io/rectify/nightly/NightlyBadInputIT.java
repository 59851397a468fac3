package io.rectify.nightly;

import io.rectify.ReceiptFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.reconcile.PeriodFolder;
import io.rectify.reconcile.ReturnFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The nightly command on input it cannot use: no period folder at all, files that are no readable returns. */
class NightlyBadInputIT {

    @TempDir
    Path root;

    @Test
    void withoutAnyPeriodFolderNightlyExitsOneAndSaysWhatIsMissing() throws IOException {
        Rectify rectify = Rectify.withStandardLedger(root);
        Files.createDirectories(rectify.input().resolve("returns/三月报表"));

        Rectify.Run run = rectify.run("nightly");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("no period folder (YYYY-MM) in " + rectify.input().resolve("returns"),
                "give --period=YYYY-MM");
        assertThat(rectify.output()).doesNotExist();
    }

    @Test
    void corruptAndEncryptedFilesAreReportedWhileTheGoodReturnCountsAsWithoutThem() throws Exception {
        Rectify rectify = Rectify.withStandardLedger(root);
        PeriodFolder march = new PeriodFolder(rectify.input(), "2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                .row("T01", "已完成", "2024-03-10", "", "实施意见").row("T06", "推进中")).write();
        Rectify.Run alone = rectify.run("nightly", "--period=2024-03");
        JsonNode before = rectify.summary("2024-03");
        List<List<String>> exceptionsBefore = rectify.exceptions("2024-03");

        march.add(ReturnFixture.truncated("损坏.xlsx"), ReturnFixture.encrypted("加密/U02.xlsx")).write();
        Rectify.Run withBadFiles = rectify.run("nightly", "--period=2024-03");
        JsonNode after = rectify.summary("2024-03");
        List<List<String>> exceptionsAfter = rectify.exceptions("2024-03");

        assertThat(alone.status()).as(alone.err()).isZero();
        assertThat(withBadFiles.status()).as(withBadFiles.err()).isZero();
        assertThat(Rectify.unit(after, "U01")).isEqualTo(Rectify.unit(before, "U01"));
        assertThat(Rectify.unit(after, "U01").get("submitted").asBoolean()).isTrue();
        assertThat(Rectify.unit(after, "U01").get("tasks").get("completed").asInt()).isOne();
        assertThat(after.get("tasks")).isEqualTo(before.get("tasks"));
        assertThat(after.get("problems")).isEqualTo(before.get("problems"));
        assertThat(before.get("submissions").get("rejectedFiles").asInt()).isZero();
        assertThat(after.get("submissions").get("rejectedFiles").asInt()).isEqualTo(2);
        assertThat(after.get("submissions").get("accepted").asInt()).isOne();

        // the encrypted file's name tells its unit; nothing tells the truncated file's
        assertThat(exceptionsAfter).filteredOn(line -> line.get(0).startsWith("file-"))
                .extracting(line -> String.join(" ", line.get(0), line.get(1), line.get(3), line.get(6)))
                .containsExactly("file-encrypted error U02 加密/U02.xlsx", "file-unreadable error  损坏.xlsx");
        assertThat(exceptionsAfter).filteredOn(line -> line.get(0).startsWith("file-"))
                .extracting(line -> line.get(11)).allSatisfy(message -> assertThat(message).isNotBlank())
                .anySatisfy(message -> assertThat(message).contains("密码"));
        assertThat(exceptionsAfter).filteredOn(line -> line.get(3).equals("U01"))
                .isEqualTo(exceptionsBefore.stream().filter(line -> line.get(3).equals("U01")).toList());
        // U02 still misses its return, and is told that its file was received and why it was not taken
        assertThat(exceptionsAfter).filteredOn(line -> line.get(0).equals("missing-return") && line.get(3).equals("U02"))
                .singleElement().extracting(line -> line.get(11)).asString()
                .contains("收到本单位报送的文件“加密/U02.xlsx”，但未采纳（原因：", "密码").doesNotContain("未收到");
        String group = rectify.exceptions("2024-03", "file-encrypted").get(0).get(2);
        assertThat(group).isNotEmpty();
        try (XSSFWorkbook list = new XSSFWorkbook(rectify.periodOutput("2024-03").resolve("异常清单.xlsx").toFile());
             XSSFWorkbook receipt = new XSSFWorkbook(ReceiptFiles.receipt(rectify.periodOutput("2024-03"), "U02").toFile())) {
            assertThat(texts(list.getSheet(group))).anyMatch(text -> text.contains("加密/U02.xlsx"));
            assertThat(texts(receipt.getSheet("回执"))).anyMatch(text -> text.startsWith("收到的文件“加密/U02.xlsx”未采纳，原因："));
        }
    }

    private static List<String> texts(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        sheet.forEach(row -> row.forEach(cell -> texts.add(formatter.formatCellValue(cell))));
        return texts;
    }
}
