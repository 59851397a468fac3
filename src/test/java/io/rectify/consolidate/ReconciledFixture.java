package io.rectify.consolidate;

import io.rectify.TestDatabase;
import io.rectify.ledger.Category;
import io.rectify.ledger.Deadline;
import io.rectify.ledger.FeedbackPoint;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerInfo;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.Problem;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.reconcile.InstitutionIdentity;
import io.rectify.rule.Rule;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A small district as reconcile would have left it after two periods, stored with plain SQL.
 *
 * <pre>
 * 第一督查组: U01 区发改委 (leads T01, T03), U02 区财政局 (leads T02)
 * 第二督查组: U03 区教育局 (leads T04, due 2024年3月15日前, and T05), U04 区民政局 (cooperates on T04 only: owes no return)
 * P01 (方面 1, 反馈问题 1): T01, T02      P02 (方面 1, 反馈问题 1): T03      P03 (方面 2, 反馈问题 2): T04, T05
 *
 * 2024-02: U01, U02, U03 accepted.
 * 2024-03: U01 accepted; U02 sent v1 (superseded) and v2 (accepted, late); U03's file rejected
 *          (period-mismatch), so U03 is missing and its statuses carried forward; an unknown
 *          unit's file rejected; an Office lock file skipped.
 * Statuses 2024-03: T01 已完成 (carried from 2024-02), T02 已完成, T03 推进中, T04 推进中 (carried), T05 未启动.
 * Exceptions 2024-03: T04 overdue, T03 due-soon, and text that looks like formulas.
 * </pre>
 */
public final class ReconciledFixture {

