package io.rectify.reconcile;

import static io.rectify.rule.Severity.ERROR;
import static io.rectify.rule.Severity.INFO;
import static io.rectify.rule.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 制度建设 and 问责情况 rules of docs/RULES.md and how a return's sheet replaces the unit's list.
 * Data rows of these sheets start at Excel row 2; columns: 制度名称 A, 文号 B, 类型 C, 印发日期 D,
 * 关联任务编号 E and 类型 A, 人数 B, 关联问题编号 C, 说明 D.
 */
class ListRulesTest extends ReconcileTestSupport {

    private static ReturnFixture u01() {
        return ReturnFixture.unit("U01").period("2024-03").submittedOn("2024-04-03").row("P01-01", "推进中").row("P01-02", "推进中");
    }

    @Test
    void institutionWithoutNameWithAnUnknownKindOrABadDateIsRejected() {
        reconcile(period("2024-03").add(u01()
                .institution("", "闵发改〔2024〕1号", "新建")
                .institution("项目联审办法", "", "新定")
                .institution("专项检查规程", "", "修订", "去年")
                .institution("资金管理细则", "", "新建", "2024-05-01")
                .institution("重大项目联审机制", "闵发改〔2024〕3号", "新建", LocalDate.parse("2024-03-01"), "P01-01")));

        List<ExceptionEntry> invalid = exceptions("2024-03", Rule.INVALID_INSTITUTION);
        assertThat(invalid).hasSize(4);
        assertThat(invalid).as("a rejected row says so").allSatisfy(e -> assertThat(e.message()).contains("本行未采纳"));
        assertEntry(invalid.get(0), ERROR, "U01", null, "U01.xlsx", 2, "A", null);
        assertThat(invalid.get(0).sheet()).isEqualTo("制度建设");
        assertEntry(invalid.get(1), ERROR, "U01", null, "U01.xlsx", 3, "C", "新定");
        assertEntry(invalid.get(2), ERROR, "U01", null, "U01.xlsx", 4, "D", "去年");
        assertEntry(invalid.get(3), ERROR, "U01", null, "U01.xlsx", 5, "D", "2024-05-01");
        assertThat(invalid.get(3).message()).contains("晚于报送日期2024年4月3日，本行未采纳");
        assertThat(jdbc.sql("SELECT name || '|' || doc_no || '|' || kind || '|' || issued_on || '|' || task_ref FROM institution")
                .query(String.class).list()).containsExactly("重大项目联审机制|闵发改〔2024〕3号|新建|2024-03-01|P01-01");
        assertThat(exceptions("2024-03", Rule.UNKNOWN_REFERENCE)).isEmpty();
    }

    @Test
    void referenceToATaskOrProblemNotInTheLedgerIsWarnedAndTheRowKept() {
        reconcile(period("2024-03").add(u01()
                .institution("重大项目联审机制", "", "新建", "", "p01-01、P09-09")
                .accountability("诫勉谈话", 1, "P99", "")
                .accountability("组织处理", 2, "P01", "")));

        List<ExceptionEntry> unknown = exceptions("2024-03", Rule.UNKNOWN_REFERENCE);
        assertThat(unknown).hasSize(2);
        assertEntry(unknown.get(0), WARNING, "U01", null, "U01.xlsx", 2, "E", "p01-01、P09-09");
        assertThat(unknown.get(0).message()).contains("“P09-09”").doesNotContain("p01-01");
        assertEntry(unknown.get(1), WARNING, "U01", null, "U01.xlsx", 2, "C", "P99");
        assertThat(unknown.get(1).sheet()).isEqualTo("问责情况");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM institution").query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("SELECT SUM(persons) FROM accountability").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void sameInstitutionTwiceInOneReturnIsCountedOnce() {
        reconcile(period("2024-03").add(u01()
                .institution("项目联审办法", "闵发改〔2024〕1号", "新建")
                .institution("《项目联审办法》", "闵发改[2024]1号", "新建")
                .institution("专项检查规程", "", "修订")
                .institution("专项检查规程", "闵发改〔2024〕2号", "修订")
                .institution("项目联审办法", "闵发改〔2024〕5号", "修订")));

        List<ExceptionEntry> duplicates = exceptions("2024-03", Rule.DUPLICATE_INSTITUTION);
        assertThat(duplicates).hasSize(2);
        assertEntry(duplicates.get(0), INFO, "U01", null, "U01.xlsx", 3, "A", "《项目联审办法》");
        assertThat(duplicates.get(0).message()).contains("第2行");
        assertEntry(duplicates.get(1), INFO, "U01", null, "U01.xlsx", 5, "A", "专项检查规程");
        assertThat(jdbc.sql("SELECT excel_row FROM institution ORDER BY excel_row").query(Integer.class).list())
                .containsExactly(2, 4, 6);
    }

