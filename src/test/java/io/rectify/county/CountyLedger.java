package io.rectify.county;

import io.rectify.ledger.LedgerLayout;
import io.rectify.ledger.LedgerWorkbookFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master ledger of a county's inspection feedback (县委巡察整改), in nothing like the shipped
 * sample: 36 county departments coded XF-01..XF-36 in four 督导组, 3 方面 of 4 反馈问题 each, 60
 * problems Q-01..Q-60 and 240 tasks Q-01-1.. with lead and cooperating units, and deadlines written
 * as the office writes them: date cells, dates typed as text, 长期坚持, and the worded forms of
 * {@link #WORDED}. Everything follows from the task's number, so two builds give the same ledger.
 * {@link #edited()} is the same ledger after the office's edit between May and June: a task removed, a
 * lead unit changed and a deadline moved.
 */
final class CountyLedger {

    static final LocalDate FEEDBACK_DATE = LocalDate.of(2023, 9, 15);
    static final String TITLE = "临溪县委巡察反馈问题整改";

    private static final String[] DEPARTMENTS = {"发展和改革局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局",
            "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境分局", "住房和城乡建设局", "交通运输局", "水利局",
            "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局",
            "统计局", "医疗保障局", "林业局", "信访局", "数据资源局", "机关事务服务中心", "融媒体中心", "行政审批局", "城市管理局",
            "供销合作社联合社", "总工会", "妇女联合会", "残疾人联合会", "科学技术协会"};
    private static final String[] GROUPS = {"县委第一督导组", "县委第二督导组", "县委第三督导组", "县委第四督导组"};
    private static final String[] CATEGORIES = {"一、贯彻落实党的路线方针政策和县委决策部署方面", "二、落实全面从严治党“两个责任”方面",
            "三、落实新时代党的组织路线方面"};
    private static final String[] POINTS = {"乡村振兴政策落实不够有力", "营商环境优化仍有短板", "生态环境保护存在薄弱环节", "民生实事推进不够均衡",
            "主体责任压得不实", "监督执纪存在宽松软", "作风建设常态长效不够", "财经纪律执行不严",
            "基层党组织建设薄弱", "干部队伍建设有差距", "人才工作统筹不够", "巡察整改成果运用不充分"};

    static final String IMMEDIATELY = "立行立改";
    /** Whatever number of days the office configures, 立行立改 ends months before May 2024. */
    private static final LocalDate IMMEDIATELY_DAY = FEEDBACK_DATE.plusDays(30);

    /**
     * The worded deadlines, by the lead unit whose first lead task has it, with the day each names
     * and the task's progress in May and June: chosen so that each is overdue, due soon (15 days) or
     * neither on the two periods' last days as its day says.
     */
    static final Map<String, CountyTask.Worded> WORDED = worded();

    /** The unit whose first lead task is removed from the ledger in June. */
    static final String REMOVED_TASK_UNIT = "XF-25";
    /** The unit whose first lead task is given to {@link #NEW_LEAD} in June. */
    static final String OLD_LEAD = "XF-27";
    static final String NEW_LEAD = "XF-29";
    /** The unit whose first lead task, due 2023-12-31 and in progress, is given until 2024-12-31 in June. */
    static final String MOVED_DEADLINE_UNIT = "XF-31";
    static final LocalDate MOVED_TO = LocalDate.of(2024, 12, 31);

    final List<CountyUnit> units;
    final List<CountyTask> tasks;
    final int problems;

    private CountyLedger(List<CountyUnit> units, List<CountyTask> tasks, int problems) {
        this.units = units;
        this.tasks = tasks;
        this.problems = problems;
    }

    private static Map<String, CountyTask.Worded> worded() {
        String started = CountyTask.IN_PROGRESS;
        String done = CountyTask.COMPLETED;
        Map<String, CountyTask.Worded> worded = new LinkedHashMap<>();
        worded.put("XF-01", new CountyTask.Worded("2023年12月底", LocalDate.of(2023, 12, 31), started, null, started, null));
        worded.put("XF-03", new CountyTask.Worded("2023年底", LocalDate.of(2023, 12, 31),
                done, LocalDate.of(2023, 12, 20), done, LocalDate.of(2023, 12, 20)));
        worded.put("XF-04", new CountyTask.Worded("2024年6月前", LocalDate.of(2024, 6, 30), started, null, started, null));
        worded.put("XF-08", new CountyTask.Worded("2024年上半年", LocalDate.of(2024, 6, 30),
                started, null, done, LocalDate.of(2024, 6, 18)));
        worded.put("XF-10", new CountyTask.Worded("2024年第三季度", LocalDate.of(2024, 9, 30), started, null, started, null));
        worded.put("XF-12", new CountyTask.Worded(IMMEDIATELY, IMMEDIATELY_DAY, started, null, started, null));
        worded.put("XF-14", new CountyTask.Worded(IMMEDIATELY, IMMEDIATELY_DAY,
                done, FEEDBACK_DATE.plusDays(1), done, FEEDBACK_DATE.plusDays(1)));
        worded.put("XF-16", new CountyTask.Worded("2024年5月底", LocalDate.of(2024, 5, 31),
                CountyTask.NOT_STARTED, null, started, null));
        return worded;
    }

    static CountyLedger original() {
        List<CountyUnit> units = new ArrayList<>();
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            units.add(new CountyUnit("XF-%02d".formatted(i + 1), "临溪县" + DEPARTMENTS[i], GROUPS[i % GROUPS.length]));
        }
        List<CountyTask> tasks = new ArrayList<>();
        int t = 0;
        for (int p = 1; p <= 60; p++) {
            for (int n = 1; n <= 3 + p % 3; n++, t++) {
                String lead = units.get(t * 7 % 36).code();
                List<String> cooperators = new ArrayList<>();
                if (t % 2 == 0) {
                    cooperators.add(units.get((t * 11 + 3) % 36).code());
                }
                if (t % 4 == 0) {
                    cooperators.add(units.get((t * 13 + 8) % 36).code());
                }
                cooperators.removeIf(c -> c.equals(lead));
                tasks.add(CountyTask.generic(t, "Q-%02d-%d".formatted(p, n), "Q-%02d".formatted(p), lead,
                        cooperators.stream().distinct().toList()));
            }
        }
        WORDED.forEach((unit, worded) -> {
            CountyTask first = firstLeadTask(tasks, unit);
            tasks.set(tasks.indexOf(first), first.worded(worded));
        });
        CountyTask moved = firstLeadTask(tasks, MOVED_DEADLINE_UNIT);
        tasks.set(tasks.indexOf(moved), moved.withDeadline(LocalDate.of(2023, 12, 31), LocalDate.of(2023, 12, 31))
                .withProgress(CountyTask.IN_PROGRESS, null, CountyTask.IN_PROGRESS, null));
        return new CountyLedger(List.copyOf(units), List.copyOf(tasks), 60);
    }

    /** The ledger after the office's edit between the May and June nights. */
    CountyLedger edited() {
        List<CountyTask> edited = new ArrayList<>(tasks);
        edited.remove(removedTask());
        CountyTask handedOver = handedOverTask();
        edited.set(edited.indexOf(handedOver), handedOver.withLead(NEW_LEAD));
        CountyTask moved = movedTask();
        edited.set(edited.indexOf(moved), moved.withDeadline(MOVED_TO, MOVED_TO));
        return new CountyLedger(units, List.copyOf(edited), problems);
    }

    CountyTask removedTask() {
        return firstLeadTask(tasks, REMOVED_TASK_UNIT);
    }

    CountyTask handedOverTask() {
        return firstLeadTask(tasks, OLD_LEAD);
    }

    CountyTask movedTask() {
        return firstLeadTask(tasks, MOVED_DEADLINE_UNIT);
    }

    CountyTask task(String code) {
        return tasks.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError("no task " + code));
    }

    CountyUnit unit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }

    List<CountyTask> leadTasks(String unit) {
        return tasks.stream().filter(t -> t.lead().equals(unit)).toList();
    }

    /** A unit's first lead task in ledger order. */
    static CountyTask firstLeadTask(List<CountyTask> tasks, String unit) {
        return tasks.stream().filter(t -> t.lead().equals(unit)).findFirst().orElseThrow();
    }

    /**
     * Writes the ledger as the county's office keeps it: its own titles, synonyms for some headers
     * (措施编号, 责任单位, 整改时限) and the 任务清单 columns in another order than the standard.
     */
    Path writeToMaster(Path input) {
        LedgerWorkbookFixture ledger = LedgerWorkbookFixture.standard()
                .info(LedgerLayout.TITLE, TITLE)
                .info(LedgerLayout.FEEDBACK_DATE, FEEDBACK_DATE)
                .info(LedgerLayout.CUTOFF_DAY, 10);
        LedgerWorkbookFixture.Table unitTable = cleared(ledger.units()).titles("临溪县委巡察整改责任单位及督导分组");
        for (CountyUnit unit : units) {
            unitTable.add(unit.code(), unit.name(), unit.group(), "", "");
        }
        LedgerWorkbookFixture.Table problemTable = cleared(ledger.problems()).titles("临溪县委巡察反馈问题清单", "（县委巡察办 2023年9月）");
        for (int p = 1; p <= problems; p++) {
            int point = (p - 1) / 5;
            problemTable.add("Q-%02d".formatted(p), CATEGORIES[point / 4], POINTS[point], "反馈问题第%d项：%s具体表现".formatted(p, POINTS[point]));
        }
        LedgerWorkbookFixture.Table taskTable = cleared(ledger.tasks()).titles("临溪县委巡察整改任务清单")
                .rename(LedgerLayout.TASK_CODE, "措施编号").rename(LedgerLayout.LEAD_UNIT, "责任单位")
                .rename(LedgerLayout.DEADLINE, "整改时限");
        for (CountyTask task : tasks) {
            taskTable.add(task.code(), task.problem(), task.measure(), task.lead(), String.join("、", task.cooperators()),
                    task.deadlineCell());
        }
        taskTable.order(LedgerLayout.PROBLEM_CODE, LedgerLayout.TASK_CODE, LedgerLayout.MEASURE, LedgerLayout.DEADLINE,
                LedgerLayout.LEAD_UNIT, LedgerLayout.COOPERATORS);
        return ledger.writeToMaster(input);
    }

    private static LedgerWorkbookFixture.Table cleared(LedgerWorkbookFixture.Table table) {
        while (true) {
            try {
                table.remove(0);
            } catch (IndexOutOfBoundsException empty) {
                return table;
            }
        }
    }

    /** A 责任单位 row. */
    record CountyUnit(String code, String name, String group) {
    }
}
