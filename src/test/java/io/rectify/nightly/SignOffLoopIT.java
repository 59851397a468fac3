package io.rectify.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.reconcile.PeriodFolder;
import io.rectify.reconcile.ReturnFixture;
import io.rectify.reconcile.ReviewFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sign-off loop over whole nights on the standard test ledger: U01 (第一督查组) reports T01 已完成 with evidence
 * in 2024-02 and 2024-03, U02 (第一督查组) T02. A 销号审核表 of 第一督查组 put into {@code input/reviews/2024-02/} after
 * the first night has 2024-02 and 2024-03 reconciled again with its decisions; the reviews folder is only read, and a
 * night with nothing new writes the same bytes.
 */
class SignOffLoopIT {

    private static final String REVIEW = "reviews/2024-02/第一督查组-销号审核表.xlsx";

    @TempDir
    Path root;
    private Rectify rectify;
    private StoredPeriods stored;

    @BeforeEach
    void twoMonthsOfCompletedTasks() {
        rectify = Rectify.withStandardLedger(root);
        stored = new StoredPeriods(root);
        for (String period : List.of("2024-02", "2024-03")) {
            new PeriodFolder(rectify.input(), period).add(
                    ReturnFixture.unit("U01").period(period).row("T01", "已完成", "2024-02-20", "实施意见已印发", "区发改〔2024〕5号")
                            .row("T06", "推进中"),
                    ReturnFixture.unit("U02").period(period).row("T02", "已完成", "2024-02-25", "资金已拨付", "拨付文件"),
                    ReturnFixture.unit("U03").period(period).row("T03", "推进中"),
                    ReturnFixture.unit("U04").period(period).row("T04", "推进中")).write();
        }
    }

    @Test
    void reviewAddedForAnEarlierPeriodSignsOffAndReturnsTasksFromThatPeriodOnAndIsOnlyRead() throws IOException {
        night();
        assertThat(signOffs("2024-02")).containsEntry("T01", "待销号 null").containsEntry("T02", "待销号 null");
        Map<String, Instant> first = stored.reconciledAt();

        Path review = ReviewFixture.signOff("第一督查组", "2024-02").signOffRow("T01", "同意销号", null)
                .signOffRow("T02", "退回", "缺少资金拨付凭证").write(rectify.input().resolve("reviews/2024-02"),
                        LocalDateTime.of(2024, 4, 3, 10, 0));
        byte[] bytes = Files.readAllBytes(review);
        FileTime modified = Files.getLastModifiedTime(review);
        night();

        assertThat(stored.reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(signOffs("2024-02")).containsEntry("T01", "已销号 2024-02").containsEntry("T02", "null null");
        assertThat(signOffs("2024-03")).containsEntry("T01", "已销号 2024-02").containsEntry("T02", "待销号 null");
        assertThat(stored.exceptions("2024-02", "signoff-returned")).containsExactly("T02");
        assertThat(stored.exceptions("2024-03", "regression")).isEmpty();
        assertThat(stored.exceptions("2024-03", "signoff-returned")).isEmpty();
        List<String> files = new ArrayList<>();
        stored.query("SELECT path, outcome, sha256 FROM review_file WHERE period = '2024-02'",
                rs -> files.add(rs.getString(1) + " " + rs.getString(2) + " "
                        + Files.isRegularFile(root.resolve("data/archive").resolve(rs.getString(3).substring(0, 2)).resolve(rs.getString(3)))));
        assertThat(files).containsExactly("第一督查组-销号审核表.xlsx accepted true");
        assertThat(Files.readAllBytes(review)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(review)).isEqualTo(modified);

        Map<String, String> signOffs = signOffs("2024-03");
        Map<String, Instant> second = stored.reconciledAt();
        Map<Path, byte[]> outputs = outputs();
        night();

        assertThat(stored.reconciledAt().get("2024-02")).as("unchanged reviews: kept").isEqualTo(second.get("2024-02"));
        assertThat(signOffs("2024-03")).isEqualTo(signOffs);
        assertThat(outputs.keySet()).anyMatch(file -> file.toString().endsWith("第一督查组-销号审核表.xlsx"));
        assertThat(outputs()).as("a re-run writes the same bytes").containsOnlyKeys(outputs.keySet())
                .allSatisfy((file, written) -> assertThat(written).as(file.toString()).isEqualTo(outputs.get(file)));
    }

    /** Every file of March's outputs by its path in the period folder. */
    private Map<Path, byte[]> outputs() throws IOException {
        Path march = rectify.output().resolve("2024-03");
        Map<Path, byte[]> outputs = new java.util.TreeMap<>();
        try (var files = Files.walk(march)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                outputs.put(march.relativize(file), Files.readAllBytes(file));
            }
        }
        return outputs;
    }

    @Test
    void reviewWithAnInvalidRowReachesTheGroupAndNoUnit() {
        ReviewFixture.signOff("第一督查组", "2024-02").signOffRow("T09", "同意销号", null)
                .write(rectify.input().resolve("reviews/2024-02"), LocalDateTime.of(2024, 4, 3, 10, 0));
        night();

        List<String> found = new ArrayList<>();
        stored.query("SELECT rule, group_name, unit_code, file, sheet, excel_row, col, cell_value FROM rule_exception "
                + "WHERE period = '2024-02' AND file LIKE 'reviews/%'", rs -> found.add(rs.getString(1) + " " + rs.getString(2)
                + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5) + "!" + rs.getString(7) + rs.getInt(6)
                + " " + rs.getString(8)));
        assertThat(found).containsExactly("review-unknown-task 第一督查组 null " + REVIEW + " 销号审核!A8 T09");
    }

    /** Each task's stored sign-off in a period: "signOff signedOffPeriod". */
    private Map<String, String> signOffs(String period) {
        Map<String, String> signOffs = new java.util.TreeMap<>();
        stored.query("SELECT task_code, sign_off, signed_off_period FROM task_status WHERE period = '" + period + "'",
                rs -> signOffs.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3)));
        return signOffs;
    }

    private void night() {
        Rectify.Run run = rectify.run("nightly", "--period=2024-03");
        assertThat(run.status()).as(run.err()).isZero();
    }
}
