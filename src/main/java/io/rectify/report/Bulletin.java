package io.rectify.report;

import io.rectify.consolidate.PeriodFigures;

/** The bulletin paragraph (通报) in the wording and punctuation of the reference bulletin, with a period's figures. */
public final class Bulletin {

    private static final String WORDING = "截至%d年%d月,巡视反馈的%d项问题已完成整改%d项。提出整改措施%d条,已经完成%d条。"
            + "党纪政务立案%d人,党纪政务处分共%d人。诫勉谈话%d人,通过提醒谈话、批评教育、书面检查、调整职务等方式组织处理%d人。"
            + "已新建制度%d项,修订完善%d项。";

    private Bulletin() {
    }

    public static String text(PeriodFigures figures) {
        return WORDING.formatted(figures.period().getYear(), figures.period().getMonthValue(),
                figures.problems().total(), figures.problems().completed(),
                figures.tasks().total(), figures.tasks().completed(),
                figures.accountability().caseFiled(), figures.accountability().disciplined(),
                figures.accountability().admonished(), figures.accountability().organizational(),
                figures.institutions().created(), figures.institutions().revised());
    }
}
