package io.rectify.review;

import static io.rectify.intake.ReviewLayout.COMPLETION_DATE;
import static io.rectify.intake.ReviewLayout.CURRENT_STATUS;
import static io.rectify.intake.ReviewLayout.DEADLINE;
import static io.rectify.intake.ReviewLayout.DECISION;
import static io.rectify.intake.ReviewLayout.EVIDENCE;
import static io.rectify.intake.ReviewLayout.LEAD_UNIT;
import static io.rectify.intake.ReviewLayout.MEASURE;
import static io.rectify.intake.ReviewLayout.OPINION;
import static io.rectify.intake.ReviewLayout.PROBLEM_CODE;
import static io.rectify.intake.ReviewLayout.PROGRESS;
import static io.rectify.intake.ReviewLayout.RECHECK_DECISION;
import static io.rectify.intake.ReviewLayout.RECHECK_OPINION;
import static io.rectify.intake.ReviewLayout.RECHECK_REASON;
import static io.rectify.intake.ReviewLayout.SEQ;
import static io.rectify.intake.ReviewLayout.SIGNED_OFF_IN;
import static io.rectify.intake.ReviewLayout.SOURCE_FILE;
import static io.rectify.intake.ReviewLayout.SOURCE_ROW;
import static io.rectify.intake.ReviewLayout.TASK_CODE;

import io.rectify.intake.ReviewLayout;
import io.rectify.intake.TemplateMarker;
import io.rectify.ops.AtomicFiles;
import io.rectify.review.SignOffReview.Pending;
import io.rectify.review.SignOffReview.Reason;
import io.rectify.review.SignOffReview.Recheck;
import io.rectify.rule.Periods;
import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;
import io.rectify.rule.Verdict;
import io.rectify.template.Banner;
import io.rectify.template.InputRules;
import io.rectify.workbook.TableSheet;
import io.rectify.workbook.TableSheet.Entry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a supervision group's 销号审核表 (docs/REVIEWS.md) as an .xlsx workbook: sheet 销号审核 with the metadata
 * block and the group's tasks awaiting sign-off, sheet 回头看 with the regressions of signed-off tasks and the
 * spot-check sample, and the very hidden marker (kind, period, group, ledger version). Only the decision and
 * opinion cells and the reviewer's metadata are open; everything else is locked. The nightly report writes one
 * per group; the sample generator and tests call it directly.
 */
public final class SignOffWorkbook {

    static final List<String> SIGN_OFF_HEADERS = List.of(SEQ, TASK_CODE, PROBLEM_CODE, LEAD_UNIT, MEASURE, DEADLINE,
            COMPLETION_DATE, EVIDENCE, PROGRESS, SOURCE_FILE, SOURCE_ROW, DECISION, OPINION);
    private static final List<Integer> SIGN_OFF_WIDTHS = List.of(5, 10, 8, 12, 26, 13, 11, 20, 24, 16, 5, 11, 18);
    static final List<String> RECHECK_HEADERS = List.of(SEQ, RECHECK_REASON, TASK_CODE, PROBLEM_CODE, LEAD_UNIT,
            MEASURE, SIGNED_OFF_IN, CURRENT_STATUS, RECHECK_DECISION, RECHECK_OPINION);
    private static final List<Integer> RECHECK_WIDTHS = List.of(5, 9, 10, 8, 12, 36, 10, 26, 11, 24);
    /** 销号审核: title, two metadata rows, the instruction, then the table. */
    static final int SIGN_OFF_HEADER_ROW = 4;
    /** 回头看: title, the instruction, then the table. */
    static final int RECHECK_HEADER_ROW = 2;
    static final String REGRESSION_NOTE = "单位本期已改报，任务已重新打开，无需复核；单位再次报送已完成后，将重新列入销号审核。";

    private SignOffWorkbook() {
    }

