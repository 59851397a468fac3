package io.rectify.sample;

import io.rectify.ledger.Category;
import io.rectify.ledger.Deadline;
import io.rectify.ledger.FeedbackPoint;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerLayout;
import io.rectify.ledger.Problem;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.ScoreItem;
import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the sample ledger as an office keeps it (docs/LEDGER.md): sheets 基本信息, 责任单位, 问题清单,
 * 任务清单 and 考核规则 (the default points), each table under a merged title, with styled headers, set widths and wrapped text. It
 * writes what a hand-kept ledger holds, so that the sample exercises the reader: every third lead
 * (and its cooperators) is a unit name rather than a code, every fourth dated deadline is text
 * such as 2024年3月31日 rather than a date cell, and columns docs/LEDGER.md does not name (序号, 备注).
 */
final class SampleLedgerWorkbook {

    static final String FILE_NAME = "整改台账.xlsx";

    /** What one occurrence of each score item is, for the office reading 考核规则. */
    private static final Map<ScoreItem, String> MEANINGS = Map.of(
            ScoreItem.MISSING_RETURN, "本期未报送或报送未采纳，每期1次",
            ScoreItem.LATE_SUBMISSION, "采纳的报送表晚于报送截止日，每期至多1次",
            ScoreItem.ENTRY_ERROR, "本单位报送中除其他各项外的每条错误（如任务编号不存在、完成日期无效、模板不符）",
            ScoreItem.OVERDUE, "每条完成时限已过仍未完成的牵头任务",
            ScoreItem.REGRESSION, "每条此前已完成、本期又报为未完成的任务",
            ScoreItem.SIGNOFF_RETURNED, "每条被督查组销号退回或回头看复核不属实的任务");

    private final Ledger ledger;
    private final Map<String, Unit> units;
    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle titleStyle = SampleWorkbooks.titleStyle(workbook);
    private final CellStyle noteStyle = SampleWorkbooks.noteStyle(workbook);

    private SampleLedgerWorkbook(Ledger ledger) {
        this.ledger = ledger;
        this.units = ledger.units().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
    }

    static void write(Ledger ledger, Path file) throws IOException {
        SampleLedgerWorkbook writer = new SampleLedgerWorkbook(ledger);
        try (XSSFWorkbook workbook = writer.workbook) {
            writer.info();
            writer.units();
            writer.problems();
            writer.tasks();
            writer.scoring();
            SampleWorkbooks.save(workbook, ledger.info().title() + "台账", file);
        }
    }

    /** Key/value rows; the date as a date cell in the Chinese form an office would pick. */
    private void info() {
        Sheet sheet = workbook.createSheet("基本信息");
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        CellStyle keyStyle = TableSheet.headerStyle(workbook);
        CellStyle valueStyle = TableSheet.bodyStyle(workbook);
        CellStyle dateStyle = TableSheet.bodyStyle(workbook);
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        infoRow(sheet, 0, "名称", keyStyle, valueStyle).setCellValue(SafeText.neutralise(ledger.info().title()));
        infoRow(sheet, 1, "反馈日期", keyStyle, dateStyle).setCellValue(ledger.info().feedbackDate());
        infoRow(sheet, 2, "报送截止日", keyStyle, valueStyle).setCellValue(ledger.info().cutoffDay());
    }

    private static Cell infoRow(Sheet sheet, int index, String key, CellStyle keyStyle, CellStyle valueStyle) {
        Row row = sheet.createRow(index);
        Cell keyCell = row.createCell(0);
        keyCell.setCellValue(key);
        keyCell.setCellStyle(keyStyle);
        Cell value = row.createCell(1);
        value.setCellStyle(valueStyle);
        return value;
    }

