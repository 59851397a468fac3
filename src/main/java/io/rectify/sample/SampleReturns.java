package io.rectify.sample;

import static io.rectify.rule.TaskStatus.COMPLETED;
import static io.rectify.rule.TaskStatus.IN_PROGRESS;
import static io.rectify.rule.TaskStatus.NOT_STARTED;
import static io.rectify.sample.SampleProgress.FEBRUARY;
import static io.rectify.sample.SampleProgress.MARCH;

import io.rectify.ledger.Ledger;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.TaskStatus;
import io.rectify.sample.RetypedReturn.Field;
import io.rectify.template.TaskLine;
import io.rectify.template.TemplateWriter;
import io.rectify.template.UnitTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The sample returns of the 54 units for 2024-02 and 2024-03, written under {@code <input>/returns/}
 * so that {@code nightly --period=2024-03} reproduces the seed bulletin's figures exactly, while the
 * supervisors' lists still show the faults real returns have.
 *
 * <h2>Figures, by construction</h2>
 * <ul>
 *   <li>Statuses: {@link SampleProgress}. In 2024-02 all 54 units return, 351 tasks 已完成 (dates
 *       2023-09 to 2024-02-26), the rest 推进中 or 未启动. In 2024-03 every task is 已完成 except the
 *       9 {@link SampleLedger#UNFINISHED_TASKS}: 418 of 427 tasks, 76 of 79 problems.</li>
 *   <li>Lists: {@link SampleLists}. Each unit's return holds its whole list so far: 66 institution
 *       rows, one of them (闵府发〔2023〕15号) reported by both 区科委 and 大零号湾管委会, so 59 新建 and
 *       6 修订 once de-duplicated; accountability rows summing to 立案 18, 处分 11, 诫勉谈话 2, 组织处理 18.</li>
 *   <li>Most returns are the unit's template ({@link TemplateWriter}) filled in ({@link FilledTemplate}):
 *       the blank template for 2024-02, the first period, and for 2024-03 the template the templates job
 *       would make, prefilled with the 2024-02 statuses and lists. Three units retyped theirs
 *       ({@link RetypedReturn}). Returns are dated on workdays up to the cut-off (2024-03-05, 2024-04-05),
 *       completion dates never after the return's date: nothing depends on file times.</li>
 * </ul>
 *
 * <h2>Faults in 2024-03, each leaving the figures as they are</h2>
 * <ul>
 *   <li>missing-return: 区残联 sends nothing. Both its tasks were 已完成 in 2024-02 and its list has
 *       not grown since, so what is carried forward is final.</li>
 *   <li>late-submission: 浦江镇's return is dated 2024-04-08 (after the 清明 holiday). Accepted.</li>
 *   <li>superseded: 区卫生健康委 sends a return on 2024-04-01 that still shows the task it finished in
 *       March as 推进中 and lacks its new accountability row, then a corrected one (（更正）) on
 *       2024-04-03. Only the later one is read.</li>
 *   <li>unknown-task: 颛桥镇 adds a row of its own under a made-up code (P33-12). No ledger task is
 *       touched.</li>
 *   <li>missing-completion-date: 区委组织部 clears the date of P65-03, 已完成 since 2024-02: the row is
 *       rejected and the task stays 已完成 by carry-forward.</li>
 *   <li>invalid-date: 区规划资源局 marks P79-02 (one of the 9) 已完成 with the planned date 2024-04-30,
 *       after its return's date: the row is rejected and the task stays 推进中 from 2024-02.</li>
 *   <li>regression: 梅陇镇 reported P22-04 (one of the 9) 已完成 in 2024-02 and 推进中 in 2024-03, which
 *       is what it counts as.</li>
 *   <li>duplicate-institution: 区科委 and 大零号湾管委会 both list 闵府发〔2023〕15号 (info, counted once).</li>
 *   <li>missing-evidence: 区财政局 leaves 佐证材料 of P52-04 blank (warning, row accepted).</li>
 *   <li>ledger-field-changed: 区建设管理委 lifts the sheet protection and moves the 完成时限 of P43-01,
 *       finished late, from 2024-01-31 to 2024-03-31 (warning; the ledger wins).</li>
 *   <li>completed-late: {@link SampleProgress#LATE_FINISHERS}, due by February, done in March (info).</li>
 *   <li>skipped-file and duplicate-file: 区教育局 uploads its folder with Excel's lock file
 *       {@code ~$…xlsx} and a byte-identical copy in 备份/ (info).</li>
 * </ul>
 * <h2>The supervision loop ({@link SampleReviews})</h2>
 * <ul>
 *   <li>In 2024-02 区民政局 and 七宝镇 ask on their 延期申请 sheet to extend a task due 2024-06-30
 *       ({@link SampleExtensions}); the office grants the first and refuses the second.</li>
 *   <li>新虹街道 reports {@link SampleProgress#RETURNED} 已完成 again in 2024-03, with the evidence its
 *       group asked for when it returned the task (退回) in 2024-02.</li>
 * </ul>
 * The retyped returns exercise the reader and are otherwise clean: 区农业农村委's .xls with reordered
 * columns under 措施编号, 任务内容 and 状态; 颛桥镇's full-width task codes and 完成/进行中; 马桥镇's text
 * dates (2024年3月15日). Group 5's returns sit in a sub-folder 第五督查组/, 马桥镇's one level deeper.
 * The 2024-02 returns are all filled templates without faults.
 */
final class SampleReturns {

    static final String MISSING = "区残联";
    static final String LATE = "浦江镇";
    static final LocalDate LATE_DAY = LocalDate.of(2024, 4, 8);
    static final String CORRECTED = "区卫生健康委";
    static final LocalDate FIRST_VERSION_DAY = LocalDate.of(2024, 4, 1);
    static final LocalDate CORRECTION_DAY = LocalDate.of(2024, 4, 3);
    static final String OWN_ROW = "颛桥镇";
    static final String UNKNOWN_TASK = "P33-12";
    static final String DATE_CLEARED = "区委组织部";
    static final String DATE_CLEARED_TASK = "P65-03";
    static final String PLANNED_DATE = "区规划资源局";
    static final String PLANNED_DATE_TASK = "P79-02";
    static final LocalDate PLANNED_DAY = LocalDate.of(2024, 4, 30);
    static final String NO_EVIDENCE = "区财政局";
    static final String NO_EVIDENCE_TASK = "P52-04";
    static final String DEADLINE_EDITED = "区建设管理委";
    static final String DEADLINE_EDITED_TASK = "P43-01";
    static final String EDITED_DEADLINE = "2024-03-31";
    static final String REGRESSED = "梅陇镇";
    static final String WITH_COPIES = "区教育局";
    static final String RETYPED_XLS = "区农业农村委";
    static final String FULL_WIDTH = "颛桥镇";
    static final String TEXT_DATES = "马桥镇";
    static final String GROUP_FOLDER_OF = "第五督查组";

    /** Workdays units date their returns on: up to the cut-off, 清明 (2024-04-04/05) excluded. */
    private static final Map<YearMonth, List<LocalDate>> RETURN_DAYS = Map.of(
            FEBRUARY, List.of(LocalDate.of(2024, 2, 27), LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29),
                    LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5)),
            MARCH, List.of(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 1),
                    LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 3)));

    private static final Map<TaskStatus, String> STATUS_SYNONYMS = Map.of(COMPLETED, "完成", IN_PROGRESS, "进行中",
            NOT_STARTED, "未开始");

    private final Ledger ledger;
    private final String ledgerVersion;
    private final SampleLists lists;
    private final SampleProgress progress;

    SampleReturns(Ledger ledger, String ledgerVersion) {
        this.ledger = ledger;
        this.ledgerVersion = ledgerVersion;
        this.lists = SampleLists.read(ledger, FEBRUARY);
        this.progress = SampleProgress.plan(ledger, lists);
    }

    /**
     * A return the nightly job uses (the unit's latest, its copies and earlier versions left out):
     * what it says, its path relative to the period folder ('/' separated) and where its rows are.
     */
    record Sent(SampleReturn content, String file, SampleReturn.Rows rows) {
    }

    /**
     * Writes both periods' returns under {@code returnsFolder}, replacing what the folders held;
     * returns the returns the nightly job uses, by period.
     */
    Map<YearMonth, List<Sent>> write(Path returnsFolder) throws IOException {
        SampleExtensions.requireValid(ledger, lastReturnDay(FEBRUARY));
        return Map.of(FEBRUARY, february(clean(returnsFolder.resolve(FEBRUARY.toString()))),
                MARCH, march(clean(returnsFolder.resolve(MARCH.toString()))));
    }

    private List<Sent> february(Path folder) throws IOException {
        List<Sent> used = new ArrayList<>();
        List<Unit> units = ledger.units();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            used.add(filled(folder, content(unit, FEBRUARY, returnDay(FEBRUARY, i)),
                    folder.resolve(fileName(unit, FEBRUARY, i))));
        }
        return used;
    }

    private List<Sent> march(Path folder) throws IOException {
        List<Sent> used = new ArrayList<>();
        List<Unit> units = ledger.units();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (unit.name().equals(MISSING)) {
                requireFinal(unit);
                continue;
            }
            Path unitFolder = unit.group().equals(GROUP_FOLDER_OF) ? folder.resolve(GROUP_FOLDER_OF) : folder;
            SampleReturn content = withFaults(reportedAgain(content(unit, MARCH, returnDay(MARCH, i))));
            used.add(switch (unit.name()) {
                case RETYPED_XLS -> retyped(folder, agricultureLook(), content,
                        folder.resolve(unit.name() + "2024年3月巡视整改进展.xls"));
                case FULL_WIDTH -> retyped(folder, fullWidthLook(unit), content.withExtraLine(ownRow()),
                        unitFolder.resolve(unit.name() + "-3月份整改进展情况.xlsx"));
                case TEXT_DATES -> retyped(folder, textDatesLook(unit), content,
                        unitFolder.resolve(unit.name()).resolve(unit.name() + "巡视整改进展（2024年3月）.xlsx"));
                case CORRECTED -> {
                    filled(folder, firstVersion(content), folder.resolve(unit.name() + "-2024年3月整改进展.xlsx"));
                    yield filled(folder, content.submittedOn(CORRECTION_DAY),
                            folder.resolve(unit.name() + "-2024年3月整改进展（更正）.xlsx"));
                }
                case WITH_COPIES -> {
                    String name = unit.name() + "-2024年3月整改进展.xlsx";
                    Path own = folder.resolve(unit.name());
                    Sent sent = filled(folder, content, own.resolve(name));
                    Files.createDirectories(own.resolve("备份"));
                    Files.copy(own.resolve(name), own.resolve("备份").resolve(name));
                    Files.write(own.resolve("~$" + name), lockFile("lenovo"));
                    yield sent;
                }
                default -> filled(folder, content, unitFolder.resolve(fileName(unit, MARCH, i)));
            });
        }
        return used;
    }

    /** The faults (docs/RULES.md) a unit's 2024-03 return carries (see the class comment). */
    private SampleReturn withFaults(SampleReturn content) {
        return switch (content.unit().name()) {
            case LATE -> content.submittedOn(LATE_DAY);
            case DATE_CLEARED -> {
                requireDoneIn(FEBRUARY, DATE_CLEARED_TASK);
                yield content.withLine(DATE_CLEARED_TASK, l -> l.withCompleted(null));
            }
            case PLANNED_DATE -> content.withLine(PLANNED_DATE_TASK, l -> l.withStatus(COMPLETED, PLANNED_DAY,
                    "相关地块土地性质变更手续已报市规划资源局审批，预计2024年4月底前办结。", "土地性质变更申请材料"));
            case NO_EVIDENCE -> content.withLine(NO_EVIDENCE_TASK, l -> l.withEvidence(""));
            case DEADLINE_EDITED -> content.withLine(DEADLINE_EDITED_TASK, l -> l.withDeadline(EDITED_DEADLINE)
                    .withProgress("因重大工程分层协调耗时，实际于2024年3月完成，完成时限相应调整。" + l.progress()));
            case REGRESSED -> content.withLine(SampleProgress.REGRESSION, l -> l.withProgress(
                    "经“回头看”核查，仍有2户居民未完成签约，上月报已完成有误，现恢复推进，预计2024年6月底前完成。"));
            default -> content;
        };
    }

    /** The task its group returned in 2024-02, reported 已完成 again with what the group asked for. */
    private static SampleReturn reportedAgain(SampleReturn content) {
        return content.line(SampleProgress.RETURNED).filter(SampleReturn.Line::lead)
                .map(line -> content.withLine(line.code(), l -> l.withProgress(SampleReviews.DONE_AGAIN)
                        .withEvidence(SampleReviews.DONE_AGAIN_EVIDENCE)))
                .orElse(content);
    }

    /** 区卫生健康委's first 2024-03 return: its March work not yet entered, its new accountability row missing. */
    private SampleReturn firstVersion(SampleReturn corrected) {
        SampleReturn first = corrected.submittedOn(FIRST_VERSION_DAY)
                .withAccountability(lists.accountability(corrected.unit().code(), FEBRUARY));
        for (SampleReturn.Line line : corrected.leadLines()) {
            SampleProgress.Progress before = progress.of(line.code(), FEBRUARY);
            if (!before.status().equals(line.status())) {
                Task task = task(line.code());
                first = first.withLine(line.code(), l -> l.withStatus(before.status(), before.completed(),
                        SampleWording.progress(task, true, before.status(), before.completed(), null), ""));
            }
        }
        return first;
    }

    /** What a unit's return for the period says when nothing goes wrong. */
    SampleReturn content(Unit unit, YearMonth period, LocalDate submittedOn) {
        List<SampleReturn.Line> lines = new ArrayList<>();
        for (TaskLine taskLine : UnitTemplate.blank(inForce(period), ledgerVersion, period, unit.code()).tasks()) {
            Task task = taskLine.task();
            SampleProgress.Progress planned = progress.of(task.code(), period);
            var institution = lists.institution(task).orElse(null);
            lines.add(new SampleReturn.Line(task.code(), task.problemCode(), task.measure(), task.deadline().text(),
                    taskLine.lead(), planned.status(), planned.completed(),
                    SampleWording.progress(task, taskLine.lead(), planned.status(), planned.completed(), institution),
                    SampleWording.evidence(task, taskLine.lead(), planned.status(), institution)));
        }
        return new SampleReturn(unit, period, submittedOn, unit.contact(), List.copyOf(lines),
                lists.institutions(unit.code(), period), lists.accountability(unit.code(), period),
                SampleExtensions.requests(ledger, unit.code(), period));
    }

    /**
     * The template the unit fills, with the deadlines in force: for 2024-03 prefilled with its 2024-02
     * return as reconciled, as the templates job makes it.
     */
    private UnitTemplate template(Unit unit, YearMonth period) {
        if (period.equals(FEBRUARY)) {
            return UnitTemplate.blank(inForce(period), ledgerVersion, period, unit.code());
        }
        YearMonth before = period.minusMonths(1);
        return UnitTemplate.of(inForce(period), ledgerVersion, period, unit, progress.known(before), Map.of(),
                lists.institutions(unit.code(), before), lists.accountability(unit.code(), before));
    }

    /** The ledger as a period's template shows it: with the extensions granted before the period. */
    private Ledger inForce(YearMonth period) {
        return ledger.extended(SampleExtensions.inForce(period.minusMonths(1)));
    }

    private Sent filled(Path periodFolder, SampleReturn content, Path file) throws IOException {
        SampleReturn.Rows rows = new FilledTemplate(template(content.unit(), content.period()), content).write(file);
        return new Sent(content, relative(periodFolder, file), rows);
    }

    private Sent retyped(Path periodFolder, RetypedReturn.Look look, SampleReturn content, Path file) throws IOException {
        requireFinal(content.unit());
        return new Sent(content, relative(periodFolder, file), new RetypedReturn(look, content).write(file));
    }

    private static String relative(Path periodFolder, Path file) {
        Path relative = periodFolder.relativize(file);
        List<String> names = new ArrayList<>();
        relative.forEach(name -> names.add(name.toString()));
        return String.join("/", names);
    }

    private static RetypedReturn.Look agricultureLook() {
        return new RetypedReturn.Look(true, "闵行区农业农村委员会巡视整改任务推进情况表",
                RetypedReturn.columns(Field.NUMBER, "序号", Field.CODE, "措施编号", Field.MEASURE, "任务内容",
                        Field.STATUS, "状态", Field.EVIDENCE, "佐证材料", Field.COMPLETED, "完成日期",
                        Field.PROGRESS, "进展情况"),
                true, "%d年%d月", false, Map.of(), false, "yyyy/m/d");
    }

    private static RetypedReturn.Look fullWidthLook(Unit unit) {
        return new RetypedReturn.Look(false, unit.name() + "巡视整改任务进展情况（3月份）",
                RetypedReturn.columns(Field.CODE, "任务编号", Field.MEASURE, "整改措施", Field.DEADLINE, "完成时限",
                        Field.STATUS, "整改状态", Field.COMPLETED, "完成日期", Field.PROGRESS, "进展情况",
                        Field.EVIDENCE, "佐证材料"),
                false, "%d年%d月", true, STATUS_SYNONYMS, false, "yyyy\"年\"m\"月\"d\"日\"");
    }

    private static RetypedReturn.Look textDatesLook(Unit unit) {
        return new RetypedReturn.Look(false, unit.name() + "巡视整改进展报送表",
                RetypedReturn.columns(Field.NUMBER, "序号", Field.CODE, "任务编号", Field.PROBLEM, "问题编号",
                        Field.MEASURE, "整改措施", Field.STATUS, "整改状态", Field.COMPLETED, "完成日期",
                        Field.PROGRESS, "进展情况", Field.EVIDENCE, "佐证材料"),
                false, "%d.%02d", false, Map.of(), true, "yyyy-mm-dd");
    }

    /** 颛桥镇's own measure, typed under a code the ledger does not have. */
    private static SampleReturn.Line ownRow() {
        return new SampleReturn.Line(UNKNOWN_TASK, "P33", "镇级自查：对辖区出租宅基地房屋开展“回头看”复查", "2024-03-31", true,
                COMPLETED, LocalDate.of(2024, 3, 15), "已完成“回头看”复查，未发现新增安全隐患。", "复查工作台账");
    }

    /**
     * A unit whose 2024-03 return does not hold its lists (none sent, or retyped without them) has
     * its 2024-02 lists carried forward, and a unit that sends nothing its 2024-02 statuses: the
     * plan must have nothing new for it in March.
     */
    private void requireFinal(Unit unit) {
        if (!lists.institutions(unit.code(), FEBRUARY).equals(lists.institutions(unit.code(), MARCH))
                || !lists.accountability(unit.code(), FEBRUARY).equals(lists.accountability(unit.code(), MARCH))) {
            throw new IllegalStateException(unit.name() + " reports lists in 2024-03 that its return cannot hold");
        }
        if (unit.name().equals(MISSING)) {
            ledger.tasks().stream().filter(t -> t.leadUnit().equals(unit.code()))
                    .forEach(t -> requireDoneIn(FEBRUARY, t.code()));
        }
    }

    private void requireDoneIn(YearMonth period, String taskCode) {
        if (!progress.of(taskCode, period).done()) {
            throw new IllegalStateException(taskCode + " is not 已完成 in " + period + ": a fault on it would change the figures");
        }
    }

    private Task task(String code) {
        return ledger.tasks().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    private static LocalDate lastReturnDay(YearMonth period) {
        List<LocalDate> days = RETURN_DAYS.get(period);
        return days.get(days.size() - 1);
    }

    private static LocalDate returnDay(YearMonth period, int unitIndex) {
        List<LocalDate> days = RETURN_DAYS.get(period);
        return days.get(unitIndex * 7 % days.size());
    }

    /** Half the units send the template back under its own name, the others rename it. */
    private static String fileName(Unit unit, YearMonth period, int unitIndex) {
        return unitIndex % 2 == 0 ? TemplateWriter.fileName(unit, period)
                : unit.name() + "-" + period.getYear() + "年" + period.getMonthValue() + "月整改进展.xlsx";
    }

    /**
     * The owner file Excel leaves beside a workbook it has open ({@code ~$<name>}): 165 bytes, the
     * user's name once as a length-prefixed byte string padded with spaces, once in UTF-16.
     */
    static byte[] lockFile(String user) {
        byte[] bytes = new byte[165];
        byte[] ascii = user.getBytes(StandardCharsets.US_ASCII);
        bytes[0] = (byte) ascii.length;
        for (int i = 1; i < 55; i++) {
            bytes[i] = i - 1 < ascii.length ? ascii[i - 1] : (byte) ' ';
        }
        bytes[55] = (byte) user.length();
        byte[] wide = user.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(wide, 0, bytes, 57, wide.length);
        return bytes;
    }

    /** An empty period folder: a regenerated sample holds nothing left over from an earlier one. */
    static Path clean(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(folder);
        return folder;
    }
}