    public static void write(SignOffReview review, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = ReviewSheets.create()) {
            ReviewSheets sheets = new ReviewSheets(workbook);
            signOffSheet(workbook, sheets, review);
            recheckSheet(workbook, review);
            sheets.marker(new String[][] {
                    {ReviewLayout.KIND, ReviewLayout.SIGN_OFF_KIND},
                    {TemplateMarker.PERIOD, review.period().toString()},
                    {ReviewLayout.GROUP, review.group()},
                    {TemplateMarker.LEDGER_VERSION, review.ledgerVersion()}});
            ReviewSheets.save(workbook, title(review), review.period(), out);
        }
    }

    /** Writes the workbook to {@code file} atomically. */
    public static void write(SignOffReview review, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(review, out));
    }

    /** 闵行区巡视整改销号审核表（第一督查组，2024年3月）. */
    static String title(SignOffReview review) {
        return review.title() + "销号审核表（" + review.group() + "，" + Periods.text(review.period()) + "）";
    }

    private static void signOffSheet(SXSSFWorkbook workbook, ReviewSheets sheets, SignOffReview review) {
        Sheet sheet = workbook.createSheet(ReviewLayout.SIGN_OFF_SHEET);
        TableSheet table = new TableSheet(workbook, sheet, SIGN_OFF_HEADER_ROW, SIGN_OFF_HEADERS, SIGN_OFF_WIDTHS);
        int decision = SIGN_OFF_HEADERS.indexOf(DECISION);
        table.input(decision, Entry.TEXT).input(SIGN_OFF_HEADERS.indexOf(OPINION), Entry.TEXT);
        Banner.write(sheet, 0, SIGN_OFF_HEADERS.size(), title(review), Banner.titleStyle(workbook), 24);
        sheets.metadata(sheet, ReviewSheets.FIRST_METADATA_ROW, new ReviewSheets.Field(ReviewLayout.GROUP_LABEL, review.group()),
                new ReviewSheets.Field(ReviewLayout.REVIEWER, null), false);
        sheets.metadata(sheet, ReviewSheets.SECOND_METADATA_ROW, new ReviewSheets.Field(ReviewLayout.PERIOD_LABEL, review.period().toString()),
                new ReviewSheets.Field(ReviewLayout.REVIEWED_ON, null), true);
        Banner.write(sheet, 3, SIGN_OFF_HEADERS.size(), signOffInstruction(review), Banner.instructionStyle(workbook), 15);
        int seq = 0;
        for (Pending task : review.pending()) {
            table.append(++seq, task.taskCode(), task.problemCode(), task.leadUnit(), task.measure(), task.deadline(),
                    task.completionDate(), task.evidence(), task.progress(), task.source(review.period()), task.row(),
                    null, null);
        }

        InputRules rules = new InputRules(ReviewSheets.model(workbook, sheet));
        rules.choice(table.firstRow(), table.lastRow(), decision, Verdict.words(Verdict.Kind.SIGN_OFF), DECISION);
        rules.date(ReviewSheets.SECOND_METADATA_ROW, ReviewSheets.SECOND_METADATA_ROW, ReviewSheets.RIGHT_VALUE, review.period().atDay(1), ReviewLayout.REVIEWED_ON,
                "请填写审核日期，如 " + ReviewSheets.example(review.period()) + "，不能晚于今天。");
        rules.protect(false);
    }

    private static void recheckSheet(SXSSFWorkbook workbook, SignOffReview review) {
        Sheet sheet = workbook.createSheet(ReviewLayout.RECHECK_SHEET);
        TableSheet table = new TableSheet(workbook, sheet, RECHECK_HEADER_ROW, RECHECK_HEADERS, RECHECK_WIDTHS);
        int decision = RECHECK_HEADERS.indexOf(RECHECK_DECISION);
        int opinion = RECHECK_HEADERS.indexOf(RECHECK_OPINION);
        table.input(decision, Entry.TEXT).input(opinion, Entry.TEXT);
        Banner.write(sheet, 0, RECHECK_HEADERS.size(), review.group() + "回头看复核（" + Periods.text(review.period()) + "）",
                Banner.titleStyle(workbook), 24);
        Banner.write(sheet, 1, RECHECK_HEADERS.size(), recheckInstruction(review), Banner.instructionStyle(workbook), 15);
        CellStyle nothingToDecide = TableSheet.readOnlyStyle(workbook);
        int seq = 0;
        int firstSpotCheck = -1;
        for (Recheck task : review.rechecks()) {
            boolean regression = task.reason() == Reason.REGRESSION;
            Row row = table.append(++seq, regression ? ReviewLayout.REGRESSION : ReviewLayout.SPOT_CHECK,
                    task.taskCode(), task.problemCode(), task.leadUnit(), task.measure(),
                    task.signedOffIn() == null ? null : Periods.text(task.signedOffIn()), status(task), null, null);
            if (regression) {
                row.getCell(decision).setCellStyle(nothingToDecide);
                row.getCell(opinion).setCellStyle(nothingToDecide);
            } else if (firstSpotCheck < 0) {
                firstSpotCheck = row.getRowNum();
            }
        }

        InputRules rules = new InputRules(ReviewSheets.model(workbook, sheet));
        if (firstSpotCheck >= 0) {
            // the regressions come first and have nothing to decide: the drop-down covers the spot checks only
            rules.choice(firstSpotCheck, table.lastRow(), decision, Verdict.words(Verdict.Kind.RECHECK), RECHECK_DECISION);
        }
        rules.protect(false);
    }

    /** 本期状态: the spot-checked task's status beside its sign-off; a regression's with what happens next. */
    private static String status(Recheck task) {
        TaskStatus status = task.status() == null ? TaskStatus.COMPLETED : task.status();
        return task.reason() == Reason.REGRESSION
                ? status.word() + "（" + REGRESSION_NOTE + "）"
                : status.word() + "，" + SignOff.SIGNED_OFF.word();
    }

    private static String signOffInstruction(SignOffReview review) {
        String back = "将本工作簿放入 " + ReviewSheets.backInto(review.period()) + " 文件夹（文件名不限），下次汇总时读取。";
        // a regression is listed on 回头看 for the record only: the spot checks are what the group must decide
        long rechecks = review.rechecks().stream().filter(r -> r.reason() == Reason.SPOT_CHECK).count();
        if (review.pending().isEmpty()) {
            return "本期" + review.group() + "没有待销号的整改任务。" + (rechecks == 0 ? "本表无需填写。"
                    : "“" + ReviewLayout.RECHECK_SHEET + "”工作表有" + rechecks + "条已销号任务需要复核，填好后请在上方填写审核人、审核日期，"
                    + back);
        }
        return "填写说明：1. 本表列出" + review.group() + "联系单位报送为已完成、并附佐证材料、等待销号的整改任务"
                + review.pending().size() + "条。请核实佐证材料后，在“" + DECISION + "”列从下拉列表中选择“"
                + String.join("”或“", Verdict.words(Verdict.Kind.SIGN_OFF)) + "”；选择“" + Verdict.RETURN.word() + "”的，须在“"
                + OPINION + "”中写明理由，理由将告知牵头单位。暂未审核的留空，下期继续列出。\n"
                + "2. 请在上方填写审核人和审核日期（如 " + ReviewSheets.example(review.period()) + "）。灰色单元格已锁定，请勿修改。"
                + "“" + SOURCE_FILE + "”“" + SOURCE_ROW + "”是该任务在单位报送表（input/returns/" + review.period()
                + "/ 下）中的位置。\n"
                + "3. " + (rechecks == 0 ? "" : "“" + ReviewLayout.RECHECK_SHEET + "”工作表另有" + rechecks
                + "条已销号任务需要复核，请一并填写。") + "填好后" + back;
    }

    private static String recheckInstruction(SignOffReview review) {
        if (review.rechecks().isEmpty()) {
            return "本期" + review.group() + "没有需要回头看复核的已销号任务。";
        }
        List<String> words = Verdict.words(Verdict.Kind.RECHECK);
        return "填写说明：1. 类别为“" + ReviewLayout.SPOT_CHECK + "”的，是从本组以前各期已销号任务中随机抽取的任务，"
                + "请复核整改成效，在“" + RECHECK_DECISION + "”列选择“" + String.join("”或“", words) + "”；选择“"
                + Verdict.REFUTED.word() + "”的，须在“" + RECHECK_OPINION + "”中写明理由，任务将退回牵头单位重新整改。\n"
                + "2. 类别为“" + ReviewLayout.REGRESSION + "”的，是已销号后单位本期又报送为未完成的任务：" + REGRESSION_NOTE
                + "其结论单元格为灰色，无需填写。\n"
                + "3. 审核人、审核日期填在“" + ReviewLayout.SIGN_OFF_SHEET + "”工作表上方；填好后将本工作簿放入 "
                + ReviewSheets.backInto(review.period()) + " 文件夹（文件名不限）。";
    }
}