    private void units() {
        List<Integer> widths = List.of(6, 10, 24, 14, 10, 16);
        TableSheet table = table("责任单位", "责任单位清单", 1,
                List.of("序号", "单位代码", "单位名称", "督查组", "联系人", "联系电话"), widths);
        for (int i = 0; i < ledger.units().size(); i++) {
            Unit unit = ledger.units().get(i);
            SampleWorkbooks.fitHeight(table.append(i + 1, unit.code(), unit.name(), unit.group(), unit.contact(),
                    unit.phone()), widths);
        }
    }

    private void problems() {
        List<Integer> widths = List.of(10, 44, 36, 60);
        TableSheet table = table("问题清单", "问题清单", 1, List.of("问题编号", "方面", "反馈问题", "问题描述"), widths);
        for (Problem problem : ledger.problems()) {
            Category category = ledger.categories().get(problem.categorySeq() - 1);
            FeedbackPoint point = ledger.feedbackPoints().get(problem.feedbackPointSeq() - 1);
            SampleWorkbooks.fitHeight(table.append(problem.code(), category.title(), point.title(),
                    problem.description()), widths);
        }
    }

    private void tasks() {
        List<String> headers = List.of("任务编号", "问题编号", "整改措施", "牵头单位", "配合单位", "完成时限", "备注");
        List<Integer> widths = List.of(12, 10, 64, 16, 24, 14, 10);
        TableSheet table = table("任务清单", "任务清单", 2, headers, widths);
        SampleWorkbooks.banner(table.sheet(), 1, headers.size(),
                "说明：完成时限为“长期坚持”的任务按月报送进展，不计逾期；牵头单位负责汇总配合单位的落实情况。", noteStyle, 20);
        for (int i = 0; i < ledger.tasks().size(); i++) {
            Task task = ledger.tasks().get(i);
            boolean byName = i % 3 == 2;
            SampleWorkbooks.fitHeight(table.append(task.code(), task.problemCode(), task.measure(),
                    unit(task.leadUnit(), byName),
                    task.cooperators().stream().map(c -> unit(c, byName)).collect(Collectors.joining("、")),
                    deadline(task, i % 4 == 1), remark(task)), widths);
        }
        table.filter();
    }

    /** The deduction table with the default points, so that the office sees where to change them. */
    private void scoring() {
        List<Integer> widths = List.of(14, 10, 70);
        TableSheet table = table(LedgerLayout.SCORING_SHEET, "月度考核扣分规则", 2,
                List.of(LedgerLayout.SCORE_ITEM, LedgerLayout.SCORE_POINTS, LedgerLayout.SCORE_NOTE), widths);
        SampleWorkbooks.banner(table.sheet(), 1, widths.size(), "说明：每个单位每月满分" + ScoreItem.FULL_SCORE
                + "分，按下列各项本期发生次数×每次扣分扣减，最低0分；可修改每次扣分（不扣分的项填0），删去的项按默认分值。", noteStyle, 32);
        for (ScoreItem item : ScoreItem.values()) {
            SampleWorkbooks.fitHeight(table.append(item.label(), item.defaultPoints(), MEANINGS.get(item)), widths);
        }
    }

    private TableSheet table(String sheetName, String title, int headerRow, List<String> headers, List<Integer> widths) {
        Sheet sheet = workbook.createSheet(sheetName);
        SampleWorkbooks.banner(sheet, 0, headers.size(), ledger.info().title() + title, titleStyle, 32);
        return new TableSheet(workbook, sheet, headerRow, headers, widths);
    }

    private String unit(String code, boolean byName) {
        return byName ? units.get(code).name() : code;
    }

    /** Offices mark the measures due within the first month as 立行立改 (put right at once). */
    private static String remark(Task task) {
        return SampleLedger.FIRST_DEADLINE.equals(task.deadline().date()) ? "立行立改" : "";
    }

    private static Object deadline(Task task, boolean asText) {
        if (task.longTerm()) {
            return Deadline.LONG_TERM;
        }
        LocalDate date = task.deadline().date();
        return asText ? "%d年%d月%d日".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth()) : date;
    }
}