    public static final YearMonth FEBRUARY = YearMonth.of(2024, 2);
    public static final YearMonth MARCH = YearMonth.of(2024, 3);
    public static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);

    /** Texts a spreadsheet would take for formulas, planted in exceptions, lists and rows. */
    public static final List<String> FORMULA_LIKE = List.of("=1+2", "+3", "-4", "@SUM(A1)", "\tTAB", "\rCR", "\nLF");

    public static final String G1 = "第一督查组";
    public static final String G2 = "第二督查组";

    private final JdbcTemplate jdbc;

    public ReconciledFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static Ledger ledger() {
        return new Ledger(new LedgerInfo("闵行区巡视整改", LocalDate.of(2023, 8, 29), 5), List.of(G1, G2),
                List.of(new Unit("U01", "区发改委", G1, "张三", "021-1"),
                        new Unit("U02", "区财政局", G1, null, null),
                        new Unit("U03", "区教育局", G2, null, null),
                        new Unit("U04", "区民政局", G2, null, null)),
                List.of(new Category(1, "贯彻落实重大决策部署"), new Category(2, "全面从严治党")),
                List.of(new FeedbackPoint(1, 1, "发挥国家战略平台作用不足"), new FeedbackPoint(2, 2, "主体责任不实")),
                List.of(new Problem("P01", 1, 1, "战略平台牵引不足"),
                        new Problem("P02", 1, 1, "产业转型欠缺"),
                        new Problem("P03", 2, 2, "主体责任落实不到位")),
                List.of(new Task("T01", "P01", "出台实施意见", "U01", Deadline.on(LocalDate.of(2024, 2, 29)), List.of()),
                        new Task("T02", "P01", "建立联席会议机制", "U02", Deadline.NONE, List.of()),
                        new Task("T03", "P02", "编制产业地图", "U01", Deadline.on(LocalDate.of(2024, 4, 10)), List.of()),
                        new Task("T04", "P03", "开展专项督查", "U03", new Deadline("2024年3月15日前", LocalDate.of(2024, 3, 15)),
                                List.of("U04")),
                        new Task("T05", "P03", "完善四责协同机制", "U03", Deadline.on(LocalDate.of(2024, 12, 31)), List.of())));
    }

    /** Stores the ledger and replaces everything reconcile stored with the two periods above. */
    public void store(LedgerRepository ledgers) {
        if (ledgers.currentVersion().isEmpty()) {
            ledgers.replace(ledger(), "fixture-ledger", "master/台账.xlsx", Instant.parse("2024-02-01T00:00:00Z"), null);
        }
        for (String table : List.of("rule_exception", "task_status", "institution", "accountability", "return_row",
                "return_file", "period_figures", "deadline_extension")) {
            jdbc.update("DELETE FROM " + table);
        }
        february();
        march();
    }

    private void february() {
        long u01 = file(FEBRUARY, "区发改委.xlsx", "U01", "2024-03-04", "accepted", false);
        long u02 = file(FEBRUARY, "区财政局.xlsx", "U02", "2024-03-05", "accepted", false);
        long u03 = file(FEBRUARY, "区教育局.xlsx", "U03", "2024-03-04", "accepted", false);
        row(u01, FEBRUARY, "U01", "T01", true, "已完成", "2024-02-20", 5);
        row(u02, FEBRUARY, "U02", "T02", true, "推进中", null, 5);
        row(u03, FEBRUARY, "U03", "T04", true, "推进中", null, 5);
        status(FEBRUARY, "T01", "已完成", "2024-02-20", FEBRUARY);
        status(FEBRUARY, "T02", "推进中", null, FEBRUARY);
        status(FEBRUARY, "T03", "未启动", null, null);
        status(FEBRUARY, "T04", "推进中", null, FEBRUARY);
        status(FEBRUARY, "T05", "未启动", null, null);
        institution(u01, FEBRUARY, "U01", "闵行区政务信息化项目管理办法", "闵府发〔2023〕15号", "新建", 4);
        institution(u01, FEBRUARY, "U01", "旧制度甲", null, "新建", 5);
        institution(u03, FEBRUARY, "U03", "教育系统货物和服务非政府采购暂行办法", null, "新建", 4);
        accountability(u01, FEBRUARY, "U01", "党纪政务立案", 3, null, 4);
        accountability(u03, FEBRUARY, "U03", "组织处理", 2, "P03", 4);
        exception(FEBRUARY, 1, "task-not-reported", G1, "U01", "区发改委", "P02", "T03", "区发改委.xlsx", null, null,
                null, null, "报送表中缺少牵头任务T03，请补报。");
    }

    private void march() {
        long u01 = file(MARCH, "U01/区发改委.xlsx", "U01", "2024-04-03", "accepted", false);
        long u02old = file(MARCH, "U02/财政局-v1.xlsx", "U02", "2024-04-02", "superseded", false);
        long u02 = file(MARCH, "U02/财政局-v2.xlsx", "U02", "2024-04-08", "accepted", true);
        file(MARCH, "U03/教育局.xlsx", "U03", "2024-04-01", "rejected", false);
        file(MARCH, "其他/未知单位.xlsx", null, "2024-04-02", "rejected", false);
        file(MARCH, "~$区发改委.xlsx", null, null, "skipped", false);
        row(u01, MARCH, "U01", "T03", true, "推进中", null, 6);
        row(u02, MARCH, "U02", "T02", true, "已完成", "2024-03-20", 5);
        status(MARCH, "T01", "已完成", "2024-02-20", FEBRUARY);
        status(MARCH, "T02", "已完成", "2024-03-20", MARCH);
        status(MARCH, "T03", "推进中", null, MARCH);
        status(MARCH, "T04", "推进中", null, FEBRUARY);
        status(MARCH, "T05", "未启动", null, null);
        // U01's later list replaces its February one: 旧制度甲 and its 3 cases no longer count
        institution(u01, MARCH, "U01", "闵行区政务信息化项目管理办法", "闵府发〔2023〕15号", "新建", 4);
        institution(u01, MARCH, "U01", "采购内控管理制度", null, "修订", 5);
        // the same two institutions as U01's, by 文号 (typed with full-width digits) and by name (stray spaces)
        institution(u02, MARCH, "U02", "政务信息化项目管理办法", "闵府发〔２０２３〕１５号 ", "新建", 4);
        institution(u02, MARCH, "U02", "采购内控管理制度　", null, "修订", 5);
        institution(u02, MARCH, "U02", "=HYPERLINK(\"http://x\")", "闵财发〔2024〕3号", "新建", 6);
        accountability(u01, MARCH, "U01", "党纪政务立案", 2, "P01", 4);
        accountability(u01, MARCH, "U01", "诫勉谈话", 1, null, 5);
        accountability(u02, MARCH, "U02", "党纪政务处分", 4, null, 4);
        accountability(u02, MARCH, "U02", "组织处理", 5, null, 5);
        accountability(u02, MARCH, "U02", "党纪政务立案", 1, null, 6);
        // rows of a file that is not accepted never count, whatever was stored for it
        accountability(u02old, MARCH, "U02", "党纪政务立案", 100, null, 4);
        int seq = 0;
        exception(MARCH, ++seq, "unknown-unit", null, null, null, null, null, "其他/未知单位.xlsx", "整改进展", 3, "C",
                "X99", "单位代码“X99”不在台账中，请填写台账中的单位代码后重新报送。");
        exception(MARCH, ++seq, "period-mismatch", G2, "U03", "区教育局", null, null, "U03/教育局.xlsx", "整改进展", 4,
                "C", "2024-02", "报送期次应为2024-03，请改正后重新报送。");
        exception(MARCH, ++seq, "superseded", G1, "U02", "区财政局", null, null, "U02/财政局-v1.xlsx", null, null, null,
                null, "已有更新的报送表，本文件未使用。");
        exception(MARCH, ++seq, "skipped-file", null, null, null, null, null, "~$区发改委.xlsx", null, null, null,
                null, "Office 临时文件，已跳过。");
        exception(MARCH, ++seq, "late-submission", G1, "U02", "区财政局", null, null, "U02/财政局-v2.xlsx", "整改进展",
                5, "C", "2024-04-08", "报送日期晚于截止日2024-04-05。");
        exception(MARCH, ++seq, "task-not-reported", G1, "U01", "区发改委", "P01", "T01", "U01/区发改委.xlsx", null,
                null, null, null, "报送表中缺少牵头任务T01，请补报。");
        exception(MARCH, ++seq, "missing-return", G2, "U03", "区教育局", null, null, null, null, null, null, null,
                "本期未收到可采纳的报送表，请报送。");
        exception(MARCH, ++seq, "overdue", G2, "U03", "区教育局", "P03", "T04", null, null, null, null, "2024-03-15",
                "完成时限2024-03-15已过仍未完成，请加快整改。");
        exception(MARCH, ++seq, "due-soon", G1, "U01", "区发改委", "P02", "T03", null, null, null, null, "2024-04-10",
                "完成时限2024-04-10将至，请抓紧推进。");
        exception(MARCH, ++seq, "missing-evidence", G1, "U02", "区财政局", "P01", "T02", "U02/财政局-v2.xlsx", "整改进展",
                5, "F", "", "已完成的任务须填写佐证材料，如\"文件名, 文号\"。");
        for (String text : FORMULA_LIKE) {
            exception(MARCH, ++seq, "ledger-field-changed", G1, "U01", "区发改委", "P02", "T03", "U01/区发改委.xlsx",
                    "整改进展", 6, "D", text, text + " 与台账不一致，以台账为准。");
        }
    }

    /** The generated key's column as the database names it: H2 folds unquoted names to upper case, PostgreSQL to lower. */
    private static final String GENERATED_ID = TestDatabase.postgresql() ? "id" : "ID";

    private long file(YearMonth period, String path, String unit, String submittedOn, String outcome, boolean late) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO return_file (period, path, size_bytes, sha256, modified_at, unit_code, submitted_on,
                        outcome, late, has_institutions, has_accountability)
                    VALUES (?, ?, 1000, NULL, TIMESTAMP '2024-04-01 09:00:00', ?, ?, ?, ?, TRUE, TRUE)""", new String[] {GENERATED_ID});
            statement.setString(1, period.toString());
            statement.setString(2, path);
            statement.setString(3, unit);
            statement.setDate(4, submittedOn == null ? null : Date.valueOf(submittedOn));
            statement.setString(5, outcome);
            statement.setBoolean(6, late);
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    private void row(long file, YearMonth period, String unit, String task, boolean lead, String status,
                     String completed, int excelRow) {
        jdbc.update("""
                INSERT INTO return_row (file_id, period, unit_code, task_code, lead, status, completion_date, progress,
                    evidence, remark, excel_row)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)""",
                file, period.toString(), unit, task, lead, status, completed == null ? null : Date.valueOf(completed),
                "@进展：" + task, "-佐证" + task, excelRow);
    }

    private void status(YearMonth period, String task, String status, String completed, YearMonth source) {
        jdbc.update("INSERT INTO task_status (period, task_code, status, completion_date, source_period) VALUES (?, ?, ?, ?, ?)",
                period.toString(), task, status, completed == null ? null : Date.valueOf(completed),
                source == null ? null : source.toString());
    }

    private void institution(long file, YearMonth period, String unit, String name, String docNo, String kind,
                             int excelRow) {
        jdbc.update("""
                INSERT INTO institution (file_id, period, unit_code, name, doc_no, kind, issued_on, task_ref, excel_row,
                    doc_key, name_key)
                VALUES (?, ?, ?, ?, ?, ?, DATE '2024-01-15', NULL, ?, ?, ?)""",
                file, period.toString(), unit, name, docNo, kind, excelRow, InstitutionIdentity.docKey(docNo),
                InstitutionIdentity.nameKey(name));
    }

    private void accountability(long file, YearMonth period, String unit, String kind, int persons, String problem,
                                int excelRow) {
        jdbc.update("""
                INSERT INTO accountability (file_id, period, unit_code, kind, persons, problem_ref, note, excel_row)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                file, period.toString(), unit, kind, persons, problem, "+说明" + kind, excelRow);
    }

    /** Stores one exception of the period as reconcile would, its severity the rule's. */
    public void exception(YearMonth period, int seq, String rule, String group, String unit, String unitName,
                           String problem, String task, String file, String sheet, Integer row, String column,
                           String value, String message) {
        jdbc.update("""
                INSERT INTO rule_exception (period, seq, rule, severity, group_name, unit_code, unit_name, problem_code,
                    task_code, file, sheet, excel_row, col, cell_value, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                period.toString(), seq, rule, Rule.of(rule).severity().code(), group, unit, unitName,
                problem, task, file, sheet, row, column, value, message);
    }
}
