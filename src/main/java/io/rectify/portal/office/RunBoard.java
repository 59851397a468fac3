package io.rectify.portal.office;

import io.rectify.run.ExecutionHistory;
import io.rectify.run.ExecutionRecord;
import io.rectify.run.Plan;
import io.rectify.run.Status;
import io.rectify.schedule.Serve;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** What {@code status} shows, for the office's home page: what to do first, the schedules, the latest executions. */
@Component
class RunBoard {

    static final int EXECUTIONS = 20;
    private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ExecutionHistory history;
    private final Status status;
    private final Serve serve;

    RunBoard(ExecutionHistory history, Status status, Serve serve) {
        this.history = history;
        this.status = status;
        this.serve = serve;
    }

    /** An execution that needs the office: what became of it and why, then what to do. */
    record Attention(String execution, String action) {
    }

    /** A schedule of jobs/: what it runs, when, and its next run ("已停用" when disabled). */
    record Schedule(String name, String command, String cron, String period, String next) {
    }

    /**
     * @param running whether an execution is running now (the page then refreshes itself)
     */
    record View(List<Attention> attention, List<Schedule> schedules, List<String> headers, List<List<String>> executions,
                boolean running) {
    }

    View view() {
        List<ExecutionRecord> executions = history.recent(EXECUTIONS);
        LocalDateTime now = LocalDateTime.now();
        List<Attention> attention = executions.stream()
                .map(r -> {
                    String action = status.action(r, executions);
                    return action == null ? null : new Attention("#" + r.id() + " " + r.job()
                            + (r.period() == null ? "" : " " + r.period()) + " " + r.state().label()
                            + (r.reason() == null ? "" : "：" + r.reason()), action);
                })
                .filter(a -> a != null).toList();
        List<Schedule> schedules = serve.plans(Instant.now()).stream().map(RunBoard::schedule).toList();
        boolean running = executions.stream().anyMatch(r -> r.state() == ExecutionRecord.State.RUNNING
                || r.state() == ExecutionRecord.State.STOPPING);
        return new View(attention, schedules, Status.HEADERS, executions.stream().map(r -> Status.row(r, now)).toList(),
                running);
    }

    private static Schedule schedule(Plan plan) {
        return new Schedule(plan.schedule(), plan.command(), plan.cron() + "（" + plan.zone() + "）", plan.period(),
                plan.next() == null ? "已停用" : plan.next().format(NEXT));
    }
}
