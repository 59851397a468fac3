package io.rectify.ledger;

import static io.rectify.ledger.LedgerLayout.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rectify.TempFolderContext;
import io.rectify.rule.ScoreItem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ledger's optional sheet 考核规则: read, checked cell by cell, stored with the master tables. */
class ScoringSheetTest extends TempFolderContext {

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerRepository repository;

    private final LedgerReader reader = new LedgerReader(30);

    private LedgerReader.Reading read(LedgerWorkbookFixture fixture) {
        return reader.read(fixture.write(root.resolve("read").resolve(LedgerWorkbookFixture.FILE_NAME)));
    }

    @Test
    void aLedgerWithoutTheSheetHasNoScoringRules() {
        LedgerReader.Reading reading = read(LedgerWorkbookFixture.standard());

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.scoring()).isEmpty();
    }

    @Test
    void theSheetsRowsAreReadByLabelOrCodeWithNumberOrTextPoints() {
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        fixture.scoring().add("逾期 未完成", 2).add("MISSING-RETURN", "１２分").add("").add("填报错误", 0.5);

        LedgerReader.Reading reading = read(fixture);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.scoring()).containsExactly(
                new ScoringRule(ScoreItem.OVERDUE, "逾期 未完成", new BigDecimal("2.00")),
                new ScoringRule(ScoreItem.MISSING_RETURN, "MISSING-RETURN", new BigDecimal("12.00")),
                new ScoringRule(ScoreItem.ENTRY_ERROR, "填报错误", new BigDecimal("0.50")));
    }

    @Test
    void aBadPointsCellIsALedgerErrorNamingItsCell() {
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        LedgerWorkbookFixture.Table sheet = fixture.scoring().add("未报送", "十分").add("逾期报送", -1).add("整改反弹", 0.125);

        LedgerReader.Reading reading = read(fixture);

        String reason = "每次扣分应为 0 到 100 之间的数，最多两位小数，如 2 或 0.5；不扣分的项填 0";
        assertThat(reading.valid()).isFalse();
        assertThat(reading.errors()).containsExactly(
                new LedgerError(SCORING_SHEET, sheet.excelRow(0), "B", "十分", reason),
                new LedgerError(SCORING_SHEET, sheet.excelRow(1), "B", "-1", reason),
                new LedgerError(SCORING_SHEET, sheet.excelRow(2), "B", "0.125", reason));
        assertThat(reading.errors().get(0).describe()).isEqualTo("【考核规则 B4】“十分” " + reason);
    }

    @Test
    void anUnknownRepeatedOrHalfFilledItemIsALedgerErrorAfterTheOtherSheets() {
        LedgerWorkbookFixture fixture = LedgerWorkbookFixture.standard();
        fixture.tasks().set(0, TASK_CODE, "");
        LedgerWorkbookFixture.Table sheet = fixture.scoring().add("迟报", 1).add("逾期未完成", 2)
                .add("overdue", 3).add("", 4).add("整改反弹", null);

        List<LedgerError> errors = read(fixture).errors();

        assertThat(errors).extracting(LedgerError::sheet).containsExactly(TASKS_SHEET, SCORING_SHEET, SCORING_SHEET,
                SCORING_SHEET, SCORING_SHEET);
        assertThat(errors.subList(1, 5)).extracting(LedgerError::cell, LedgerError::reason).containsExactly(
                tuple("A" + sheet.excelRow(0),
                        "扣分项无法识别：应为“未报送”“逾期报送”“填报错误”“逾期未完成”“整改反弹”“销号退回”之一"),
                tuple("A" + sheet.excelRow(2), "扣分项重复：第" + sheet.excelRow(1)
                        + "行已有相同的扣分项，不能重复"),
                tuple("A" + sheet.excelRow(3), "“扣分项”为空：这一项必须填写"),
                tuple("B" + sheet.excelRow(4), "“每次扣分”为空：这一项必须填写"));
    }

    @Test
    void importingStoresTheRulesAndALedgerWithoutTheSheetEmptiesThem() {
        Path input = root.resolve("input");
        LedgerWorkbookFixture with = LedgerWorkbookFixture.standard();
        with.scoring().add("销号退回", 4).add("逾期报送", 1.5);
        with.writeToMaster(input);

        assertThat(importer.importFrom(input.resolve(FOLDER)).changed()).isTrue();
        assertThat(repository.scoring()).containsExactly(
                new ScoringRule(ScoreItem.SIGNOFF_RETURNED, "销号退回", new BigDecimal("4.00")),
                new ScoringRule(ScoreItem.LATE_SUBMISSION, "逾期报送", new BigDecimal("1.50")));

        LedgerWorkbookFixture.standard().info(TITLE, "某区巡视整改（修订）").writeToMaster(input);
        assertThat(importer.importFrom(input.resolve(FOLDER)).changed()).isTrue();
        assertThat(repository.scoring()).isEmpty();
    }
}
