package io.rectify.standing;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.G1;
import static io.rectify.consolidate.ReconciledFixture.G2;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rectify.consolidate.ConsolidatedMarch;
import io.rectify.consolidate.SignOffFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StandingsTest extends ConsolidatedMarch {

    Standings march;

    @BeforeEach
    void rankMarch() {
        march = Standings.of(march());
    }

    @Test
    void unitsAreRankedWorstFirstAndUnitsOwingNoReturnLast() {
        assertThat(march.units()).extracting(s -> s.unit().unit().code(), UnitStanding::rank, UnitStanding::light)
                .containsExactly(
                        tuple("U03", 1, Light.RED),
                        tuple("U01", 2, Light.YELLOW),
                        tuple("U02", 3, Light.YELLOW),
                        tuple("U04", 4, Light.GREEN));
    }

    @Test
    void aUnitWhoseReturnWasRejectedIsRedAndMarkedCarriedForwardNotUnreported() {
        UnitStanding u03 = march.unit("U03");

        assertThat(u03.carriedForward()).isTrue();
        assertThat(u03.reasons()).as("the error that rejected its file is answered by sending it again, not counted to correct")
                .containsExactly("本期报送未采纳，状态沿用此前报送", "逾期未完成1条");
        assertThat(u03.errors()).isZero();
        assertThat(u03.redReasons()).containsExactly("本期报送未采纳，状态沿用此前报送", "逾期未完成1条");
        assertThat(march.unit("U01").carriedForward()).isFalse();
    }

    @Test
    void aUnitThatSentNothingIsUnreported() {
        storeFixture();
        jdbc.update("DELETE FROM rule_exception WHERE period = '2024-03' AND unit_code = 'U03' AND rule = 'period-mismatch'");
        jdbc.update("DELETE FROM return_file WHERE period = '2024-03' AND unit_code = 'U03'");

        Standings standings = Standings.of(consolidator.consolidate(MARCH, AS_OF));

        assertThat(standings.unit("U03").reasons()).containsExactly("本期未报送，状态沿用此前报送", "逾期未完成1条");
        assertThat(standings.groups().get(0).reasons()).startsWith("1个单位本期未报送");
    }

    @Test
    void aTaskFoundNotDoneOnRecheckIsRedAndAReturnedOneYellow() {
        storeFixture();
        SignOffFixture.add(jdbc);

        Standings standings = Standings.of(consolidator.consolidate(MARCH, AS_OF));

        assertThat(standings.unit("U03").redReasons()).endsWith("回头看复核不属实1条");
        assertThat(standings.unit("U01").light()).isEqualTo(Light.YELLOW);
        assertThat(standings.unit("U01").reasons()).containsExactly("即将到期1条", "销号退回1条");
        assertThat(standings.groups()).filteredOn(g -> g.group().name().equals(G1)).singleElement()
                .satisfies(g -> assertThat(g.reasons()).contains("销号退回1条"));
    }

    @Test
    void dueSoonTasksAndLateReturnsMakeAUnitYellow() {
        assertThat(march.unit("U01").reasons()).containsExactly("即将到期1条");
        assertThat(march.unit("U02").reasons()).containsExactly("逾期报送");
        assertThat(march.unit("U04").reasons()).isEmpty();
    }

    @Test
    void groupsAndProblemsAreRankedByTheirTasksAndReturns() {
        assertThat(march.groups()).extracting(s -> s.group().name(), GroupStanding::light, GroupStanding::reasons)
                .containsExactly(
                        tuple(G2, Light.RED, List.of("1个单位本期报送未采纳", "逾期未完成1条")),
                        tuple(G1, Light.YELLOW, List.of("即将到期1条", "1个单位逾期报送")));
        assertThat(march.problems()).extracting(s -> s.problem().code(), ProblemStanding::light)
                .containsExactly(tuple("P03", Light.RED), tuple("P02", Light.YELLOW), tuple("P01", Light.GREEN));
        assertThat(march.unitsOf(G1)).extracting(s -> s.unit().unit().code()).containsExactly("U01", "U02");
    }
}
