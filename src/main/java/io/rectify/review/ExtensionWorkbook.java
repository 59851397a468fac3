package io.rectify.review;

import static io.rectify.intake.ReviewLayout.CURRENT_DEADLINE;
import static io.rectify.intake.ReviewLayout.EXTENSION_DECISION;
import static io.rectify.intake.ReviewLayout.EXTENSION_OPINION;
import static io.rectify.intake.ReviewLayout.GRANTED_TO;
import static io.rectify.intake.ReviewLayout.LEAD_UNIT;
import static io.rectify.intake.ReviewLayout.LEDGER_DEADLINE;
import static io.rectify.intake.ReviewLayout.MEASURE;
import static io.rectify.intake.ReviewLayout.PROBLEM_CODE;
import static io.rectify.intake.ReviewLayout.REASON;
import static io.rectify.intake.ReviewLayout.REQUESTED;
import static io.rectify.intake.ReviewLayout.SEQ;
import static io.rectify.intake.ReviewLayout.SOURCE_FILE;
import static io.rectify.intake.ReviewLayout.SOURCE_ROW;
import static io.rectify.intake.ReviewLayout.TASK_CODE;

import io.rectify.intake.ReviewLayout;
import io.rectify.intake.TemplateMarker;
import io.rectify.ops.AtomicFiles;
import io.rectify.review.ExtensionReview.Request;
import io.rectify.rule.Periods;
import io.rectify.rule.Verdict;
import io.rectify.template.Banner;
import io.rectify.template.InputRules;
import io.rectify.workbook.TableSheet;
import io.rectify.workbook.TableSheet.Entry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the office's 延期审批表 (docs/REVIEWS.md) as an .xlsx workbook: sheet 延期审批 with the metadata block
 * (审批期次 prefilled, 审批人 and 审批日期 to fill) and one row per accepted extension request of the period, and the
 * very hidden marker (kind, period, ledger version). Only the decision cells and the approver's metadata are
 * open; 批准延期至 takes a date after the deadline in force only.
 */
public final class ExtensionWorkbook {

    static final List<String> HEADERS = List.of(SEQ, TASK_CODE, PROBLEM_CODE, LEAD_UNIT, MEASURE, LEDGER_DEADLINE,
            CURRENT_DEADLINE, REQUESTED, REASON, SOURCE_FILE, SOURCE_ROW, EXTENSION_DECISION, GRANTED_TO,
            EXTENSION_OPINION);
    private static final List<Integer> WIDTHS = List.of(5, 10, 8, 12, 24, 12, 16, 11, 22, 14, 5, 10, 11, 16);
    /** Title, two metadata rows, the instruction, then the table. */
    static final int HEADER_ROW = 4;

    private ExtensionWorkbook() {
    }

    public static void write(ExtensionReview review, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = ReviewSheets.create()) {
            ReviewSheets sheets = new ReviewSheets(workbook);
            sheet(workbook, sheets, review);
            sheets.marker(new String[][] {
                    {ReviewLayout.KIND, ReviewLayout.EXTENSION_KIND},
                    {TemplateMarker.PERIOD, review.period().toString()},
                    {TemplateMarker.LEDGER_VERSION, review.ledgerVersion()}});
            ReviewSheets.save(workbook, title(review), review.period(), out);
        }
    }

    /** Writes the workbook to {@code file} atomically. */
    public static void write(ExtensionReview review, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(review, out));
    }

    /** 闵行区巡视整改延期审批表（2024年3月）. */
    static String title(ExtensionReview review) {
        return review.title() + "延期审批表（" + Periods.text(review.period()) + "）";
    }

    private static void sheet(SXSSFWorkbook workbook, ReviewSheets sheets, ExtensionReview review) {
        Sheet sheet = workbook.createSheet(ReviewLayout.EXTENSION_SHEET);
        TableSheet table = new TableSheet(workbook, sheet, HEADER_ROW, HEADERS, WIDTHS);
        int decision = HEADERS.indexOf(EXTENSION_DECISION);
        int grantedTo = HEADERS.indexOf(GRANTED_TO);
        table.input(decision, Entry.TEXT).input(grantedTo, Entry.DATE).input(HEADERS.indexOf(EXTENSION_OPINION), Entry.TEXT);
        Banner.write(sheet, 0, HEADERS.size(), title(review), Banner.titleStyle(workbook), 24);
        sheets.metadata(sheet, ReviewSheets.FIRST_METADATA_ROW,
                new ReviewSheets.Field(ReviewLayout.EXTENSION_PERIOD_LABEL, review.period().toString()),
                new ReviewSheets.Field(ReviewLayout.APPROVER, null), false);
        sheets.metadata(sheet, ReviewSheets.SECOND_METADATA_ROW, null, new ReviewSheets.Field(ReviewLayout.APPROVED_ON, null), true);
        Banner.write(sheet, 3, HEADERS.size(), instruction(review), Banner.instructionStyle(workbook), 15);
        int seq = 0;
        for (Request request : review.requests()) {
            table.append(++seq, request.taskCode(), request.problemCode(), request.leadUnit(), request.measure(),
                    request.ledgerDeadline(), request.deadline(), request.requested(), request.reason(), request.file(),
                    request.row(), null, null, null);
        }

        InputRules rules = new InputRules(ReviewSheets.model(workbook, sheet));
        rules.choice(table.firstRow(), table.lastRow(), decision, Verdict.words(Verdict.Kind.EXTENSION), EXTENSION_DECISION);
        for (int i = 0; i < review.requests().size(); i++) {
            Request request = review.requests().get(i);
            if (request.deadlineDay() != null) {
                int row = table.firstRow() + i;
                rules.dateAfter(row, row, grantedTo, request.deadlineDay(), GRANTED_TO,
                        "批准延期至须晚于现完成时限 " + request.deadlineDay() + "，如 " + request.requested()
                                + "；留空则按申请延期至批准。");
            }
        }
        rules.date(ReviewSheets.SECOND_METADATA_ROW, ReviewSheets.SECOND_METADATA_ROW, ReviewSheets.RIGHT_VALUE, review.period().atDay(1), ReviewLayout.APPROVED_ON,
                "请填写审批日期，如 " + ReviewSheets.example(review.period()) + "，不能晚于今天。");
        rules.protect(false);
    }

    private static String instruction(ExtensionReview review) {
        if (review.requests().isEmpty()) {
            return "本期（" + Periods.text(review.period()) + "）没有单位提出延期申请，本表无需填写。";
        }
        List<String> words = Verdict.words(Verdict.Kind.EXTENSION);
        return "填写说明：1. 本表列出各单位本期报送表“延期申请”中提出的延期申请" + review.requests().size() + "条。"
                + "请在“" + EXTENSION_DECISION + "”列从下拉列表中选择“" + String.join("”或“", words) + "”。"
                + "批准的，可在“" + GRANTED_TO + "”中填写批准的日期（须晚于现完成时限，如 " + ReviewSheets.example(review.period())
                + "），留空则按申请延期至批准；选择“" + Verdict.REFUSE.word() + "”的，须在“" + EXTENSION_OPINION
                + "”中写明理由，理由将告知单位。暂未审批的留空，不作处理。\n"
                + "2. 请在上方填写审批人和审批日期。灰色单元格已锁定，请勿修改。“" + SOURCE_FILE + "”“" + SOURCE_ROW
                + "”是申请在单位报送表（input/returns/" + review.period() + "/ 下）中的位置。\n"
                + "3. 填好后将本工作簿放入 " + ReviewSheets.backInto(review.period()) + " 文件夹（文件名不限），下次汇总时读取。";
    }
}
