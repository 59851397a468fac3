package io.rectify.report;

import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Periods;
import io.rectify.rule.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The check receipt (检查回执) of one return checked on its own (docs/PORTAL.md): on one printed page
 * and the pages it runs onto, first the conclusion, 可以接收 or 不予接收, and why, then every exception,
 * errors first, with where it is, the value and what to do, then where the marked copy is. Dated by
 * the period, never by the clock.
 */
public final class CheckReceiptWorkbook {

    static final String SHEET = "检查回执";
    /** Longer values are quoted up to this many characters. */
    private static final int QUOTED = 40;

    /** What was checked and what the check found; {@code io.rectify.check.CheckReport} is one. */
    public interface Subject {

        boolean accepted();

        /** Null when nothing in the file tells its unit. */
        String unitCode();

        String unitName();

        YearMonth period();

        /** The file's name as the unit sent it. */
        String file();

        /** Errors first, in the order of the exception list. */
        List<ExceptionEntry> exceptions();

        int rowsAccepted();

        int rowsRejected();

        default long count(Severity severity) {
            return exceptions().stream().filter(e -> e.severity() == severity).count();
        }
    }

    private CheckReceiptWorkbook() {
    }

    /**
     * Writes the receipt. Saved without pinning POI's save time (a check runs beside the night's writing).
     *
     * @param markedCopy the file name of the marked copy written beside it; null when there is none
     */
    public static void write(Subject checked, String markedCopy, Path target) throws IOException {
        String title = (checked.unitName() == null ? "" : checked.unitName() + " ") + Periods.text(checked.period())
                + "报送表检查回执";
        SXSSFWorkbook workbook = Workbooks.createSmall(title, checked.period().atEndOfMonth());
        Styles styles = new Styles(workbook);
        // the title is the page's first line: no page header repeating it
        FrontPage page = new FrontPage(workbook, styles, Workbooks.sheet(workbook, SHEET), 5, 8, 16, 22, 52);
        page.title(title);
        page.line("文件：" + checked.file());
        page.line("单位：" + (checked.unitCode() == null ? "未能识别" : checked.unitCode() + " " + checked.unitName())
                + "　报送期次：" + Periods.text(checked.period()));
        page.heading("一、检查结论：" + (checked.accepted() ? "可以接收" : "不予接收"));
        page.line(conclusion(checked));
        page.line(counts(checked));
        if (!checked.exceptions().isEmpty()) {
            page.heading("二、需要办理的事项（错误在前）");
            page.repeatedHeader("序号", "严重程度", "位置", "原值", "事项及办理要求");
            int n = 0;
            for (ExceptionEntry e : checked.exceptions()) {
                page.row(styles.severity(e.severity(), false), String.valueOf(++n), e.severity().label(), e.location(),
                        quoted(e.value()), e.rule().title() + "：" + e.message());
            }
        }
        page.heading(checked.exceptions().isEmpty() ? "二、说明" : "三、说明");
        if (markedCopy != null) {
            page.line("已在“" + markedCopy + "”中逐格标注以上问题，可在该文件上直接修改后重新报送。");
        }
        page.line("本回执是即时检查的结果，所用规则与每晚汇总相同，以现行台账为准；本期是否按时报送、任务是否逾期等，"
                + "以汇总后整改办发出的正式回执为准。");
        Workbooks.save(workbook, target, false);
    }

    /** 可以接收 or 不予接收, and why, in a sentence or two: as the receipt says it, for the command line and the pages too. */
    public static String conclusion(Subject checked) {
        if (!checked.accepted()) {
            String reasons = checked.exceptions().stream().filter(e -> e.rule().rejectsFile()).map(e -> e.rule().title())
                    .distinct().collect(Collectors.joining("、"));
            return "本文件不予接收" + (reasons.isEmpty() ? "" : "（" + reasons + "）") + "，其中的各行均不会采纳。"
                    + "请按下表中的“" + Severity.ERROR.label() + "”更正后重新报送。";
        }
        String rows = "本文件可以接收：整改进展可采纳 " + checked.rowsAccepted() + " 行";
        if (checked.rowsRejected() > 0) {
            return rows + "，另有 " + checked.rowsRejected() + " 行有错误、不予采纳，不计入汇总。请按下表更正后重新报送。";
        }
        return rows + (checked.count(Severity.ERROR) > 0 ? "；有错误的行不予采纳，请按下表更正后重新报送。" : "。");
    }

    private static String counts(Subject checked) {
        if (checked.exceptions().isEmpty()) {
            return "未发现需要更正之处。";
        }
        return "需要办理的事项 " + checked.exceptions().size() + " 条：" + Severity.ERROR.label() + " " + checked.count(Severity.ERROR)
                + " 条（须更正），" + Severity.WARNING.label() + " " + checked.count(Severity.WARNING) + " 条（请核实），"
                + Severity.INFO.label() + " " + checked.count(Severity.INFO) + " 条（请知悉）。";
    }

    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= QUOTED ? value : value.substring(0, QUOTED) + "…";
    }
}
