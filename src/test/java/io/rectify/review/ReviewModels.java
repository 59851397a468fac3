package io.rectify.review;

import io.rectify.review.SignOffReview.Pending;
import io.rectify.review.SignOffReview.Reason;
import io.rectify.review.SignOffReview.Recheck;
import io.rectify.rule.TaskStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Review workbooks' contents as a test writes them without a database. */
final class ReviewModels {

    static final YearMonth MARCH = YearMonth.of(2024, 3);
    static final String GROUP = "第一督查组";
    static final String LEDGER_VERSION = "3f2a9c0d41b7e6a58c1d2e3f4a5b6c7d8e9f00112233445566778899aabbccdd";
    static final String LONG_PROGRESS = "已完成全区产业结构调整三年行动方案的编制、征求意见和印发工作，组织召开专题推进会3次，"
            + "建立重点项目清单并逐项明确责任单位和完成时限，对12个重点项目实行挂图作战、销号管理，目前各项目均按计划推进。";

    private ReviewModels() {
    }

    static SignOffReview signOff() {
        return new SignOffReview("闵行区巡视整改", MARCH, GROUP, LEDGER_VERSION,
                List.of(new Pending("T001", "P01", "区发改委", "制定产业结构调整三年行动方案，明确重点产业发展方向和支持政策",
                                "2024年6月前（延期至2024年9月30日）", LocalDate.of(2024, 3, 20),
                                "《闵行区产业结构调整三年行动方案》（闵府办发〔2024〕3号）；专题会议纪要3份", LONG_PROGRESS,
                                MARCH, "U01/区发改委.xlsx", 7),
                        new Pending("T002", "P01", "区财政局", "建立联席会议机制", "长期坚持", LocalDate.of(2024, 2, 18),
                                "=联席会议制度", "已建立", YearMonth.of(2024, 2), "区财政局.xlsx", 6),
                        new Pending("T004", "P02", "区发改委", "编制产业地图", "2024-03-31", LocalDate.of(2024, 3, 28),
                                "产业地图（2024版）", "已印发", MARCH, "U01/区发改委.xlsx", 9)),
                List.of(new Recheck(Reason.REGRESSION, "T005", "P02", "区财政局", "清理规范涉企收费", YearMonth.of(2024, 1),
                                TaskStatus.IN_PROGRESS),
                        new Recheck(Reason.SPOT_CHECK, "T006", "P03", "区发改委", "完善项目审批流程", YearMonth.of(2024, 1),
                                TaskStatus.COMPLETED),
                        new Recheck(Reason.SPOT_CHECK, "T008", "P03", "区财政局", "开展专项审计", YearMonth.of(2024, 2),
                                TaskStatus.COMPLETED)));
    }

    static SignOffReview nothingToReview() {
        return new SignOffReview("闵行区巡视整改", MARCH, "第二督查组", LEDGER_VERSION, List.of(), List.of());
    }

    static ExtensionReview extensions() {
        return new ExtensionReview("闵行区巡视整改", MARCH, LEDGER_VERSION, List.of(
                new ExtensionReview.Request("T001", "P01", "区发改委", "制定产业结构调整三年行动方案", "2024年6月前",
                        "2024年6月前", LocalDate.of(2024, 6, 30), LocalDate.of(2024, 9, 30),
                        "方案须待市级配套政策出台后同步修订，市级政策预计2024年8月印发。", "U01/区发改委.xlsx", 4),
                new ExtensionReview.Request("T009", "P04", "区教育局", "完成校舍安全排查整治", "2024-04-30",
                        "2024-04-30（延期至2024年5月31日）", LocalDate.of(2024, 5, 31), LocalDate.of(2024, 7, 31),
                        "雨季施工受限", "区教育局.xlsx", 5)));
    }

    static ExtensionReview noExtensions() {
        return new ExtensionReview("闵行区巡视整改", MARCH, LEDGER_VERSION, List.of());
    }
}
