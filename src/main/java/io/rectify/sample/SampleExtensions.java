package io.rectify.sample;

import static io.rectify.sample.SampleProgress.FEBRUARY;

import io.rectify.ledger.Ledger;
import io.rectify.ledger.Task;
import io.rectify.rule.Verdict;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sample's deadline extensions (延期): two units ask in their 2024-02 returns (延期申请 sheet), the
 * office decides in the 2024-02 延期审批表. Both tasks are among {@link SampleLedger#UNFINISHED_TASKS},
 * due 2024-06-30 and still 推进中 in March, so neither decision changes March's figures; the granted one
 * shows its extended deadline beside the ledger's from the 2024-03 templates on.
 */
final class SampleExtensions {

    /**
     * A unit's request and the office's decision on it.
     *
     * @param grantedTo 批准延期至 as the office writes it; null when refused
     */
    record Request(String task, LocalDate requested, String reason, Verdict verdict, LocalDate grantedTo,
                   String opinion) {
    }

    static final String APPROVER = "区委巡视整改办 赵立新";
    /** The office decides a week after the 2024-02 cut-off, once the 2024-02 nightly has listed the requests. */
    static final LocalDate APPROVED_ON = LocalDate.of(2024, 3, 12);

    /** 空壳村撤制 waits for the city's approval: granted, to a day earlier than asked. */
    static final Request GRANTED = new Request("P74-02", LocalDate.of(2024, 12, 31),
            "空壳村撤制须报市民政局审批，市级审批集中受理预计于2024年下半年开展，无法在2024年6月底前办结。",
            Verdict.GRANT, LocalDate.of(2024, 9, 30),
            "同意延期至2024年9月30日。请主动对接市民政局，提前备齐撤制材料，每月报送进展。");
    /** The 城中村 tail is a hard deadline of the year: refused. */
    static final Request REFUSED = new Request("P22-03", LocalDate.of(2024, 9, 30),
            "剩余3户动迁居民诉求复杂，签约推进难度较大，申请延期至2024年9月底。",
            Verdict.REFUSE, null,
            "第一轮认定“城中村”改造项目收尾是区委明确的年度硬任务，不同意延期。请倒排工期、一户一策，确保2024年6月底前完成。");

    private static final List<Request> FEBRUARY_REQUESTS = List.of(GRANTED, REFUSED);

    private SampleExtensions() {
    }

    /** The requests a unit's return for {@code period} holds: only its lead tasks. */
    static List<Request> requests(Ledger ledger, String unitCode, YearMonth period) {
        if (!period.equals(FEBRUARY)) {
            return List.of();
        }
        return FEBRUARY_REQUESTS.stream().filter(r -> task(ledger, r.task()).leadUnit().equals(unitCode)).toList();
    }

    /** The requests the 延期审批表 of {@code period} decides. */
    static List<Request> decided(YearMonth period) {
        return period.equals(FEBRUARY) ? FEBRUARY_REQUESTS : List.of();
    }

    /** The extended deadlines in force in {@code period}: those granted in it or before, for {@link Ledger#extended}. */
    static Map<String, LocalDate> inForce(YearMonth period) {
        return period.isBefore(FEBRUARY) ? Map.of() : FEBRUARY_REQUESTS.stream()
                .filter(r -> r.verdict() == Verdict.GRANT)
                .collect(Collectors.toMap(Request::task, Request::grantedTo));
    }

    /** Fails unless every request is one the nightly accepts: a lead task not 长期坚持, asked before its deadline, for a later day. */
    static void requireValid(Ledger ledger, LocalDate lastReturnDay) {
        for (Request request : FEBRUARY_REQUESTS) {
            Task task = task(ledger, request.task());
            if (task.longTerm() || !task.deadline().date().isAfter(lastReturnDay)
                    || !request.requested().isAfter(task.deadline().date())
                    || request.grantedTo() != null && !request.grantedTo().isAfter(task.deadline().date())
                    || !SampleLedger.UNFINISHED_TASKS.contains(task.code())) {
                throw new IllegalStateException("the sample's extension request for " + task.code() + " is not one to grant or refuse");
            }
        }
    }

    private static Task task(Ledger ledger, String code) {
        return ledger.tasks().stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no task " + code + " in the sample ledger"));
    }
}
