package io.rectify.ops;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Folders and tunables of a run. The folders come from the command line ({@link CommandLine});
 * the rest from {@code application.properties} or {@code -Drectify.*} system properties.
 *
 * @param dueSoonDays   a task whose deadline falls within this many days after the as-of date is due-soon
 * @param immediateDays a 立行立改 task of the ledger falls due this many days after the 反馈日期
 * @param settleSeconds a return modified less than this many seconds ago may still be being written
 *                      (docs/RELIABILITY.md)
 * @param settleWaitSeconds how long a run waits for the period folder to settle before it reads it; a return
 *                      still being written after that is left for the next run
 * @param limits        the limits every return is read within
 * @param issuer        who issues the units' receipts, as named on them
 * @param completedMeans what the headline figures (通报, 领导摘要, summary.json's completed) count as 已完成:
 *                      the units' reported completion ({@code reported}, the default, as the published
 *                      bulletin counts) or the supervisors' sign-off ({@code signed-off})
 * @param spotCheckShare the share of a group's tasks signed off in earlier periods that its 销号审核表 lists
 *                      for a 回头看 spot check each period (at least one when it has any)
 */
@ConfigurationProperties("rectify")
public record RectifyProperties(Path input, Path output, Path data,
                                @DefaultValue("15") int dueSoonDays,
                                @DefaultValue("30") int immediateDays,
                                @DefaultValue("5") int settleSeconds,
                                @DefaultValue("60") int settleWaitSeconds,
                                @DefaultValue Limits limits,
                                @DefaultValue("区委巡视整改工作领导小组办公室") String issuer,
                                @DefaultValue("reported") CompletedMeans completedMeans,
                                @DefaultValue("0.10") double spotCheckShare) {

    /** What counts as 已完成 in the headline figures (rectify.completed-means). */
    public enum CompletedMeans { REPORTED, SIGNED_OFF }

    public Path masterFolder() {
        return input.resolve("master");
    }

    public Path returnsFolder() {
        return input.resolve("returns");
    }

    public Duration settle() {
        return Duration.ofSeconds(settleSeconds);
    }

    public Duration settleWait() {
        return Duration.ofSeconds(settleWaitSeconds);
    }

    /** {@code rectify.limits.*}: see {@code io.rectify.intake.ReadLimits} for what each one bounds. */
    public record Limits(@DefaultValue("20MB") DataSize maxFileSize,
                         @DefaultValue("10000") int maxRows,
                         @DefaultValue("60s") Duration timePerFile,
                         @DefaultValue("25MB") DataSize maxPartSize,
                         @DefaultValue("0.01") double minInflateRatio,
                         @DefaultValue("1000") int maxParts) {
    }
}
