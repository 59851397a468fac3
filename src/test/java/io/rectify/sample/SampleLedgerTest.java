package io.rectify.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ledger.Deadline;
import io.rectify.workbook.Cell;
import io.rectify.workbook.ExcelDates;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample ledger as written to disk and read back with POI: the reference case's figures and a plausible office ledger. */
class SampleLedgerTest {

    @TempDir
    static Path input;

    static Path ledger;
    static Map<String, String> unitCodeByName;
    static Map<String, String> groupByUnit;
    static List<Map<String, Cell>> problems;
    static List<Map<String, Cell>> tasks;

    @BeforeAll
    static void generate() throws IOException {
        // as the sample command writes it (SampleInputs.write), without the returns and reviews written after it
        ledger = SampleInputs.masterLedger(input);
        SampleLedgerWorkbook.write(SampleLedger.ledger(), ledger);
        unitCodeByName = new LinkedHashMap<>();
        groupByUnit = new LinkedHashMap<>();
        for (Map<String, Cell> row : LedgerTables.read(ledger, "责任单位", "单位代码", "单位名称", "督查组", "联系人", "联系电话")) {
            unitCodeByName.put(LedgerTables.text(row, "单位名称"), LedgerTables.text(row, "单位代码"));
            groupByUnit.put(LedgerTables.text(row, "单位代码"), LedgerTables.text(row, "督查组"));
        }
        problems = LedgerTables.read(ledger, "问题清单", "问题编号", "方面", "反馈问题", "问题描述");
        tasks = LedgerTables.read(ledger, "任务清单", "任务编号", "问题编号", "整改措施", "牵头单位", "配合单位", "完成时限");
    }

    @Test
    void ledgerHoldsTheReferenceCaseFigures() {
        assertThat(distinct(problems, "方面")).hasSize(4);
        assertThat(distinct(problems, "反馈问题")).hasSize(13);
        assertThat(problems).hasSize(79);
        assertThat(tasks).hasSize(427);
        assertThat(unitCodeByName).hasSize(54);
        assertThat(new TreeSet<>(groupByUnit.values()))
                .containsExactly("第一督查组", "第三督查组", "第二督查组", "第五督查组", "第四督查组");
    }

    @Test
    void categoriesAndFeedbackPointsCarryTheBulletinsTitles() {
        assertThat(distinct(problems, "方面")).containsExactly(
                "关于贯彻落实党中央和市委重大决策部署不够深入，推进区域经济社会高质量发展有差距问题",
                "关于落实全面从严治党战略部署不够严实，聚焦重点抓实抓细有欠缺问题",
                "关于落实新时代党的组织路线不够有力，为现代化主城区建设提供组织保障有短板问题",
                "关于落实巡视整改任务不够到位问题");
        assertThat(distinct(problems, "反馈问题")).containsExactly(
                "发挥国家战略平台牵引提升城区核心竞争力有不足问题",
                "贯彻新发展理念促进产业发展推动城乡转型有欠缺问题",
                "聚焦重点领域深化改革提高城市治理效能有短板问题",
                "践行人民城市理念保障民生创造高品质生活有弱项问题",
                "防范化解各类重大风险有疏漏问题",
                "履行主体责任不实问题",
                "一些领域廉洁风险突出问题",
                "形式主义、官僚主义和违反中央八项规定精神问题时有发生问题",
                "领导班子自身建设还有不足问题",
                "干部队伍日常监督管理不严格问题",
                "基层党组织政治功能发挥不强问题",
                "激励干部担当作为不够问题",
                "上一轮巡视指出的一些问题");
    }

    @Test
    void everyFeedbackPointHasSeveralProblemsAndEveryProblemHasTasks() {
        Map<String, Long> problemsPerPoint = problems.stream()
                .collect(Collectors.groupingBy(p -> LedgerTables.text(p, "反馈问题"), Collectors.counting()));
        assertThat(problemsPerPoint.values()).allMatch(n -> n >= 3);
        Map<String, Long> tasksPerProblem = tasks.stream()
                .collect(Collectors.groupingBy(t -> LedgerTables.text(t, "问题编号"), Collectors.counting()));
        assertThat(tasksPerProblem.keySet()).containsExactlyInAnyOrderElementsOf(column(problems, "问题编号"));
        assertThat(tasksPerProblem.values()).allMatch(n -> n >= 2);
    }

    @Test
    void codesAreUnique() {
        assertThat(new HashSet<>(column(problems, "问题编号"))).hasSize(79);
        assertThat(new HashSet<>(column(tasks, "任务编号"))).hasSize(427);
        assertThat(new HashSet<>(unitCodeByName.values())).hasSize(54);
        assertThat(column(tasks, "任务编号")).allMatch(code -> code.matches("P\\d{2}-\\d{2}"));
    }

    @Test
    void everyUnitLeadsATaskAndLeadsAreGivenByCodeOrByName() {
        Map<String, Integer> leads = new HashMap<>();
        int byName = 0;
        for (Map<String, Cell> task : tasks) {
            String lead = LedgerTables.text(task, "牵头单位");
            if (unitCodeByName.containsKey(lead)) {
                byName++;
            }
            leads.merge(unit(lead), 1, Integer::sum);
        }
        assertThat(leads.keySet()).containsExactlyInAnyOrderElementsOf(unitCodeByName.values());
        assertThat(byName).isBetween(100, 327);
    }

