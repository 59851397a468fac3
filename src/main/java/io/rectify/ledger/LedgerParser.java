package io.rectify.ledger;

import static io.rectify.ledger.LedgerLayout.*;

import io.rectify.workbook.Cell;
import io.rectify.workbook.Column;
import io.rectify.workbook.ExcelDates;
import io.rectify.workbook.HeaderFinder;
import io.rectify.workbook.WorkbookReader;
import io.rectify.workbook.SheetInfo;
import io.rectify.workbook.SheetRow;
import io.rectify.workbook.Texts;
import io.rectify.rule.ScoreItem;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one ledger workbook and checks it, collecting every error: a table that cannot be found
 * is reported and skipped, and checks against it are left out rather than flooding the report.
 */
final class LedgerParser {

    private static final Pattern CUTOFF = Pattern.compile("(?:次月|每月)?(\\d{1,2})[日号]?前?");
    private static final int LAST_CUTOFF_DAY = 28;
    private static final Pattern POINTS = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)分?");

    private final WorkbookReader workbook;
    private final int immediateDays;
    private final List<LedgerError> errors = new ArrayList<>();
    private boolean immediateWithoutFeedbackDate;

    private final Map<String, Integer> unitRows = new LinkedHashMap<>();
    private final Map<String, Integer> unitNameRows = new HashMap<>();
    private final Map<String, String> unitCodesByName = new HashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Set<String> groups = new LinkedHashSet<>();

    private final Map<String, Integer> problemRows = new LinkedHashMap<>();
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final Map<String, FeedbackPoint> feedbackPoints = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private final Map<String, Integer> taskRows = new HashMap<>();
    private final List<Task> tasks = new ArrayList<>();
    private final Set<String> problemsWithTasks = new HashSet<>();
    private final Set<String> unitsWithTasks = new HashSet<>();

    /** @param immediateDays how many days after the 反馈日期 a 立行立改 task falls due */
    LedgerParser(WorkbookReader workbook, int immediateDays) {
        this.workbook = workbook;
        this.immediateDays = immediateDays;
    }

    LedgerReader.Reading parse() throws IOException {
        LedgerInfo info = info();
        Optional<LedgerTable> unitTable = table(UNITS_SHEET, UNIT_COLUMNS);
        unitTable.ifPresent(this::units);
        Optional<LedgerTable> problemTable = table(PROBLEMS_SHEET, PROBLEM_COLUMNS);
        problemTable.ifPresent(this::problems);
        Optional<LedgerTable> taskTable = table(TASKS_SHEET, TASK_COLUMNS);
        taskTable.ifPresent(t -> tasks(t, unitTable.isPresent(), problemTable.isPresent(), info));
        if (taskTable.isPresent()) {
            problemTable.ifPresent(this::problemsWithoutTask);
            unitTable.ifPresent(this::unitsWithoutTask);
        }
        List<ScoringRule> scoring = scoring();
        if (!errors.isEmpty()) {
            errors.sort(LedgerError.ORDER);
            return new LedgerReader.Reading(null, List.of(), List.copyOf(errors));
        }
        return new LedgerReader.Reading(new Ledger(info, List.copyOf(groups), List.copyOf(units.values()),
                List.copyOf(categories.values()), List.copyOf(feedbackPoints.values()), List.copyOf(problems),
                List.copyOf(tasks)), scoring, List.of());
    }

    /** 考核规则, when the ledger has it: one row per item it sets; the items it leaves out keep their defaults. */
    private List<ScoringRule> scoring() throws IOException {
        if (sheetName(SCORING_SHEET).isEmpty()) {
            return List.of();
        }
        Optional<LedgerTable> table = table(SCORING_SHEET, SCORING_COLUMNS);
        if (table.isEmpty()) {
            return List.of();
        }
        String accepted = Arrays.stream(ScoreItem.values()).map(i -> "“" + i.label() + "”").collect(Collectors.joining());
        Map<String, Integer> itemRows = new HashMap<>();
        List<ScoringRule> rules = new ArrayList<>();
        for (SheetRow row : table.get().rows()) {
            String label = table.get().text(row, SCORE_ITEM);
            Optional<Cell> points = table.get().cell(row, SCORE_POINTS);
            if (label.isEmpty() && points.isEmpty()) {
                continue;
            }
            Optional<ScoreItem> item = ScoreItem.named(Texts.header(label));
            boolean valid = required(table.get(), row, SCORE_ITEM, label)
                    & required(table.get(), row, SCORE_POINTS, points.map(Cell::text).orElse(""));
            if (!label.isEmpty() && item.isEmpty()) {
                error(table.get(), row, SCORE_ITEM, label, "扣分项无法识别：应为" + accepted + "之一");
                valid = false;
            }
            valid &= unique(table.get(), row, SCORE_ITEM, item.map(ScoreItem::code).orElse(""), itemRows);
            Optional<BigDecimal> value = points.flatMap(LedgerParser::points);
            if (points.isPresent() && value.isEmpty()) {
                error(table.get(), row, SCORE_POINTS, Texts.clean(points.get().text()), "每次扣分应为 0 到 " + MAX_POINTS
                        + " 之间的数，最多两位小数，如 2 或 0.5；不扣分的项填 0");
                valid = false;
            }
            if (valid) {
                rules.add(new ScoringRule(item.get(), label, value.get()));
            }
        }
        return List.copyOf(rules);
    }

    /** Points written as a number or as text (２分 and 2分 too): 0 to {@link LedgerLayout#MAX_POINTS}, two decimals at most. */
    private static Optional<BigDecimal> points(Cell cell) {
        BigDecimal points;
        if (cell.kind() == Cell.Kind.NUMBER) {
            points = BigDecimal.valueOf(cell.number());
        } else {
            Matcher match = POINTS.matcher(Texts.code(Normalizer.normalize(cell.text(), Normalizer.Form.NFKC)));
            points = match.matches() ? new BigDecimal(match.group(1)) : null;
        }
        return Optional.ofNullable(points).map(BigDecimal::stripTrailingZeros)
                .filter(p -> p.signum() >= 0 && p.compareTo(BigDecimal.valueOf(MAX_POINTS)) <= 0 && p.scale() <= 2)
                .map(p -> p.setScale(2));
    }

    /** 基本信息: key/value rows, a key cell with its value in the next non-empty cell to the right. */
    private LedgerInfo info() throws IOException {
        String title = LedgerInfo.DEFAULT_TITLE;
        LocalDate feedbackDate = null;
        int cutoffDay = LedgerInfo.DEFAULT_CUTOFF_DAY;
        Optional<String> sheet = sheetName(INFO_SHEET);
        if (sheet.isEmpty()) {
            return new LedgerInfo(title, feedbackDate, cutoffDay);
        }
        Set<String> seen = new HashSet<>();
        for (SheetRow row : workbook.allRows(sheet.get())) {
            List<Cell> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                String key = infoKey(cells.get(i).text());
                if (!INFO_KEYS.contains(key) || !seen.add(key)) {
                    continue;
                }
                Optional<Cell> value = cells.subList(i + 1, cells.size()).stream()
                        .filter(c -> !Texts.clean(c.text()).isEmpty()).findFirst();
                if (value.isPresent()) {
                    Cell cell = value.get();
                    String text = Texts.clean(cell.text());
                    switch (key) {
                        case TITLE -> title = text;
                        case FEEDBACK_DATE -> {
                            feedbackDate = ExcelDates.date(cell).orElse(null);
                            if (feedbackDate == null) {
                                error(INFO_SHEET, row.number(), cell.columnLetter(), text,
                                        "反馈日期无法识别：应填写日期，如 2023-08-29 或 2023年8月29日");
                            }
                        }
                        default -> {
                            Optional<Integer> day = cutoffDay(cell);
                            if (day.isEmpty()) {
                                error(INFO_SHEET, row.number(), cell.columnLetter(), text,
                                        "报送截止日无法识别：应填写 1 到 " + LAST_CUTOFF_DAY + " 之间的日数，如 5（即次月5日前报送）");
                            }
                            cutoffDay = day.orElse(cutoffDay);
                        }
                    }
                }
                break;
            }
        }
        return new LedgerInfo(title, feedbackDate, cutoffDay);
    }

    private static String infoKey(String text) {
        String key = Texts.header(text);
        while (key.endsWith(":") || key.endsWith("：")) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }

    private static Optional<Integer> cutoffDay(Cell cell) {
        Integer day = null;
        if (cell.kind() == Cell.Kind.NUMBER) {
            double number = cell.number();
            day = number == Math.rint(number) && Math.abs(number) < 100 ? (int) number : null;
        } else if (cell.kind() == Cell.Kind.TEXT) {
            Matcher match = CUTOFF.matcher(Texts.code(Normalizer.normalize(cell.text(), Normalizer.Form.NFKC)));
            day = match.matches() ? Integer.parseInt(match.group(1)) : null;
        }
        return Optional.ofNullable(day).filter(d -> d >= 1 && d <= LAST_CUTOFF_DAY);
    }

    /** A table found by its header row below any title rows; errors name the sheet and the header row. */
    private Optional<LedgerTable> table(String sheet, List<Column> columns) throws IOException {
        Optional<String> name = sheetName(sheet);
        if (name.isEmpty()) {
            error(sheet, 0, "", "", "缺少工作表“" + sheet + "”：台账须有 " + String.join("、", REQUIRED_SHEETS)
                    + " 三个工作表（基本信息可选）");
            return Optional.empty();
        }
        List<SheetRow> rows = workbook.allRows(name.get());
        HeaderFinder finder = new HeaderFinder(columns);
        int index = 0;
        while (index < rows.size() && finder.searching() && !finder.offer(rows.get(index))) {
            index++;
        }
        Optional<HeaderFinder.Header> header = finder.header();
        if (header.isEmpty()) {
            missingColumns(sheet, columns, finder);
            return Optional.empty();
        }
        return Optional.of(LedgerTable.of(sheet, header.get(), rows.subList(index + 1, rows.size()),
                workbook.mergedRegions(name.get())));
    }

    private void missingColumns(String sheet, List<Column> columns, HeaderFinder finder) {
        if (finder.closestRow() == 0) {
            String required = columns.stream().filter(Column::required).map(c -> "“" + c.name() + "”")
                    .collect(Collectors.joining());
            error(sheet, 0, "", "", "未找到表头行：前 " + HeaderFinder.MAX_ROWS_SEARCHED + " 行中没有一行含有必填列名 " + required);
            return;
        }
        for (String missing : finder.missingColumns()) {
            Column column = columns.stream().filter(c -> c.name().equals(missing)).findFirst().orElseThrow();
            String synonyms = column.synonyms().isEmpty() ? ""
                    : "（也可写作" + column.synonyms().stream().map(s -> "“" + s + "”").collect(Collectors.joining()) + "）";
            error(sheet, finder.closestRow(), "", "", "表头行（第" + finder.closestRow() + "行）缺少必填列“" + missing + "”"
                    + synonyms + "：请在表头行中加上这一列");
        }
    }

    private Optional<String> sheetName(String wanted) {
        return workbook.sheets().stream().map(SheetInfo::name).filter(n -> Texts.header(n).equals(wanted)).findFirst();
    }

    private void units(LedgerTable table) {
        for (SheetRow row : table.rows()) {
            String code = Texts.code(table.text(row, UNIT_CODE));
            String name = table.text(row, UNIT_NAME);
            String group = table.text(row, GROUP);
            boolean first = required(table, row, UNIT_CODE, code) & required(table, row, UNIT_NAME, name)
                    & required(table, row, GROUP, group);
            first &= unique(table, row, UNIT_CODE, code, unitRows) & safe(table, row, UNIT_CODE, code);
            boolean nameFirst = unique(table, row, UNIT_NAME, Texts.code(name), unitNameRows);
            if (nameFirst && !name.isEmpty() && !code.isEmpty()) {
                unitCodesByName.put(Texts.code(name), code);
            }
            first &= nameFirst;
            if (!group.isEmpty()) {
                groups.add(group);
            }
            if (first) {
                units.put(code, new Unit(code, name, group, blankToNull(table.text(row, CONTACT)),
                        blankToNull(table.text(row, PHONE))));
            }
        }
    }

    private void problems(LedgerTable table) {
        for (SheetRow row : table.rows()) {
            String code = Texts.code(table.text(row, PROBLEM_CODE));
            String categoryTitle = table.text(row, CATEGORY);
            String pointTitle = table.text(row, FEEDBACK_POINT);
            String description = table.text(row, DESCRIPTION);
            boolean first = required(table, row, PROBLEM_CODE, code) & required(table, row, CATEGORY, categoryTitle)
                    & required(table, row, DESCRIPTION, description);
            first &= unique(table, row, PROBLEM_CODE, code, problemRows) & safe(table, row, PROBLEM_CODE, code);
            if (categoryTitle.isEmpty()) {
                continue;
            }
            Category category = categories.computeIfAbsent(Texts.code(categoryTitle),
                    k -> new Category(categories.size() + 1, categoryTitle));
            Integer pointSeq = null;
            if (!pointTitle.isEmpty()) {
                pointSeq = feedbackPoints.computeIfAbsent(category.seq() + "|" + Texts.code(pointTitle),
                        k -> new FeedbackPoint(feedbackPoints.size() + 1, category.seq(), pointTitle)).seq();
            }
            if (first) {
                problems.add(new Problem(code, category.seq(), pointSeq, description));
            }
        }
    }

    private void tasks(LedgerTable table, boolean unitsRead, boolean problemsRead, LedgerInfo info) {
        Map<String, Integer> unitOrder = new HashMap<>();
        unitRows.keySet().forEach(code -> unitOrder.put(code, unitOrder.size()));
        for (SheetRow row : table.rows()) {
            String code = Texts.code(table.text(row, TASK_CODE));
            String problemCode = Texts.code(table.text(row, PROBLEM_CODE));
            String measure = table.text(row, MEASURE);
            String leadText = table.text(row, LEAD_UNIT);
            Optional<Cell> deadlineCell = table.cell(row, DEADLINE);
            boolean valid = required(table, row, TASK_CODE, code) & required(table, row, PROBLEM_CODE, problemCode)
                    & required(table, row, MEASURE, measure) & required(table, row, LEAD_UNIT, leadText)
                    & required(table, row, DEADLINE, deadlineCell.map(Cell::text).orElse(""));
            valid &= unique(table, row, TASK_CODE, code, taskRows) & safe(table, row, TASK_CODE, code);
            problemsWithTasks.add(problemCode);
            if (problemsRead && !problemCode.isEmpty() && !problemRows.containsKey(problemCode)) {
                error(table, row, PROBLEM_CODE, table.text(row, PROBLEM_CODE),
                        "问题编号在问题清单中不存在：请填写问题清单中已有的问题编号");
                valid = false;
            }
            String lead = unitsRead && !leadText.isEmpty() ? unit(leadText) : null;
            if (lead == null && unitsRead && !leadText.isEmpty()) {
                error(table, row, LEAD_UNIT, leadText, "牵头单位在责任单位表中不存在：请填写责任单位表中的单位代码或单位名称");
                valid = false;
            }
            unitsWithTasks.add(lead);
            Set<String> cooperators = new LinkedHashSet<>();
            String cooperatorText = table.text(row, COOPERATORS);
            for (String name : COOPERATOR_SEPARATORS.split(cooperatorText)) {
                String unit = Texts.clean(name).isEmpty() || !unitsRead ? null : unit(name);
                if (unit == null && unitsRead && !Texts.clean(name).isEmpty()) {
                    error(table, row, COOPERATORS, cooperatorText, "配合单位“" + Texts.clean(name)
                            + "”在责任单位表中不存在：请填写单位代码或单位名称，多个单位用顿号“、”分隔");
                    valid = false;
                } else if (unit != null && !unit.equals(lead)) {
                    cooperators.add(unit);
                }
            }
            unitsWithTasks.addAll(cooperators);
            Deadline deadline = deadlineCell.map(cell -> deadline(table, row, cell, info)).orElse(null);
            valid &= deadline != null;
            if (valid) {
                tasks.add(new Task(code, problemCode, measure, lead, deadline, cooperators.stream()
                        .sorted(Comparator.comparing(unitOrder::get)).toList()));
            }
        }
    }

    /**
     * A task's 完成时限, or null after reporting why it cannot be read. 立行立改 falls due
     * {@code immediateDays} after the 反馈日期; a ledger without 反馈日期 is told so once.
     */
    private Deadline deadline(LedgerTable table, SheetRow row, Cell cell, LedgerInfo info) {
        if (Texts.code(cell.text()).equals(Deadline.IMMEDIATE)) {
            if (info.feedbackDate() != null) {
                return new Deadline(Deadline.IMMEDIATE, info.feedbackDate().plusDays(immediateDays));
            }
            if (!immediateWithoutFeedbackDate) {
                immediateWithoutFeedbackDate = true;
                error(table, row, DEADLINE, Texts.clean(cell.text()), "完成时限为“" + Deadline.IMMEDIATE
                        + "”，但基本信息中没有可用的反馈日期：立行立改的任务在反馈日期后 " + immediateDays
                        + " 天内完成，请在基本信息中填写反馈日期（本表其他立行立改的任务同此）");
            }
            return null;
        }
        Optional<Deadline> deadline = DeadlineForms.read(cell);
        if (deadline.isEmpty() && cell.kind() == Cell.Kind.NUMBER) {
            error(table, row, DEADLINE, Texts.clean(cell.text()), "完成时限“" + Texts.clean(cell.text())
                    + "”是一个数字，不是日期；请将单元格设为文本后写成“2024年10月底”，或填写日期");
        } else if (deadline.isEmpty()) {
            error(table, row, DEADLINE, Texts.clean(cell.text()), "完成时限无法识别：" + Deadline.ACCEPTED_FORMS);
        }
        return deadline.orElse(null);
    }

    /** A unit given by code or by name, as its code; null when no unit has that code or name. */
    private String unit(String codeOrName) {
        String key = Texts.code(codeOrName);
        if (unitRows.containsKey(key)) {
            return key;
        }
        return unitCodesByName.get(key);
    }

    private void problemsWithoutTask(LedgerTable table) {
        problemRows.forEach((code, row) -> {
            if (!problemsWithTasks.contains(code)) {
                error(PROBLEMS_SHEET, row, table.letter(PROBLEM_CODE), code,
                        "该问题在任务清单中没有任何整改任务：请在任务清单中为它列出整改措施，或从问题清单中删除");
            }
        });
    }

    private void unitsWithoutTask(LedgerTable table) {
        unitRows.forEach((code, row) -> {
            if (!unitsWithTasks.contains(code)) {
                error(UNITS_SHEET, row, table.letter(UNIT_CODE), code,
                        "该单位在任务清单中既不牵头也不配合任何任务：请在任务清单中给它分配任务，或从责任单位表中删除");
            }
        });
    }

    /** Reports a blank required value; true when the value is there. */
    private boolean required(LedgerTable table, SheetRow row, String column, String value) {
        if (value.isBlank()) {
            error(table, row, column, "", "“" + column + "”为空：这一项必须填写");
            return false;
        }
        return true;
    }

    /** Records the first row of a key (a code or a name) and reports a repeat; true unless it was seen before. */
    private boolean unique(LedgerTable table, SheetRow row, String column, String key, Map<String, Integer> firstRows) {
        if (key.isEmpty()) {
            return true;
        }
        Integer first = firstRows.putIfAbsent(key, row.number());
        if (first != null) {
            error(table, row, column, table.text(row, column), column + "重复：第" + first + "行已有相同的" + column + "，不能重复");
            return false;
        }
        return true;
    }

    /** Reports a code that could not safely name a file or be shown (see {@link LedgerCodes}); true when it is safe. */
    private boolean safe(LedgerTable table, SheetRow row, String column, String code) {
        Optional<String> problem = code.isEmpty() ? Optional.empty() : LedgerCodes.problem(column, code);
        problem.ifPresent(reason -> error(table, row, column, table.text(row, column), reason));
        return problem.isEmpty();
    }

    private void error(LedgerTable table, SheetRow row, String column, String value, String reason) {
        error(table.sheet(), row.number(), table.letter(column), value, reason);
    }

    private void error(String sheet, int row, String column, String value, String reason) {
        errors.add(new LedgerError(sheet, row, column, value, reason));
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