    @Test
    void institutionInTheListsInForceOfTwoUnitsIsFlaggedForBothButNotForAUnitRepeatingItsOwnList() {
        reconcile(period("2024-03").add(u01().institution("项目联审办法", "闵府〔2024〕9号", "新建")));
        reconcile(period("2024-04").add(ReturnFixture.unit("U01").period("2024-04")
                .row("P01-01", "推进中").row("P01-02", "推进中").institution("项目联审办法", "闵府〔2024〕9号", "新建")));
        assertThat(exceptions("2024-04", Rule.DUPLICATE_INSTITUTION)).isEmpty();

        reconcile(period("2024-05").add(
                ReturnFixture.unit("U03").period("2024-05").row("P02-02", "推进中").institution("联审办法", "闵府〔2024〕9号", "新建")));
        ExceptionEntry shared = only("2024-05", Rule.DUPLICATE_INSTITUTION);
        assertEntry(shared, INFO, "U03", null, "U03.xlsx", 2, "A", "联审办法");
        assertThat(shared.message()).contains("区发改委");

        reconcile(period("2024-06").add(ReturnFixture.unit("U01").period("2024-06")
                .row("P01-01", "推进中").row("P01-02", "推进中").institution("项目联审办法", "闵府〔2024〕9号", "新建")));
        ExceptionEntry sharedBack = only("2024-06", Rule.DUPLICATE_INSTITUTION);
        assertEntry(sharedBack, INFO, "U01", null, "U01.xlsx", 2, "A", "项目联审办法");
        assertThat(sharedBack.message()).contains("区教育局");
    }

    @Test
    void absentSheetKeepsTheListInForceWhileAnEmptySheetEmptiesIt() {
        reconcile(period("2024-03").add(u01().institution("项目联审办法", "", "新建").accountability("诫勉谈话", 1, "", "")));
        reconcile(period("2024-04").add(ReturnFixture.unit("U01").period("2024-04").row("P01-01", "推进中")));
        reconcile(period("2024-05").add(ReturnFixture.unit("U01").period("2024-05").row("P01-01", "推进中")
                .institutions().accountability()));
        reconcile(period("2024-06").add(ReturnFixture.unit("U01").period("2024-06").row("P01-01", "推进中")
                .institution("", "", "新建").accountability("诫勉谈话", 0, "", "")));

        assertThat(jdbc.sql("""
                SELECT period || ':' || CASE WHEN has_institutions THEN 'TRUE' ELSE 'FALSE' END || ':'
                       || CASE WHEN has_accountability THEN 'TRUE' ELSE 'FALSE' END FROM return_file ORDER BY period""")
                .query(String.class).list())
                .containsExactly("2024-03:TRUE:TRUE", "2024-04:FALSE:FALSE", "2024-05:TRUE:TRUE", "2024-06:FALSE:FALSE");
    }

    @Test
    void accountabilityWithAnUnknownKindOrNotAWholeNumberOfPeopleIsRejected() {
        reconcile(period("2024-03").add(u01()
                .accountability("诫勉", 1, "P01", "")
                .accountability("组织处理", 0, "P01", "")
                .accountability("党纪政务立案", "1.5", "P01", "")
                .accountability("党纪政务处分", "", "P01", "")
                .accountability("党纪政务立案", "３人", "P01", "涉及两名科级干部")
                .accountability(" 组织处理 ", 2, "", "")));

        List<ExceptionEntry> invalid = exceptions("2024-03", Rule.INVALID_ACCOUNTABILITY);
        assertThat(invalid).hasSize(4);
        assertThat(invalid).as("a rejected row says so").allSatisfy(e -> assertThat(e.message()).contains("本行未采纳"));
        assertEntry(invalid.get(0), ERROR, "U01", null, "U01.xlsx", 2, "A", "诫勉");
        assertThat(invalid.get(0).sheet()).isEqualTo("问责情况");
        assertEntry(invalid.get(1), ERROR, "U01", null, "U01.xlsx", 3, "B", "0");
        assertEntry(invalid.get(2), ERROR, "U01", null, "U01.xlsx", 4, "B", "1.5");
        assertEntry(invalid.get(3), ERROR, "U01", null, "U01.xlsx", 5, "B", null);
        assertThat(jdbc.sql("SELECT kind || ':' || persons FROM accountability ORDER BY excel_row").query(String.class).list())
                .containsExactly("党纪政务立案:3", "组织处理:2");
    }
}