    @Test
    void leadUnitsFitTheirMeasures() {
        for (Map<String, Cell> task : tasks) {
            String measure = LedgerTables.text(task, "整改措施");
            String lead = name(unit(LedgerTables.text(task, "牵头单位")));
            if (measure.contains("宅基地房屋租赁安全隐患")) {
                assertThat(lead).endsWith("镇");
            }
            if (measure.startsWith("制定《闵行区教育系统")) {
                assertThat(lead).isEqualTo("区教育局");
            }
            if (measure.contains("居村党群服务站高质量建设")) {
                assertThat(lead).matches(".+(镇|街道)");
            }
        }
    }

    @Test
    void aFifthOfTasksHaveOneOrTwoCooperatingUnitsOtherThanTheLead() {
        int withCooperators = 0;
        for (Map<String, Cell> task : tasks) {
            String cooperators = LedgerTables.text(task, "配合单位");
            if (cooperators.isEmpty()) {
                continue;
            }
            withCooperators++;
            List<String> codes = List.of(cooperators.split("、")).stream().map(SampleLedgerTest::unit).toList();
            assertThat(codes).hasSizeBetween(1, 2).doesNotHaveDuplicates()
                    .doesNotContain(unit(LedgerTables.text(task, "牵头单位")));
        }
        assertThat(withCooperators).isBetween(64, 107);
    }

    @Test
    void deadlinesFallFromSeptember2023ToJune2024OrAreLongTerm() {
        Map<YearMonth, Integer> months = new TreeMap<>();
        int longTerm = 0;
        int asText = 0;
        for (Map<String, Cell> task : tasks) {
            Cell cell = task.get("完成时限");
            if (cell.kind() == Cell.Kind.TEXT && cell.text().equals(Deadline.LONG_TERM)) {
                longTerm++;
                continue;
            }
            if (cell.kind() == Cell.Kind.TEXT) {
                assertThat(cell.text()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
                asText++;
            } else {
                assertThat(cell.kind()).isEqualTo(Cell.Kind.DATE);
            }
            LocalDate deadline = ExcelDates.date(cell).orElseThrow();
            assertThat(deadline).isBetween(LocalDate.of(2023, 9, 30), LocalDate.of(2024, 6, 30));
            months.merge(YearMonth.from(deadline), 1, Integer::sum);
        }
        assertThat(longTerm).isBetween(34, 43);
        assertThat(asText).isGreaterThan(50);
        assertThat(months.keySet()).hasSize(10);
        assertThat(months.get(YearMonth.of(2023, 12))).isEqualTo(months.values().stream().max(Integer::compare).orElseThrow());
    }

    @Test
    void unfinishedTasksLieInThreeProblemsAndAreNotDueBeforeApril2024() {
        Map<String, Map<String, Cell>> byCode = new HashMap<>();
        tasks.forEach(t -> byCode.put(LedgerTables.text(t, "任务编号"), t));
        Set<String> problemsLeftOpen = new LinkedHashSet<>();
        for (String code : SampleLedger.UNFINISHED_TASKS) {
            Map<String, Cell> task = byCode.get(code);
            assertThat(task).as(code).isNotNull();
            problemsLeftOpen.add(LedgerTables.text(task, "问题编号"));
            Cell deadline = task.get("完成时限");
            if (!deadline.text().equals(Deadline.LONG_TERM)) {
                assertThat(ExcelDates.date(deadline).orElseThrow()).as(code).isAfter(LocalDate.of(2024, 3, 31));
            }
        }
        assertThat(SampleLedger.UNFINISHED_TASKS).hasSize(9).doesNotHaveDuplicates();
        assertThat(problemsLeftOpen).containsExactlyElementsOf(SampleLedger.UNFINISHED_PROBLEMS);
    }

    @Test
    void measuresAndProblemsAreWrittenOutNotRepeated() {
        List<String> measures = column(tasks, "整改措施");
        assertThat(new HashSet<>(measures)).hasSizeGreaterThan(360);
        Map<String, Long> repeats = measures.stream().collect(Collectors.groupingBy(m -> m, Collectors.counting()));
        assertThat(repeats.values()).allMatch(n -> n <= 13);
        assertThat(new HashSet<>(column(problems, "问题描述"))).hasSize(79);
        assertThat(measures).allMatch(m -> m.length() >= 10);
    }

    @Test
    void basicInfoGivesTitleFeedbackDateAndCutoffDay() throws IOException {
        Map<String, Cell> info = LedgerTables.info(ledger);
        assertThat(info.get("名称").text()).isEqualTo("十二届市委第二轮巡视集中整改");
        assertThat(info.get("反馈日期").kind()).isEqualTo(Cell.Kind.DATE);
        assertThat(ExcelDates.date(info.get("反馈日期"))).contains(LocalDate.of(2023, 8, 29));
        assertThat(info.get("报送截止日").number()).isEqualTo(5);
    }

    private static String unit(String codeOrName) {
        String code = unitCodeByName.getOrDefault(codeOrName, codeOrName);
        assertThat(groupByUnit).as("unit %s", codeOrName).containsKey(code);
        return code;
    }

    private static String name(String code) {
        return unitCodeByName.entrySet().stream().filter(e -> e.getValue().equals(code)).findFirst().orElseThrow().getKey();
    }

    private static List<String> column(List<Map<String, Cell>> rows, String column) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(LedgerTables.text(row, column)));
        return values;
    }

    private static List<String> distinct(List<Map<String, Cell>> rows, String column) {
        return List.copyOf(new LinkedHashSet<>(column(rows, column)));
    }
}
