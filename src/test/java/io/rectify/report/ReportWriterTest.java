package io.rectify.report;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.FORMULA_LIKE;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rectify.NightlyFixture;
import io.rectify.ReceiptFiles;
import io.rectify.consolidate.AccountabilityCount;
import io.rectify.consolidate.Completion;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ExceptionCount;
import io.rectify.consolidate.InstitutionCount;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.ProblemCount;
import io.rectify.consolidate.ReconciledFixture;
import io.rectify.consolidate.SubmissionCount;
import io.rectify.consolidate.TaskCount;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.ops.FailureCause;
import io.rectify.ops.RectifyProperties;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportWriterTest extends MarchReports {

    /** The paragraph of the reference bulletin (seed), its wording and figures to the character, in official punctuation. */
    private static final String SEED_PARAGRAPH = "截至2024年3月，巡视反馈的79项问题已完成整改76项。提出整改措施427条，已经完成418条。"
            + "党纪政务立案18人，党纪政务处分共11人。诫勉谈话2人，通过提醒谈话、批评教育、书面检查、调整职务等方式组织处理18人。"
            + "已新建制度59项，修订完善6项。";

    @Test
    void outputsGoToThePeriodFolder() {
        Path folder = output.resolve("2024-03");
        assertThat(report.folder()).isEqualTo(folder);
        assertThat(report.files()).contains(folder.resolve("汇总统计.xlsx"), folder.resolve("异常清单.xlsx"),
                folder.resolve("通报.txt"), folder.resolve("summary.json"), folder.resolve("exceptions.csv"),
                ReceiptFiles.receipt(folder, "U01"));
        assertThat(report.files()).allMatch(Files::isRegularFile);
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().startsWith(".writing-"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void summaryJsonHoldsTheSpecFieldsInOrderWithTheFigures() throws IOException {
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(output.resolve("2024-03/summary.json")));

        assertThat(json.propertyNames()).startsWith("period", "asOf").contains("problems", "tasks", "accountability",
                "institutions", "submissions", "exceptions", "byCategory", "byGroup", "byUnit");
        assertThat(json.get("period").asString()).isEqualTo("2024-03");
        assertThat(json.get("asOf").asString()).isEqualTo("2024-03-31");
        assertThat(json.get("completedMeans").asString()).isEqualTo("reported");
        assertThat(json.get("problems").toString()).isEqualTo("{\"total\":3,\"completed\":1,\"reported\":1,\"signedOff\":0}");
        assertThat(json.get("tasks").toString()).isEqualTo("{\"total\":5,\"completed\":2,\"inProgress\":2,\"notStarted\":1,"
                + "\"overdue\":1,\"dueSoon\":1,\"reported\":2,\"awaitingSignOff\":0,\"signedOff\":0}");
        assertThat(json.get("accountability").toString())
                .isEqualTo("{\"caseFiled\":3,\"disciplined\":4,\"admonished\":1,\"organizational\":7}");
        assertThat(json.get("institutions").toString()).isEqualTo("{\"created\":3,\"revised\":1}");
        assertThat(json.get("submissions").toString()).isEqualTo("{\"expected\":3,\"accepted\":2,\"missing\":1,"
                + "\"late\":1,\"rejectedFiles\":2,\"missingUnits\":[\"U03\"]}");
        JsonNode exceptions = json.get("exceptions");
        assertThat(exceptions.propertyNames()).containsExactly("error", "warning", "info", "byRule");
        assertThat(exceptions.get("error").asInt()).isEqualTo(4);
        assertThat(exceptions.get("warning").asInt()).isEqualTo(11);
        assertThat(exceptions.get("info").asInt()).isEqualTo(2);
        assertThat(exceptions.get("byRule").get("ledger-field-changed").asInt()).isEqualTo(7);
        assertThat(exceptions.get("byRule").get("overdue").asInt()).isEqualTo(1);
        JsonNode category = json.get("byCategory").get(0);
        assertThat(category.get("name").asString()).isEqualTo("贯彻落实重大决策部署");
        assertThat(category.get("problems").toString()).isEqualTo("{\"total\":2,\"completed\":1,\"reported\":1,\"signedOff\":0}");
        assertThat(category.get("tasks").get("total").asInt()).isEqualTo(3);
        assertThat(category.get("tasks").get("completed").asInt()).isEqualTo(2);
        JsonNode group = json.get("byGroup").get(1);
        assertThat(group.get("name").asString()).isEqualTo("第二督查组");
        assertThat(group.get("units").asInt()).isEqualTo(2);
        assertThat(group.get("tasks").get("total").asInt()).isEqualTo(2);
        assertThat(group.get("tasks").get("overdue").asInt()).isEqualTo(1);
        JsonNode unit = json.get("byUnit").get(2);
        assertThat(unit.propertyNames()).startsWith("code", "name", "group", "submitted");
        assertThat(unit.get("code").asString()).isEqualTo("U03");
        assertThat(unit.get("name").asString()).isEqualTo("区教育局");
        assertThat(unit.get("group").asString()).isEqualTo("第二督查组");
        assertThat(unit.get("submitted").asBoolean()).isFalse();
        assertThat(unit.get("tasks").get("total").asInt()).isEqualTo(2);
        assertThat(json.get("byUnit").get(0).get("submitted").asBoolean()).isTrue();
        assertThat(json.get("trend")).extracting(t -> t.get("period").asString()).containsExactly("2024-02", "2024-03");
    }

    @Test
    void summaryJsonIsPrettyPrintedWithStableKeysAndNoRunTime() throws IOException {
        String json = Files.readString(output.resolve("2024-03/summary.json"));

        assertThat(json).startsWith("{\n  \"period\": \"2024-03\",\n  \"asOf\": \"2024-03-31\",\n");
        assertThat(json).endsWith("}\n").doesNotContain("\r");
        assertThat(json).doesNotContain(java.time.LocalDate.now().toString());
    }

    @Test
    void exceptionsCsvHasBomExactHeaderRfc4180QuotingAndListOrder() throws IOException {
        byte[] bytes = Files.readAllBytes(output.resolve("2024-03/exceptions.csv"));

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("rule,severity,group,unit,problem,task,file,sheet,row,column,value,message\r\n");
        List<List<String>> records = Csv.parse(text);
        assertThat(records).hasSize(1 + march.exceptions().size());
        assertThat(records.subList(1, records.size())).extracting(r -> r.get(0))
                .containsExactlyElementsOf(march.exceptions().stream().map(e -> e.rule().code()).toList());
        assertThat(records).allMatch(r -> r.size() == 12);
        List<String> unknownUnit = records.get(1);
        assertThat(unknownUnit).containsExactly("unknown-unit", "error", "", "", "", "", "其他/未知单位.xlsx", "整改进展",
                "3", "C", "X99", "单位代码“X99”不在台账中，请填写台账中的单位代码后重新报送。");
        List<String> evidence = records.stream().filter(r -> r.get(0).equals("missing-evidence")).findFirst().orElseThrow();
        assertThat(evidence.get(11)).isEqualTo("已完成的任务须填写佐证材料，如\"文件名, 文号\"。");
        assertThat(text).contains(",\"已完成的任务须填写佐证材料，如\"\"文件名, 文号\"\"。\"\r\n");
        List<String> lineFeed = records.stream().filter(r -> r.get(10).endsWith("LF")).findFirst().orElseThrow();
        assertThat(lineFeed.get(10)).isEqualTo("'\nLF");
    }

    @Test
    void exceptionWorkbookHasOverviewAllAndOneSheetPerGroupErrorsFirstColouredFilteredAndFrozen() throws IOException {
        try (XSSFWorkbook workbook = open("2024-03/异常清单.xlsx")) {
            assertThat(sheetNames(workbook)).containsExactly("汇总", "全部", "第一督查组", "第二督查组");
            XSSFSheet all = workbook.getSheet("全部");
            assertThat(texts(all.getRow(0))).containsExactly("序号", "严重程度", "规则名称", "督查组", "单位代码", "单位名称",
                    "问题编号", "任务编号", "说明/整改要求", "文件", "工作表", "行", "列", "原值", "规则代码");
            assertThat(all.getLastRowNum()).isEqualTo(march.exceptions().size());
            assertThat(texts(all.getRow(1))).containsExactly("1", "错误", "报送期次不符", "第二督查组", "U03", "区教育局", "",
                    "", "报送期次应为2024-03，请改正后重新报送。", "U03/教育局.xlsx", "整改进展", "4", "C", "2024-02",
                    "period-mismatch");
            assertThat(column(all, 1)).containsSubsequence("错误", "警告", "提示").doesNotContainSubsequence("提示", "错误")
                    .doesNotContainSubsequence("警告", "错误").doesNotContainSubsequence("提示", "警告");
            assertThat(fill(all.getRow(1).getCell(3))).isEqualTo("FFC7CE");
            assertThat(fill(all.getRow(5).getCell(8))).isEqualTo("FFEB9C");
            assertThat(fill(all.getRow(march.exceptions().size()).getCell(0))).isEqualTo("DDEBF7");
            assertThat(all.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:O" + (march.exceptions().size() + 1));
            assertThat(all.getPaneInformation().isFreezePane()).isTrue();
            assertThat(all.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(all.getPrintSetup().getLandscape()).isTrue();
            assertThat(all.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);

            XSSFSheet first = workbook.getSheet("第一督查组");
            long firstGroup = march.exceptions().stream().filter(e -> "第一督查组".equals(e.group())).count();
            assertThat(first.getLastRowNum()).isEqualTo((int) firstGroup);
            assertThat(column(first, 3)).containsOnly("第一督查组");
            assertThat(first.getCTWorksheet().isSetAutoFilter()).isTrue();
            XSSFSheet second = workbook.getSheet("第二督查组");
            assertThat(column(second, 14)).containsExactly("period-mismatch", "missing-return", "overdue");
        }
    }

    @Test
    void statisticsWorkbookHasEverySheetWithTheFigures() throws IOException {
        try (XSSFWorkbook workbook = open("2024-03/汇总统计.xlsx")) {
            assertThat(sheetNames(workbook)).containsExactly("领导摘要", "图表", "第一督查组单位", "第二督查组单位", "总体情况",
                    "按方面", "按反馈问题", "按问题", "按单位", "按督查组", "考核",
                    "报送情况", "制度建设", "问责情况", "趋势");
            Sheet overview = workbook.getSheet("总体情况");
            assertThat(valueOf(overview, "问题总数")).isEqualTo("3");
            assertThat(valueOf(overview, "已完成整改问题")).isEqualTo("1");
            assertThat(valueOf(overview, "措施完成率")).isEqualTo("40.0%");
            assertThat(valueOf(overview, "逾期未完成")).isEqualTo("1");
            assertThat(valueOf(overview, "组织处理（人）")).isEqualTo("7");
            assertThat(valueOf(overview, "新建制度（项）")).isEqualTo("3");
            assertThat(valueOf(overview, "未报送单位")).isEqualTo("1");
            assertThat(allTexts(overview)).contains(Bulletin.text(march.headline(), march.completion()));

            Sheet units = workbook.getSheet("按单位");
            assertThat(texts(units.getRow(1))).startsWith("1", "红", "U03", "区教育局", "第二督查组", "未报送", "2", "0", "0",
                    "0", "1", "1", "1");
            assertThat(texts(units.getRow(4))).startsWith("4", "绿", "U04", "区民政局", "第二督查组", "无需报送", "0");
            assertThat(texts(units.getRow(5))).startsWith("合计", "", "", "", "", "已报送 2/3", "5", "2");
            Sheet groups = workbook.getSheet("按督查组");
            // worst first: 第二督查组 (red) above
            assertThat(texts(groups.getRow(2))).containsExactly("2", "黄", "第一督查组", "2", "2", "2", "3", "2", "0", "0",
                    "1", "0", "0", "1", "66.7%", "即将到期1条；1个单位逾期报送");
            Sheet problems = workbook.getSheet("按问题");
            assertThat(List.of(3, 4, 7)).extracting(r -> texts(problems.getRow(r)).subList(2, 14))
                    .containsExactly(List.of("P01", "战略平台牵引不足", "2", "2", "0", "0", "0", "0", "0", "0", "100.0%", "已完成整改"),
                            List.of("P02", "产业转型欠缺", "1", "0", "0", "0", "1", "0", "0", "1", "0.0%", "整改中"),
                            List.of("P03", "主体责任落实不到位", "2", "0", "0", "0", "1", "1", "1", "0", "0.0%", "整改中"));
            Sheet submissions = workbook.getSheet("报送情况");
            assertThat(texts(submissions.getRow(2))).containsExactly("第一督查组", "U02", "区财政局", "是", "已报送",
                    "U02/财政局-v2.xlsx", "2024-04-08", "是", "");
            assertThat(texts(submissions.getRow(3))).containsExactly("第二督查组", "U03", "区教育局", "是", "未报送", "",
                    "", "", "U03/教育局.xlsx");
            Sheet institutions = workbook.getSheet("制度建设");
            assertThat(texts(institutions.getRow(1))).containsExactly("1", "闵行区政务信息化项目管理办法", "闵府发〔2023〕15号",
                    "新建", "2024-01-15", "", "区发改委、区财政局");
            assertThat(institutions.getLastRowNum()).isEqualTo(5);
            assertThat(texts(institutions.getRow(5))).startsWith("合计", "新建制度 3 项，修订完善 1 项");
            Sheet accountability = workbook.getSheet("问责情况");
            assertThat(texts(accountability.getRow(2))).containsExactly("U02", "区财政局", "第一督查组", "1", "4", "0", "5",
                    "10", "2024年3月");
            assertThat(texts(accountability.getRow(4))).containsExactly("全区合计", "", "", "3", "4", "1", "7", "15", "");
            Sheet trend = workbook.getSheet("趋势");
            assertThat(texts(trend.getRow(0))).containsExactly("指标", "2024年2月", "2024年3月");
            assertThat(rowOf(trend, "已完成")).containsExactly("已完成", "1", "2");
            assertThat(rowOf(trend, "问题整改率")).containsExactly("问题整改率", "0.0%", "33.3%");
            assertThat(rowOf(trend, "新建制度（项）")).containsExactly("新建制度（项）", "3", "3");
            for (String name : List.of("按方面", "按反馈问题", "按问题", "按单位", "按督查组", "报送情况", "制度建设", "问责情况")) {
                XSSFSheet sheet = workbook.getSheet(name);
                assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
            }
        }
    }

    @Test
    void everyLedgerUnitGetsAReceiptSayingWhatWasTakenAndWhatToFix() throws IOException {
        try (XSSFWorkbook u02 = open(ReceiptFiles.receipt(output, "2024-03", "U02"))) {
            assertThat(sheetNames(u02)).containsExactly("回执", "任务情况", "制度建设", "问责情况", "需整改事项");
            Sheet summary = u02.getSheet("回执");
            assertThat(valueOf(summary, "接收情况")).startsWith("已采纳");
            assertThat(valueOf(summary, "采纳文件")).isEqualTo("U02/财政局-v2.xlsx");
            assertThat(valueOf(summary, "报送日期")).isEqualTo("2024年4月8日");
            assertThat(valueOf(summary, "逾期报送")).isEqualTo("是");
            assertThat(valueOf(summary, "本期收到的文件")).contains("U02/财政局-v1.xlsx（已被更新报送替代", "U02/财政局-v2.xlsx（已采纳");
            assertThat(rowOf(summary, "1. 逾期报送")).contains("下次按时报送", "2024年5月5日前（下次报送）");
            assertThat(rowOf(summary, "2. 缺少佐证材料")).contains("在下次报送时补充");
            assertThat(allTexts(summary)).contains("另有提示 1 条，请知悉，见“需整改事项”表。");
            assertThat(texts(u02.getSheet("任务情况").getRow(1))).startsWith("T02", "建立联席会议机制", "长期坚持", "牵头",
                    "已完成", "已完成", "", "2024年3月报送", "", "", "P01", "2024-03-20");
            assertThat(u02.getSheet("制度建设").getLastRowNum()).isEqualTo(3);
            assertThat(column(u02.getSheet("问责情况"), 1)).containsExactly("4", "5", "1");
            assertThat(column(u02.getSheet("需整改事项"), 14))
                    .as("errors, then warnings, then 提示").containsExactly("late-submission", "missing-evidence", "superseded");
        }
        try (XSSFWorkbook u03 = open(ReceiptFiles.receipt(output, "2024-03", "U03"))) {
            Sheet summary = u03.getSheet("回执");
            assertThat(valueOf(summary, "接收情况")).startsWith("收到本期报送的文件，但未采纳");
            assertThat(valueOf(summary, "本期收到的文件"))
                    .isEqualTo("收到的文件“U03/教育局.xlsx”未采纳，原因：报送期次应为2024-03，请改正后重新报送。");
            assertThat(rowOf(u03.getSheet("任务情况"), "T04")).contains("2024年3月15日前", "本期未填报", "推进中", "2024年2月报送",
                    "逾期未完成");
            assertThat(column(u03.getSheet("需整改事项"), 14)).containsExactly("period-mismatch", "missing-return", "overdue");
        }
        try (XSSFWorkbook u04 = open(ReceiptFiles.receipt(output, "2024-03", "U04"))) {
            assertThat(valueOf(u04.getSheet("回执"), "接收情况")).startsWith("本单位无牵头任务");
            assertThat(valueOf(u04.getSheet("回执"), "本期收到的文件")).isEqualTo("无");
        }
        assertThat(ReceiptFiles.receipt(output.resolve("2024-03"), "U01")).isRegularFile();
    }

    @Test
    void receiptShowsACooperatingRowWithoutStatusAsNotAdoptedWithTheReason() throws IOException {
        String reason = "第5行任务“T04”（配合任务）未填写整改状态，本行未采纳；请从“已完成、推进中、未启动”中选择填写整改状态，"
                + "如本期无进展可清空本行";
        jdbc.update("""
                INSERT INTO rule_exception (period, seq, rule, severity, group_name, unit_code, unit_name, problem_code,
                    task_code, file, sheet, excel_row, col, cell_value, message)
                VALUES ('2024-03', 100, 'task-not-reported', 'warning', '第二督查组', 'U04', '区民政局', 'P03', 'T04',
                    'U04.xlsx', '整改进展', 5, 'B', NULL, ?)""", reason);

        writer.write(consolidator.consolidate(MARCH, AS_OF), output);

        try (XSSFWorkbook u04 = open(ReceiptFiles.receipt(output, "2024-03", "U04"))) {
            assertThat(rowOf(u04.getSheet("任务情况"), "T04")).contains("本期报送未采纳", reason).doesNotContain("本期未填报");
        }
    }

    @Test
    void receiptShowsARejectedRowAsNotAdoptedWithTheReason() throws IOException {
        String reason = "第5行任务“T01”的完成日期2024年4月20日晚于报送日期2024年4月3日，本行未采纳；请核实并更正完成日期";
        jdbc.update("""
                INSERT INTO rule_exception (period, seq, rule, severity, group_name, unit_code, unit_name, problem_code,
                    task_code, file, sheet, excel_row, col, cell_value, message)
                VALUES ('2024-03', 100, 'invalid-date', 'error', '第一督查组', 'U01', '区发改委', 'P01', 'T01',
                    'U01/区发改委.xlsx', '整改进展', 5, 'C', '2024-04-20', ?)""", reason);

        writer.write(consolidator.consolidate(MARCH, AS_OF), output);

        try (XSSFWorkbook u01 = open(ReceiptFiles.receipt(output, "2024-03", "U01"))) {
            Sheet tasks = u01.getSheet("任务情况");
            assertThat(rowOf(tasks, "T01")).contains("本期报送未采纳", reason).doesNotContain("本期未填报");
            assertThat(rowOf(tasks, "T03")).contains("推进中").doesNotContain("本期报送未采纳");
        }
    }

    @Test
    void receiptListsARejectedRowOfATaskTheLedgerDoesNotHaveAsNotAdopted() throws IOException {
        String reason = "第9行任务编号“T99”在台账中不存在，本行未采纳；请核对任务编号，在下次报送时更正";
        jdbc.update("""
                INSERT INTO rule_exception (period, seq, rule, severity, group_name, unit_code, unit_name, problem_code,
                    task_code, file, sheet, excel_row, col, cell_value, message)
                VALUES ('2024-03', 100, 'unknown-task', 'error', '第一督查组', 'U01', '区发改委', NULL, NULL,
                    'U01/区发改委.xlsx', '整改进展', 9, 'A', 'T99', ?)""", reason);

        writer.write(consolidator.consolidate(MARCH, AS_OF), output);

        try (XSSFWorkbook u01 = open(ReceiptFiles.receipt(output, "2024-03", "U01"))) {
            assertThat(rowOf(u01.getSheet("任务情况"), "T99")).contains("本期报送未采纳", "（报送表第9行：任务编号不存在）", reason);
        }
    }

    @Test
    void receiptsOfUnitsNoLongerInTheLedgerAreRemoved() throws IOException {
        Path stale = output.resolve("2024-03/回执/U99.xlsx");
        Files.write(stale, new byte[] {1});

        writer.write(march, output);

        assertThat(stale).doesNotExist();
        assertThat(ReceiptFiles.receipt(output.resolve("2024-03"), "U01")).exists();
    }

    @Test
    void bulletinIsTheSeedParagraphWithTheRunsFiguresUnderATitleAndTheAsOfDay() throws IOException {
        byte[] bytes = Files.readAllBytes(output.resolve("2024-03/通报.txt"));

        assertThat(bytes).as("UTF-8 byte-order mark").startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "闵行区巡视整改进展情况通报\r\n统计截至2024年3月31日\r\n\r\n"
                        + "\u3000\u3000截至2024年3月，巡视反馈的3项问题已完成整改1项。提出整改措施5条，已经完成2条。党纪政务立案3人，"
                        + "党纪政务处分共4人。诫勉谈话1人，通过提醒谈话、批评教育、书面检查、调整职务等方式组织处理7人。"
                        + "已新建制度3项，修订完善1项。\r\n"
                        + "\u3000\u3000各单位报告已完成的2条整改措施中，经督查组验收已销号0条，待销号0条，缺少完成日期或佐证材料、尚不能销号2条；"
                        + "已完成整改的1项问题中，已销号0项。\r\n");
        PeriodFigures seed = new PeriodFigures(MARCH, new ProblemCount(79, 76, 0), new TaskCount(427, 418, 9, 0, 0, 0, 0, 0),
                new AccountabilityCount(18, 11, 2, 18), new InstitutionCount(59, 6),
                new SubmissionCount(54, 54, 0, 0, 0), new ExceptionCount(0, 0, 0, Map.of()));
        assertThat(Bulletin.text(seed, new Completion(RectifyProperties.CompletedMeans.REPORTED))).isEqualTo(SEED_PARAGRAPH)
                .doesNotContain(",", ";", ":", "(", ")");
    }

    @Test
    void bulletinDateLineIsTheAsOfDayNotTheDayOfTheRun() throws IOException {
        writer.write(consolidator.consolidate(MARCH, AS_OF.plusDays(1)), output);

        assertThat(Files.readString(output.resolve("2024-03/通报.txt")).split("\r\n"))
                .startsWith("\uFEFF闵行区巡视整改进展情况通报", "统计截至2024年4月1日", "");
        assertThat(Bulletin.title("巡视")).isEqualTo("巡视整改进展情况通报");
    }

    @Test
    void bulletinTitleStartingWithADashOrEqualsSignIsWrittenAsTyped() {
        for (String title : List.of("-某区巡视整改", "=某区巡视整改")) {
            Consolidation titled = new Consolidation(march.period(), march.asOf(), title, march.groups(),
                    march.headline(), march.byCategory(), march.byFeedbackPoint(), march.byProblem(), march.byUnit(),
                    march.byGroup(), march.institutions(), march.accountability(), march.trend(), march.exceptions(),
                    march.receipts(), march.reviews(), march.completion());

            assertThat(new String(Bulletin.file(titled), StandardCharsets.UTF_8).split("\r\n"))
                    .startsWith("\uFEFF" + title + "进展情况通报", "统计截至2024年3月31日");
        }
    }

    @Test
    void formulaLikeTextIsNeutralisedInEveryOutput() throws IOException {
        List<String> strings = new ArrayList<>();
        for (Path file : report.files()) {
            if (file.toString().endsWith(".xlsx")) {
                try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
                    for (Sheet sheet : workbook) {
                        for (Row row : sheet) {
                            for (Cell cell : row) {
                                assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                                if (cell.getCellType() == CellType.STRING) {
                                    strings.add(cell.getStringCellValue());
                                }
                            }
                        }
                    }
                }
            }
        }
        Csv.parse(Files.readString(output.resolve("2024-03/exceptions.csv")).substring(1)).forEach(strings::addAll);

        assertThat(strings).noneMatch(ReportWriterTest::formulaLike);
        for (String text : FORMULA_LIKE) {
            assertThat(strings).as(text).contains("'" + text);
        }
        assertThat(strings).contains("'=HYPERLINK(\"http://x\")", "'@进展：T03", "'-佐证T02", "'+说明党纪政务处分");
    }

    @Test
    void rewritingTheSameDatabaseStateGivesTheSameBytes() throws IOException {
        Map<Path, byte[]> first = new java.util.HashMap<>();
        for (Path file : report.files()) {
            first.put(file, Files.readAllBytes(file));
        }

        WrittenReport again = writer.write(consolidator.consolidate(MARCH, AS_OF), output);

        assertThat(again.files()).containsExactlyElementsOf(report.files());
        for (Path file : again.files()) {
            assertThat(Files.readAllBytes(file)).as(file.toString()).isEqualTo(first.get(file));
        }
    }

    @Test
    void consoleSummaryGivesTheBulletinTheCountsAndWhereTheOutputsAre() {
        assertThat(report.consoleSummary()).contains(Bulletin.text(march.headline(), march.completion()))
                .contains("错误 4 条，警告 11 条，提示 2 条")
                .contains("应报送 3 个单位，已报送 2 个，未报送 1 个，逾期报送 1 个，未采纳文件 2 份")
                .contains("回执 4 份、督办单 1 份")
                .contains(output.resolve("2024-03").toAbsolutePath().toString());
    }

    @Test
    void aRunFailingWhileWritingLeavesThePreviousRunsFolderWholeAndUntouched() throws IOException {
        Path folder = output.resolve("2024-03");
        Files.writeString(folder.resolve("备注.docx"), "the office's own notes");
        Map<String, byte[]> before = NightlyFixture.snapshot(folder);
        Consolidation nextDay = consolidator.consolidate(MARCH, AS_OF.plusDays(1));
        List<UnitReceipt> failing = new AbstractList<>() {
            @Override
            public UnitReceipt get(int index) {
                throw new IllegalStateException("injected: the run fails after the summary and both workbooks");
            }

            @Override
            public int size() {
                return nextDay.receipts().size();
            }
        };

        assertThatThrownBy(() -> writer.write(with(nextDay, nextDay.exceptions(), failing), output))
                .hasMessageContaining("injected");

        assertThat(NightlyFixture.differences(before, NightlyFixture.snapshot(folder))).isEmpty();
        try (Stream<Path> entries = Files.list(output)) {
            assertThat(entries).as("no staging folder left").containsExactly(folder);
        }

        writer.write(nextDay, output);

        assertThat(Files.readString(folder.resolve("summary.json"))).contains("\"asOf\": \"2024-04-01\"");
        assertThat(folder.resolve("备注.docx")).as("the office's file survives the swap").hasContent("the office's own notes");
    }

    @Test
    void aDiskFullWhileWritingIsToldAsSuchAndLeavesThePreviousFolderWhole() throws Exception {
        Path disk = root.resolve("small-disk");
        Files.createDirectories(disk);
        assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString()) == 0,
                "mounting a small tmpfs needs root");
        try {
            Path small = disk.resolve("output");
            writer.write(march, small);
            Map<String, byte[]> before = NightlyFixture.snapshot(small.resolve("2024-03"));
            fill(disk);

            Throwable failure = catchThrowable(() -> writer.write(consolidator.consolidate(MARCH, AS_OF.plusDays(1)), small));

            assertThat(FailureCause.of(failure)).hasValueSatisfying(cause -> assertThat(cause).startsWith("磁盘空间不足：" + small));
            assertThat(NightlyFixture.differences(before, NightlyFixture.snapshot(small.resolve("2024-03")))).isEmpty();
        } finally {
            command("umount", disk.toString());
        }
    }

    @Test
    void aPeriodWhoseFilesWereMostlySkippedSaysSoOnTheFirstPageOfEveryOutput() throws IOException {
        List<ExceptionEntry> exceptions = new ArrayList<>(march.exceptions().stream()
                .filter(e -> e.rule() != Rule.SKIPPED_FILE).toList());
        for (int i = 1; i <= 5; i++) {
            exceptions.add(new ExceptionEntry(Rule.SKIPPED_FILE, null, null, null, null, null, "第一组/U0" + i + ".xlsx",
                    null, null, null, null, "文件在 5 秒内刚被修改，可能仍在保存或复制中"));
        }
        WrittenReport skipped = writer.write(with(march, exceptions, march.receipts()), output);
        String notice = "本期汇总不完整";

        assertThat(skipped.consoleSummary().lines().limit(2)).anyMatch(line -> line.contains(notice));
        assertThat(Files.readString(output.resolve("2024-03/通报.txt")).lines().findFirst()).hasValueSatisfying(
                line -> assertThat(line).contains("有 5 份文件未读取", "仅读取 4 份", notice));
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(output.resolve("2024-03/summary.json")));
        assertThat(json.get("incomplete").get("skippedFiles").asInt()).isEqualTo(5);
        try (XSSFWorkbook statistics = open("2024-03/汇总统计.xlsx"); XSSFWorkbook list = open("2024-03/异常清单.xlsx");
             XSSFWorkbook receipt = open(ReceiptFiles.receipt(output, "2024-03", "U01"))) {
            assertThat(texts(statistics.getSheetAt(0).getRow(2)).get(0)).as("under the title of 领导摘要").contains(notice);
            assertThat(texts(statistics.getSheet("总体情况").getRow(2)).get(0)).as("under the title of 总体情况").contains(notice);
            assertThat(texts(statistics.getSheet("图表").getRow(1)).get(0)).as("under the title of 图表").contains(notice);
            assertThat(texts(list.getSheetAt(0).getRow(2)).get(0)).as("under the title and counts of 汇总").contains(notice);
            assertThat(texts(list.getSheet("全部").getRow(0)).get(0)).contains(notice);
            assertThat(texts(list.getSheet("全部").getRow(1))).as("the table below it").contains("规则代码");
            assertThat(texts(receipt.getSheetAt(0).getRow(1)).get(0)).contains(notice);
        }
        assertThat(Files.readString(output.resolve("2024-03/index.html"))).as("right under the dashboard's header")
                .containsPattern("</header>\\s*<p class=\"warning\">注意：本期文件夹中有 5 份文件未读取[^<]*" + notice);
        assertThat(SummaryJson.tree(march).get("incomplete").isNull()).as("a period read whole carries none").isTrue();
        assertThat(report.consoleSummary()).doesNotContain(notice);
    }

    @Test
    void scannedPdfsAndHiddenFoldersBesideTheReturnsDoNotMakeAPeriodIncomplete() throws IOException {
        List<ExceptionEntry> exceptions = new ArrayList<>(march.exceptions().stream()
                .filter(e -> e.rule() != Rule.SKIPPED_FILE).toList());
        for (String file : List.of("第一组/U01佐证.pdf", "第一组/U02佐证.pdf", "第一组/扫描件.jpg", "U03说明.docx",
                "第二组/U04佐证.pdf", ".同步", "第一组/~$U01.xlsx")) {
            exceptions.add(new ExceptionEntry(Rule.SKIPPED_FILE, null, null, null, null, null, file,
                    null, null, null, null, "不是 Excel 工作簿，未读取"));
        }

        WrittenReport skipped = writer.write(with(march, exceptions, march.receipts()), output);

        assertThat(skipped.consoleSummary()).doesNotContain("本期汇总不完整");
        assertThat(Files.readString(output.resolve("2024-03/通报.txt"))).doesNotContain("本期汇总不完整");
    }

    @Test
    void eachReceiptIsReadFromTheDatabaseOnceForItsReceiptAndItsNotice() throws IOException {
        List<Integer> got = Collections.synchronizedList(new ArrayList<>());
        List<UnitReceipt> counted = new AbstractList<>() {
            @Override
            public UnitReceipt get(int index) {
                got.add(index);
                return march.receipts().get(index);
            }

            @Override
            public int size() {
                return march.receipts().size();
            }
        };

        writer.write(with(march, march.exceptions(), counted), output);

        assertThat(got).as("U03 is red: its receipt and its 督办单 from one read").containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(output.resolve("2024-03/督办单/U03-区教育局-2024-03-督办单.xlsx")).exists();
    }

    private static Consolidation with(Consolidation c, List<ExceptionEntry> exceptions, List<UnitReceipt> receipts) {
        return new Consolidation(c.period(), c.asOf(), c.title(), c.groups(), c.headline(), c.byCategory(),
                c.byFeedbackPoint(), c.byProblem(), c.byUnit(), c.byGroup(), c.institutions(), c.accountability(),
                c.trend(), exceptions, receipts, c.reviews(), c.completion());
    }

    /** Fills the file system of {@code folder} to its last few kilobytes. */
    private static void fill(Path folder) throws IOException {
        try (var out = Files.newOutputStream(folder.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (Files.getFileStore(folder).getUsableSpace() > 3 * block.length) {
                out.write(block);
                out.flush();
            }
        }
    }

    private static int command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor();
    }

    private static boolean formulaLike(String text) {
        return !text.isEmpty() && "=+-@\t\r\n".indexOf(text.charAt(0)) >= 0;
    }


    /** The data rows' texts in one column, below the header row. */
    private static List<String> column(Sheet sheet, int column) {
        List<String> values = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            values.add(texts(sheet.getRow(r)).get(column));
        }
        return values;
    }


    private static String fill(Cell cell) {
        return ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor().getARGBHex().substring(2);
    }
}
