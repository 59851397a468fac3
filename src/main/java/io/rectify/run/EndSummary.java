package io.rectify.run;

import io.rectify.ops.CommandLine;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * What the office reads when a job ends: the text the job left ({@link #SUMMARY_KEY}),
 * then the execution's number, status and duration, its figures, exceptions by severity, output
 * paths and, when it did not complete, why and what to do. Printed, and kept in the log file.
 */
@Component
public class EndSummary {

    /** Execution-context key under which a job leaves the text printed when it ends. */
    public static final String SUMMARY_KEY = "summary";

    /** Logs to the log file only (logback-spring.xml): the console has the printed text. */
    private static final Logger record = LoggerFactory.getLogger("io.rectify.summary");

    private final ExecutionHistory history;
    private final WhatToDo whatToDo;

    EndSummary(ExecutionHistory history, WhatToDo whatToDo) {
        this.history = history;
        this.whatToDo = whatToDo;
    }

    /** Prints the summary of an ended execution; returns the exit status of docs/COMMANDS.md. */
    public int report(JobExecution execution) {
        String text = text(execution);
        System.out.println(text);
        record.info(text);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return CommandLine.EXIT_OK;
        }
        ExecutionRecord r = history.record(execution);
        System.err.println("rectify: " + r.job() + " " + r.state().code()
                + (r.reason() == null ? "" : ": " + r.reason()));
        return CommandLine.EXIT_FAILED;
    }

    String text(JobExecution execution) {
        ExecutionRecord r = history.record(execution);
        List<String> lines = new ArrayList<>();
        String jobText = execution.getExecutionContext().getString(SUMMARY_KEY, "");
        if (!jobText.isBlank()) {
            lines.add(jobText.strip());
            lines.add("");
        }
        Duration duration = r.duration(LocalDateTime.now());
        lines.add("执行 #" + r.id() + " " + r.job() + (r.period() == null ? "" : "（" + r.period() + "）") + "："
                + r.state().label() + (duration == null ? "" : "，用时 " + Durations.chinese(duration))
                + (r.scheduledAt() == null ? "" : "；定时 " + r.schedule() + " " + r.scheduledAt()));
        RunFigures f = r.figures();
        if (f.hasFiles()) {
            lines.add("文件：读取 %d 份，采纳 %d 份，未采纳 %d 份".formatted(f.filesRead(), f.filesAccepted(), f.filesRejected()));
        }
        if (f.hasExceptions()) {
            lines.add("异常：错误 %d 条，警告 %d 条，提示 %d 条".formatted(f.errors(), f.warnings(), f.infos()));
        }
        if (!f.outputs().isEmpty()) {
            lines.add("输出：" + String.join("、", f.outputs()));
        }
        if (r.reason() != null) {
            lines.add("原因：" + r.reason());
        }
        String action = whatToDo.about(r);
        if (action != null) {
            lines.add("处理：" + action);
        }
        return String.join("\n", lines);
    }
}
