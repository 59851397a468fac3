package io.rectify.consolidate;

import static io.rectify.consolidate.ReconciledFixture.G1;
import static io.rectify.consolidate.ReconciledFixture.G2;
import static io.rectify.consolidate.ReconciledFixture.MARCH;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supervision loop on top of the stored {@link ReconciledFixture}, as reconcile would store it:
 *
 * <pre>
 * T01 (U01, P01) 已完成, 已销号 by 2024-02's review, in both periods
 * T02 (U02, P01) 已完成, 待销号 in 2024-03            → P01 is rectified, not signed off
 * 2024-03: T03 (U01) returned by 第一督查组 (销号退回), T04 (U03) found not done by 回头看 (不属实),
 *          T03's extension granted, T05's refused
 * </pre>
 */
public final class SignOffFixture {

    public static final String OPINION = "产业地图未经区政府审定，佐证不足";

    private SignOffFixture() {
    }

    public static void add(JdbcTemplate jdbc) {
        jdbc.update("UPDATE task_status SET sign_off = '已销号', signed_off_period = '2024-02' WHERE task_code = 'T01'");
        jdbc.update("UPDATE task_status SET sign_off = '待销号' WHERE period = '2024-03' AND task_code = 'T02'");
        ReconciledFixture fixture = new ReconciledFixture(jdbc);
        fixture.exception(MARCH, 101, "signoff-returned", G1, "U01", "区发改委", "P02", "T03", "U01/区发改委.xlsx", "整改进展",
                6, "E", "已完成", "任务“T03”报已完成，" + G1 + "审核未同意销号，予以退回，审核意见：“" + OPINION
                        + "”；该任务已按推进中统计，请按审核意见整改，完成后在报送表中重新报为已完成并补充佐证材料");
        fixture.exception(MARCH, 102, "recheck-failed", G2, "U03", "区教育局", "P03", "T04", null, null, null, null, null,
                "任务“T04”已于2024年2月销号，" + G2 + "回头看复核不属实，复核意见：“督查报告缺失”；销号已撤销，该任务已按推进中统计，"
                        + "请按复核意见整改，完成后在报送表中重新报为已完成并补充佐证材料");
        fixture.exception(MARCH, 103, "extension-granted", G1, "U01", "区发改委", "P02", "T03", null, null, null, null, null,
                "任务“T03”申请延期至2024年6月30日，已批准；完成时限现为2024年4月10日前（延期至2024年6月30日），自2024年3月起按此时限统计");
        fixture.exception(MARCH, 104, "extension-refused", G2, "U03", "区教育局", "P03", "T05", null, null, null, null, null,
                "任务“T05”申请延期至2025年6月30日，未获批准，审批意见：“无正当理由”；完成时限仍为2024年12月31日，请按此时限抓紧推进");
    }
}
