package io.rectify.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A synthetic district of any size: a master ledger of {@code units} units leading
 * {@code tasksPerUnit} tasks each, and every unit's return for each of {@code periods} monthly
 * periods ending 2024-03, in the layout of docs/LEDGER.md and docs/RETURNS.md (metadata block, copied ledger columns,
 * dates as date cells, 制度建设 and 问责情况 sheets). Deadlines spread over the twelve months from
 * 2023-12 (every tenth task 长期坚持); statuses progress from period to period as real ones do; {@code faultShare} of the task rows carry one of the mistakes units make (unknown
 * task, invalid status, 已完成 without date, unreadable date, edited ledger column). Deterministic:
 * the same scale and seed give the same content, and every return's last-modified time is its
 * submission day.
 *
 * <p>{@link #rewriteReturns} makes the night after: it writes {@code count} units' returns of the
 * last period again as an edition {@code n} (other progress texts in every tenth row, so new
 * bytes with the same figures; last modified {@code n} hours after the submission day).
 *
 * <pre>java -cp ... io.rectify.bench.ScaleGenerator INPUT_DIR units=54 tasks=8 periods=2 faults=0.02 seed=1 [changed=100 edition=1]</pre>
 */
public final class ScaleGenerator {

    /** What to generate. */
    public record Scale(int units, int tasksPerUnit, int periods, double faultShare, long seed) {

        public int returnRows() {
            return units * tasksPerUnit * periods;
        }

        static Scale parse(Map<String, String> options) {
            return new Scale(Integer.parseInt(options.getOrDefault("units", "54")),
                    Integer.parseInt(options.getOrDefault("tasks", "8")),
                    Integer.parseInt(options.getOrDefault("periods", "2")),
                    Double.parseDouble(options.getOrDefault("faults", "0.02")),
                    Long.parseLong(options.getOrDefault("seed", "1")));
        }
    }

    static final YearMonth LAST_PERIOD = YearMonth.of(2024, 3);
    static final LocalDate FEEDBACK_DATE = LocalDate.of(2023, 8, 29);
    private static final String[] CATEGORIES = {"贯彻落实重大决策部署方面", "践行以人民为中心发展思想方面",
            "落实全面从严治党责任方面", "加强领导班子和干部队伍建设方面"};
    private static final String[] ACCOUNTABILITY = {"党纪政务立案", "党纪政务处分", "诫勉谈话", "组织处理"};
    private static final int TASKS_PER_PROBLEM = 4;
    private static final int FEEDBACK_POINTS = 12;

    private final Scale scale;

    public ScaleGenerator(Scale scale) {
        this.scale = scale;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair[1]);
        }
        Scale scale = Scale.parse(options);
        if (options.containsKey("changed")) {
            new ScaleGenerator(scale).rewriteReturns(Path.of(args[0]), Integer.parseInt(options.get("changed")),
                    Integer.parseInt(options.getOrDefault("edition", "1")));
            System.out.println("Rewrote " + options.get("changed") + " returns of " + scale + " in " + args[0]);
            return;
        }
        new ScaleGenerator(scale).write(Path.of(args[0]));
        System.out.println("Generated " + scale + " into " + args[0]);
    }

    /** Writes {@code master/整改台账.xlsx} and {@code returns/<period>/<unit>.xlsx} under {@code input}. */
    public void write(Path input) throws IOException {
        writeLedger(input.resolve("master").resolve("整改台账.xlsx"));
        List<YearMonth> periods = periods();
        for (int p = 0; p < periods.size(); p++) {
            YearMonth period = periods.get(p);
            Path folder = input.resolve("returns").resolve(period.toString());
            Files.createDirectories(folder);
            for (int u = 1; u <= scale.units(); u++) {
                writeReturn(u, p, period, folder, 0);
            }
        }
    }

    /**
     * Writes the last period's returns of {@code count} units, spread evenly over the ledger, again as
     * edition {@code edition} (0 is the original), and returns their unit codes.
     */
    public List<String> rewriteReturns(Path input, int count, int edition) throws IOException {
        List<YearMonth> periods = periods();
        YearMonth period = periods.get(periods.size() - 1);
        Path folder = input.resolve("returns").resolve(period.toString());
        List<String> units = new ArrayList<>();
        for (int i = 0; i < Math.min(count, scale.units()); i++) {
            int unit = 1 + (int) ((long) i * scale.units() / Math.min(count, scale.units()));
            writeReturn(unit, periods.size() - 1, period, folder, edition);
            units.add(unitCode(unit));
        }
        return units;
    }

    static String unitCode(int unit) {
        return "U%04d".formatted(unit);
    }

    private static String unitName(int unit) {
        return "第%04d责任单位".formatted(unit);
    }

    private static String group(int unit) {
        return "第" + ((unit - 1) % 20 + 1) + "督查组";
    }

    private static String taskCode(int unit, int task) {
        return "T%04d-%03d".formatted(unit, task);
    }

    private static String problemCode(int unit, int task) {
        return "P%04d-%02d".formatted(unit, (task - 1) / TASKS_PER_PROBLEM + 1);
    }

    private static String measure(int unit, int task) {
        return "围绕第" + unit + "单位第" + task + "项整改任务，健全工作机制，明确责任分工，按期完成整改并建立长效机制";
    }

    /** A task's deadline, or null for 长期坚持 (every tenth task). */
    private static LocalDate deadline(int unit, int task) {
        if (task % 10 == 0) {
            return null;
        }
        return YearMonth.of(2023, 12).plusMonths((unit * 7L + task * 3L) % 12).atEndOfMonth();
    }

    private static LocalDate submittedOn(YearMonth period) {
        return period.plusMonths(1).atDay(3);
    }

    /** A deterministic number in [0, 1) for a seed and a few coordinates (SplitMix64). */
    private double hash(long... keys) {
        long z = scale.seed() * 0x9E3779B97F4A7C15L;
        for (long key : keys) {
            z += key * 0xBF58476D1CE4E5B9L + 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
        }
        return (z >>> 11) * 0x1.0p-53;
    }

    private void writeLedger(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, false)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet info = workbook.createSheet("基本信息");
            values(info.createRow(0), "名称", "城市巡视整改（" + scale.units() + "个单位）");
            values(info.createRow(1), "反馈日期").createCell(1).setCellValue(FEEDBACK_DATE);
            info.getRow(1).getCell(1).setCellStyle(date);
            values(info.createRow(2), "报送截止日").createCell(1).setCellValue(5);

            Sheet units = workbook.createSheet("责任单位");
            values(units.createRow(0), "责任单位清单");
            values(units.createRow(1), "单位代码", "单位名称", "督查组", "联系人", "联系电话");
            for (int u = 1; u <= scale.units(); u++) {
                values(units.createRow(u + 1), unitCode(u), unitName(u), group(u), "联系人" + u, "021-6" + (1000000 + u));
            }

            Sheet problems = workbook.createSheet("问题清单");
            values(problems.createRow(0), "问题编号", "方面", "反馈问题", "问题描述");
            int row = 1;
            // each problem's feedback point round-robin over the problems, the rows grouped by 方面 and 反馈问题 as
            // a real 问题清单 lists them (interleaved, 按问题 would carry two heading rows per problem)
            int problemsPerUnit = (scale.tasksPerUnit() + TASKS_PER_PROBLEM - 1) / TASKS_PER_PROBLEM;
            for (int point : pointsByCategory()) {
                for (int u = 1; u <= scale.units(); u++) {
                    for (int t = 1; t <= scale.tasksPerUnit(); t += TASKS_PER_PROBLEM) {
                        int problemSeq = (u - 1) * problemsPerUnit + (t - 1) / TASKS_PER_PROBLEM;
                        if (problemSeq % FEEDBACK_POINTS == point) {
                            values(problems.createRow(row++), problemCode(u, t), CATEGORIES[point % CATEGORIES.length],
                                    "反馈问题" + (point + 1), "第" + u + "单位在第" + ((t - 1) / TASKS_PER_PROBLEM + 1)
                                            + "方面工作中存在短板，制度执行不到位，整改成效有待巩固");
                        }
                    }
                }
            }

            Sheet tasks = workbook.createSheet("任务清单");
            values(tasks.createRow(0), "任务编号", "问题编号", "整改措施", "牵头单位", "配合单位", "完成时限");
            row = 1;
            for (int u = 1; u <= scale.units(); u++) {
                for (int t = 1; t <= scale.tasksPerUnit(); t++) {
                    Row r = values(tasks.createRow(row++), taskCode(u, t), problemCode(u, t), measure(u, t), unitCode(u),
                            t % 5 == 0 && scale.units() > 1 ? unitCode(u % scale.units() + 1) : "");
                    deadlineCell(r, 5, deadline(u, t), date);
                }
            }
            save(workbook, file);
        }
    }

    /** The feedback points, those of the first 方面 first: point p belongs to 方面 p mod 4. */
    private static int[] pointsByCategory() {
        return IntStream.range(0, FEEDBACK_POINTS).boxed()
                .sorted(Comparator.comparingInt((Integer p) -> p % CATEGORIES.length).thenComparingInt(p -> p))
                .mapToInt(Integer::intValue).toArray();
    }

    private void writeReturn(int unit, int periodIndex, YearMonth period, Path folder, int edition) throws IOException {
        Path file = folder.resolve(unitCode(unit) + ".xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, false, true)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet("整改进展");
            values(sheet.createRow(0), period.getYear() + "年" + period.getMonthValue() + "月巡视整改进展报送表");
            values(sheet.createRow(1), "单位代码", unitCode(unit), "单位名称", unitName(unit));
            Row meta = values(sheet.createRow(2), "报送期次", period.toString(), "报送日期");
            meta.createCell(3).setCellValue(submittedOn(period));
            meta.getCell(3).setCellStyle(date);
            values(sheet.createRow(3), "任务编号", "问题编号", "整改措施", "完成时限", "责任类型", "整改状态", "完成日期",
                    "进展情况", "佐证材料", "备注");
            for (int t = 1; t <= scale.tasksPerUnit(); t++) {
                taskRow(sheet.createRow(t + 3), unit, t, periodIndex, edition, date);
            }

            Sheet institutions = workbook.createSheet("制度建设");
            values(institutions.createRow(0), "制度名称", "文号", "类型", "印发日期", "关联任务编号");
            for (int i = 1; i <= 2; i++) {
                // every seventh unit repeats its neighbour's first institution: a duplicate-institution across units
                int owner = i == 1 && unit % 7 == 0 && unit > 1 ? unit - 1 : unit;
                Row r = values(institutions.createRow(i), "第" + owner + "单位整改工作制度" + i,
                        "沪闵委发〔2024〕" + (owner * 2 + i) + "号", i == 1 ? "新建" : "修订");
                r.createCell(3).setCellValue(LocalDate.of(2024, 1, 10));
                r.getCell(3).setCellStyle(date);
                r.createCell(4).setCellValue(taskCode(owner, 1));
            }

            Sheet accountability = workbook.createSheet("问责情况");
            values(accountability.createRow(0), "类型", "人数", "关联问题编号", "说明");
            if (unit % 3 == 0) {
                Row r = values(accountability.createRow(1), ACCOUNTABILITY[unit % ACCOUNTABILITY.length]);
                r.createCell(1).setCellValue(1 + unit % 3);
                r.createCell(2).setCellValue(problemCode(unit, 1));
            }
            save(workbook, file);
        }
        Files.setLastModifiedTime(file, FileTime.from(submittedOn(period).atStartOfDay().plusHours(edition)
                .toInstant(ZoneOffset.UTC)));
    }

    /**
     * A task row: the task is 已完成 from the period its hash picks (dated within that month),
     * 推进中 the period before, 未启动 earlier; a faulty row gets one mistake instead.
     */
    private void taskRow(Row row, int unit, int task, int periodIndex, int edition, CellStyle date) {
        double h = hash(unit, task);
        // two tasks in three are done by the last period, as in a rectification well under way
        int completesAt = (int) (h * (scale.periods() + 0.5));
        String status = periodIndex >= completesAt ? "已完成" : periodIndex >= completesAt - 1 ? "推进中" : "未启动";
        YearMonth completionMonth = LAST_PERIOD.minusMonths(scale.periods() - 1 - completesAt);
        LocalDate completedOn = completionMonth.atDay(1 + (int) (hash(unit, task, 1) * 27));
        if (completedOn.isBefore(FEEDBACK_DATE)) {
            completedOn = FEEDBACK_DATE.plusDays(1);
        }
        String code = taskCode(unit, task);
        String measure = measure(unit, task);
        Object completion = "已完成".equals(status) ? completedOn : null;
        double f = hash(unit, task, periodIndex, 2);
        if (f < scale.faultShare()) {
            switch ((int) (hash(unit, task, periodIndex, 3) * 5)) {
                case 0 -> code = "T%04d-X%02d".formatted(unit, task);
                case 1 -> status = "差不多完成";
                case 2 -> {
                    status = "已完成";
                    completion = null;
                }
                case 3 -> {
                    status = "已完成";
                    completion = "2024-13-45";
                }
                default -> measure = measure + "（已调整）";
            }
        }
        values(row, code, problemCode(unit, task), measure);
        deadlineCell(row, 3, deadline(unit, task), date);
        values(row, 4, "牵头", status);
        if (completion instanceof LocalDate d) {
            row.createCell(6).setCellValue(d);
            row.getCell(6).setCellStyle(date);
        } else if (completion != null) {
            row.createCell(6).setCellValue(completion.toString());
        }
        values(row, 7, "已按计划推进第" + task + "项措施，召开专题会议" + (1 + periodIndex) + "次"
                        + (edition > 0 && task % 10 == 1 ? "，第" + edition + "次更新进展" : ""),
                "已完成".equals(status) ? "会议纪要、制度文件" : "", "");
    }

    private static void deadlineCell(Row row, int column, LocalDate deadline, CellStyle date) {
        if (deadline == null) {
            row.createCell(column).setCellValue("长期坚持");
        } else {
            row.createCell(column).setCellValue(deadline);
            row.getCell(column).setCellStyle(date);
        }
    }

    private static Row values(Row row, String... texts) {
        return values(row, 0, texts);
    }

    private static Row values(Row row, int from, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            if (!texts[i].isEmpty()) {
                row.createCell(from + i).setCellValue(texts[i]);
            }
        }
        return row;
    }

    private static void save(SXSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    /** The period folders {@link #write} creates, oldest first. */
    public List<YearMonth> periods() {
        List<YearMonth> periods = new ArrayList<>();
        for (int p = 0; p < scale.periods(); p++) {
            periods.add(LAST_PERIOD.minusMonths(scale.periods() - 1 - p));
        }
        return periods;
    }
}
