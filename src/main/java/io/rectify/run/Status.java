package io.rectify.run;

import io.rectify.ops.CommandLine;
import io.rectify.workbook.TableSheet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The status command: the latest job executions as a table for the person on duty (what ran,
 * what failed and what to do), or as JSON for machines, then the schedules of jobs/.
 */
@Component
public class Status {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The columns of the table of executions, as {@link #row} fills them. */
    public static final List<String> HEADERS = List.of("编号", "作业", "期次", "定时", "开始", "结束", "用时", "状态",
            "文件 读取/采纳/未采纳", "异常 错误/警告/提示");

    private final ExecutionHistory history;
    private final WhatToDo whatToDo;

    Status(ExecutionHistory history, WhatToDo whatToDo) {
        this.history = history;
        this.whatToDo = whatToDo;
    }

    /**
     * @param plans    the schedules of jobs/
     * @param problems what is wrong with the files of jobs/, if anything
     */
    public int print(CommandLine commandLine, List<Plan> plans, List<String> problems) {
        List<ExecutionRecord> executions = history.recent(commandLine.limit());
        LocalDateTime now = LocalDateTime.now();
        System.out.print(commandLine.json() ? json(executions, plans, problems, now) : table(executions, plans, problems, now));
        return CommandLine.EXIT_OK;
    }

    String table(List<ExecutionRecord> executions, List<Plan> plans, List<String> problems, LocalDateTime now) {
        StringBuilder text = new StringBuilder();
        if (executions.isEmpty()) {
            text.append("还没有任何作业执行记录。\n");
        } else {
            text.append("最近 ").append(executions.size()).append(" 次作业执行（最新在上，时间为本机时间）：\n\n");
            List<List<String>> rows = new ArrayList<>();
            rows.add(HEADERS);
            for (ExecutionRecord r : executions) {
                rows.add(row(r, now));
            }
            appendAligned(text, rows);
            List<String> todo = new ArrayList<>();
            for (ExecutionRecord r : executions) {
                String action = action(r, executions);
                if (action != null) {
                    todo.add("  #" + r.id() + " " + r.job() + (r.period() == null ? "" : " " + r.period()) + " "
                            + r.state().label() + (r.reason() == null ? "" : "：" + r.reason()));
                    todo.add("      " + action);
                }
            }
            text.append('\n');
            if (todo.isEmpty()) {
                text.append("没有需要处理的执行。\n");
            } else {
                text.append("需要处理：\n");
                todo.forEach(line -> text.append(line).append('\n'));
            }
        }
        if (!plans.isEmpty() || !problems.isEmpty()) {
            text.append("\n定时作业（jobs/）：\n");
            for (Plan plan : plans) {
                text.append("  ").append(plan.schedule()).append("：").append(plan.command())
                        .append("，cron ").append(plan.cron()).append("（").append(plan.zone()).append("），期次 ")
                        .append(plan.period()).append("，")
                        .append(plan.next() == null ? "已停用" : "下次 " + plan.next().format(NEXT)).append('\n');
            }
            problems.forEach(p -> text.append("  有误：").append(p).append('\n'));
        }
        return text.toString();
    }

    /** An execution as a row of the table under {@link #HEADERS}; times in this machine's zone. */
    public static List<String> row(ExecutionRecord r, LocalDateTime now) {
        RunFigures f = r.figures();
        Duration duration = r.duration(now);
        return List.of("#" + r.id(), r.job(), dash(r.period()),
                r.scheduledAt() == null ? "手动"
                        : OffsetDateTime.parse(r.scheduledAt()).atZoneSameInstant(ZoneId.systemDefault()).format(SLOT),
                r.start() == null ? "-" : r.start().format(DAY_TIME),
                r.end() == null ? "-" : r.end().format(r.start() != null
                        && r.end().toLocalDate().equals(r.start().toLocalDate()) ? TIME : DAY_TIME),
                duration == null ? "-" : Durations.chinese(duration),
                r.state().label(),
                f.hasFiles() ? f.filesRead() + " / " + f.filesAccepted() + " / " + f.filesRejected() : "-",
                f.hasExceptions() ? f.errors() + " / " + f.warnings() + " / " + f.infos() : "-");
    }

    /**
     * What to do about an execution; null when nothing is, including a failed run whose job and
     * period completed in a later execution (the failure no longer matters).
     */
    public String action(ExecutionRecord r, List<ExecutionRecord> executions) {
        boolean settled = executions.stream().anyMatch(later -> later.id() > r.id() && later.job().equals(r.job())
                && Objects.equals(later.period(), r.period()) && later.state() == ExecutionRecord.State.COMPLETED);
        return settled ? null : whatToDo.about(r);
    }

    private static void appendAligned(StringBuilder text, List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], TableSheet.displayWidth(row.get(i)));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - TableSheet.displayWidth(cell) + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
    }

    String json(List<ExecutionRecord> executions, List<Plan> plans, List<String> problems, LocalDateTime now) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("executions");
        for (ExecutionRecord r : executions) {
            ObjectNode node = list.addObject();
            node.put("id", r.id());
            node.put("job", r.job());
            node.put("period", r.period());
            node.put("schedule", r.schedule());
            node.put("scheduledAt", r.scheduledAt());
            node.put("start", offset(r.start()));
            node.put("end", offset(r.end()));
            Duration duration = r.duration(now);
            if (duration == null) {
                node.putNull("durationSeconds");
            } else {
                node.put("durationSeconds", duration.toMillis() / 1000.0);
            }
            node.put("status", r.state().code());
            node.put("reason", r.reason());
            RunFigures f = r.figures();
            if (f.hasFiles()) {
                node.putObject("files").put("read", f.filesRead()).put("accepted", f.filesAccepted())
                        .put("rejected", f.filesRejected());
            } else {
                node.putNull("files");
            }
            if (f.hasExceptions()) {
                node.putObject("exceptions").put("error", f.errors()).put("warning", f.warnings()).put("info", f.infos());
            } else {
                node.putNull("exceptions");
            }
            ArrayNode outputs = node.putArray("outputs");
            f.outputs().forEach(outputs::add);
            node.put("restartable", r.restartable());
            node.put("action", action(r, executions));
        }
        ArrayNode schedules = root.putArray("schedules");
        for (Plan plan : plans) {
            schedules.addObject().put("name", plan.schedule()).put("command", plan.command()).put("cron", plan.cron())
                    .put("zone", plan.zone()).put("period", plan.period())
                    .put("next", plan.next() == null ? null : plan.next().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        ArrayNode scheduleProblems = root.putArray("scheduleProblems");
        problems.forEach(scheduleProblems::add);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** Always with seconds: OffsetDateTime.toString() drops ":00", which readers of the JSON cannot expect. */
    static String offset(LocalDateTime time) {
        return time == null ? null
                : time.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault())
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
