package io.rectify.report;

import io.rectify.consolidate.Completion;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.TaskCount;
import io.rectify.rule.Periods;
import io.rectify.rule.SignOff;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bulletin (通报): the paragraph in the wording of the published bulletin, with a period's
 * figures, in official full-width punctuation, then one sentence on sign-off (销号); and 通报.txt, these
 * under a title and a date line. A .txt is read in Notepad or WPS, never as a spreadsheet: its text is not neutralised.
 */
public final class Bulletin {

    private static final String WORDING = "截至%s，巡视反馈的%d项问题已完成整改%d项。提出整改措施%d条，已经完成%d条。"
            + "党纪政务立案%d人，党纪政务处分共%d人。诫勉谈话%d人，通过提醒谈话、批评教育、书面检查、调整职务等方式组织处理%d人。"
            + "已新建制度%d项，修订完善%d项。";
    /** The same paragraph when the headline counts only signed-off tasks (rectify.completed-means=signed-off). */
    private static final String SIGNED_OFF_WORDING = WORDING.replace("问题已完成整改%d项", "问题已整改销号%d项")
            .replace("已经完成%d条", "已销号%d条");
    /** The byte-order mark Windows Notepad (before Windows 10 1903) and WPS need to read the file as UTF-8. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Windows line ends: Notepad before Windows 10 1809 shows a file with bare LF as one line. */
    private static final String LINE_END = "\r\n";
    /** A paragraph of Chinese prose starts two characters in (段首空两格). */
    private static final String INDENT = "\u3000\u3000";

    private Bulletin() {
    }

    /** The bulletin's paragraph, its completed problems and tasks counted as {@code completion} says. */
    public static String text(PeriodFigures figures, Completion completion) {
        return (completion.signedOff() ? SIGNED_OFF_WORDING : WORDING).formatted(Periods.text(figures.period()),
                figures.problems().total(), completion.problems(figures.problems()),
                figures.tasks().total(), completion.tasks(figures.tasks()),
                figures.accountability().caseFiled(), figures.accountability().disciplined(),
                figures.accountability().admonished(), figures.accountability().organizational(),
                figures.institutions().created(), figures.institutions().revised());
    }

    /**
     * The sentence after the paragraph that shows both counts, whichever the headline takes: the tasks and
     * problems reported 已完成, and how many of them the supervision groups signed off.
     */
    public static String signOff(PeriodFigures figures) {
        TaskCount t = figures.tasks();
        int notReady = t.completed() - t.awaitingSignOff() - t.signedOff();
        return "各单位报告已完成的%d条整改措施中，经督查组验收%s%d条，%s%d条%s；已完成整改的%d项问题中，%s%d项。"
                .formatted(t.completed(), SignOff.SIGNED_OFF.word(), t.signedOff(), SignOff.AWAITING.word(),
                        t.awaitingSignOff(), notReady > 0 ? "，缺少完成日期或佐证材料、尚不能销号" + notReady + "条" : "",
                        figures.problems().completed(), SignOff.SIGNED_OFF.word(), figures.problems().signedOff());
    }

    /** The bulletin's title: the ledger's 名称 and 整改进展情况通报, without saying 整改 twice. */
    static String title(String ledgerTitle) {
        return ledgerTitle + (ledgerTitle.endsWith("整改") ? "进展情况通报" : "整改进展情况通报");
    }

    /**
     * 通报.txt: the skipped-files notice when there is one, the title, the date line (the as-of day,
     * never the day of the run) and the indented paragraph; UTF-8 with a byte-order mark, CRLF line ends.
     */
    static byte[] file(Consolidation c) {
        List<String> lines = new ArrayList<>();
        SkippedNotice.of(c).ifPresent(notice -> {
            lines.add(notice.text());
            lines.add("");
        });
        lines.add(title(c.title()));
        lines.add("统计截至" + Periods.date(c.asOf()));
        lines.add("");
        lines.add(INDENT + text(c.headline(), c.completion()));
        lines.add(INDENT + signOff(c.headline()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes((String.join(LINE_END, lines) + LINE_END).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
