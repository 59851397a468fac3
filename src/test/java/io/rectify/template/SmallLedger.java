package io.rectify.template;

import io.rectify.ledger.Category;
import io.rectify.ledger.Deadline;
import io.rectify.ledger.FeedbackPoint;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerInfo;
import io.rectify.ledger.Problem;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import java.time.LocalDate;
import java.util.List;

/**
 * A small ledger for template tests: three units in two groups, four problems, seven tasks with
 * cooperating units, a long-term task, a deadline in words (T007: 2024年4月底前) and a measure that
 * looks like a formula.
 */
final class SmallLedger {

    static final String HASH = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f";
    static final LocalDate FEEDBACK = LocalDate.of(2023, 8, 29);

    private SmallLedger() {
    }

    static Ledger ledger() {
        List<Unit> units = List.of(
                new Unit("U01", "区发展和改革委员会", "第一督查组", "张三", "021-64000001"),
                new Unit("U02", "区财政局", "第一督查组", null, null),
                new Unit("U03", "区住房保障和房屋管理局", "第二督查组", "李四", null));
        List<Category> categories = List.of(new Category(1, "贯彻落实党中央重大决策部署方面"), new Category(2, "全面从严治党方面"));
        List<FeedbackPoint> points = List.of(new FeedbackPoint(1, 1, "推进高质量发展有差距"),
                new FeedbackPoint(2, 2, "监督执纪不够有力"));
        List<Problem> problems = List.of(
                new Problem("P01", 1, 1, "产业结构调整推进不够有力"),
                new Problem("P02", 1, 1, "营商环境优化不到位"),
                new Problem("P03", 2, 2, "财务管理制度执行不严"),
                new Problem("P04", 2, null, "老旧小区改造进度滞后"));
        List<Task> tasks = List.of(
                new Task("T001", "P01", "制定产业结构调整三年行动方案，明确重点产业目录和年度目标，建立季度推进和督办机制", "U01",
                        Deadline.on(LocalDate.of(2024, 6, 30)), List.of("U02")),
                new Task("T002", "P01", "=HYPERLINK(\"http://evil\",\"点击\")", "U01", Deadline.NONE, List.of()),
                new Task("T003", "P02", "优化企业开办流程，压缩办理时限", "U02", Deadline.on(LocalDate.of(2024, 3, 31)), List.of("U01", "U03")),
                new Task("T004", "P03", "修订区级财政资金管理办法", "U02", Deadline.on(LocalDate.of(2024, 5, 31)), List.of()),
                new Task("T005", "P03", "开展财务管理专项检查", "U02", Deadline.NONE, List.of("U03")),
                new Task("T006", "P04", "制定老旧小区改造年度计划并按月通报进度", "U03", Deadline.on(LocalDate.of(2024, 12, 31)), List.of()),
                new Task("T007", "P02", "+建立企业诉求快速响应机制", "U01", new Deadline("2024年4月底前", LocalDate.of(2024, 4, 30)),
                        List.of()));
        return new Ledger(new LedgerInfo("十二届市委第二轮巡视整改", FEEDBACK, 5), List.of("第一督查组", "第二督查组"),
                units, categories, points, problems, tasks);
    }

    static Unit unit(String code) {
        return ledger().units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }
}
