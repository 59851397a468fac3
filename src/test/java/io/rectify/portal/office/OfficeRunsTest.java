package io.rectify.portal.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.rectify.NightlyFixture;
import io.rectify.ops.CommandLine;
import io.rectify.portal.PortalTestContext;
import io.rectify.run.Await;
import io.rectify.run.ExecutionHistory;
import io.rectify.run.ExecutionRecord;
import io.rectify.run.JobRuns;
import io.rectify.schedule.Serve;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /office and 立即汇总 while serve runs: the nightly goes through serve's run thread and the page shows it. */
class OfficeRunsTest extends PortalTestContext {

    @Autowired
    Serve serve;
    @Autowired
    ExecutionHistory history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobRuns jobRuns;
    @Autowired
    @Qualifier("ingestStep")
    Step ingestStep;

    private static final AtomicReference<CountDownLatch> holdAfterFirstChunk = new AtomicReference<>();

    @BeforeAll
    static void officeInput() {
        NightlyFixture.standard(root.resolve("input"));
    }

    private String home() {
        try {
            return mvc.perform(get("/office").with(as(OFFICE))).andReturn().getResponse().getContentAsString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The status table's row of an execution, its cells joined by '|'. */
    private String row(String page, long id) {
        Matcher row = Pattern.compile("<tr><td>#" + id + "</td>(.*?)</tr>").matcher(page);
        return row.find() ? row.group(1).replace("</td><td>", "|").replace("<td>", "").replace("</td>", "") : "";
    }

    @Test
    void runNowStartsANightlyThatFinishesAndASecondClickWhileItRunsIsRefused() throws Exception {
        Path jobs = Files.createDirectories(root.resolve("jobs"));
        Files.writeString(jobs.resolve("nightly.properties"), "cron = 0 0 3 1 1 *\nperiod = 2024-03\n", StandardCharsets.UTF_8);
        ((TaskletStep) ingestStep).registerChunkListener(new ChunkListener<>() {
            @Override
            public void afterChunk(ChunkContext context) {
                CountDownLatch hold = holdAfterFirstChunk.getAndSet(null);
                if (hold != null) {
                    try {
                        hold.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> serve.run(CommandLine.parse("serve",
                "--jobs=" + jobs, "--input=" + root.resolve("input"), "--output=" + root.resolve("output"),
                "--data=" + root.resolve("data"))));
        // serve's catch-up of this year's slot runs first
        Await.until(() -> history.recent(5).stream().anyMatch(r -> r.state() == ExecutionRecord.State.COMPLETED));
        long caughtUp = history.recent(1).get(0).id();
        CountDownLatch release = new CountDownLatch(1);
        holdAfterFirstChunk.set(release);

        mvc.perform(post("/office/runs").with(as(OFFICE)).with(csrf()))
                .andExpect(redirectedUrl("/office"))
                .andExpect(flash().attribute("notice", "已开始汇总2024年3月，在后台运行；稍后刷新本页，在下方的执行记录中查看结果"));
        Await.until(() -> history.recent(1).get(0).id() > caughtUp && holdAfterFirstChunk.get() == null);
        long started = history.recent(1).get(0).id();

        mvc.perform(post("/office/runs").with(as(OFFICE)).with(csrf()))
                .andExpect(redirectedUrl("/office"))
                .andExpect(flash().attribute("problem", "已有汇总正在运行，请稍后刷新"));
        String running = home();
        assertThat(row(running, started)).startsWith("nightly|2024-03|手动|").contains("|运行中|");
        assertThat(running).contains("已有汇总正在运行，请稍后刷新（本页每 15 秒自动刷新）").doesNotContain("立即汇总</button>");

        release.countDown();
        Await.until(() -> row(home(), started).contains("|完成|"));
        serve.shutdown();
        assertThat(serving.get(2, TimeUnit.MINUTES)).isZero();

        String done = home();
        assertThat(row(done, started)).startsWith("nightly|2024-03|手动|").contains("|完成|5 / 5 / 0|");
        assertThat(done).contains("2024年3月汇总结果（截至2024年3月31日）", "巡视反馈的5项问题", "没有需要处理的作业执行。");
        assertThat(history.recent(10)).filteredOn(r -> r.id() > caughtUp).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(ExecutionRecord.State.COMPLETED));
        assertThat(jdbc.sql("SELECT outcome || ' ' || target FROM audit_event WHERE action = 'RUN_START' ORDER BY id")
                .query(String.class).list()).containsExactly("SUCCESS nightly 2024年3月", "REFUSED nightly 2024年3月");
    }

    @Test
    void aFailedRunComesFirstWithWhatToDoAboutIt() throws Exception {
        Path blocked = Files.createDirectories(root.resolve("blocked"));
        Files.writeString(blocked.resolve("2024-03"), "a file where the period's folder must go");
        try {
            jobRuns.run(CommandLine.parse("nightly", "--input=" + root.resolve("input"), "--output=" + blocked,
                    "--data=" + root.resolve("data"), "--period=2024-03"), Optional.empty());
        } catch (IllegalStateException e) {
            // the failure is what the page must show
        }
        ExecutionRecord failed = history.recent(1).get(0);
        assertThat(failed.state()).isEqualTo(ExecutionRecord.State.FAILED);

        String page = home();

        assertThat(page.indexOf("需要处理")).isLessThan(page.indexOf("立即汇总"));
        assertThat(page).contains("<strong>#" + failed.id() + " nightly 2024-03 失败：" + failed.reason() + "</strong>",
                "<span>排除上述原因后运行 java -jar ")
                .containsPattern("restart " + failed.id() + " --input=\\S+ --output=" + Pattern.quote(blocked.toString()));
    }
}
