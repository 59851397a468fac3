package io.rectify.consolidate;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.FEBRUARY;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class SignOffFiguresTest extends ConsolidatedMarch {

    @Override
    protected void addToFixture() {
        SignOffFixture.add(jdbc);
    }

    @Test
    void reportedCompletedTasksAreCountedAsAwaitingOrSignedOff() {
        Consolidation march = march();

        assertThat(march.headline().tasks()).isEqualTo(new TaskCount(5, 2, 2, 1, 1, 1, 1, 1));
        assertThat(march.byUnit()).extracting(u -> u.unit().code(), u -> u.tasks().awaitingSignOff(), u -> u.tasks().signedOff())
                .containsExactly(tuple("U01", 0, 1), tuple("U02", 1, 0), tuple("U03", 0, 0), tuple("U04", 0, 0));
        assertThat(march.byGroup()).extracting(GroupFigures::name, g -> g.tasks().awaitingSignOff(), g -> g.tasks().signedOff())
                .containsExactly(tuple(ReconciledFixture.G1, 1, 1), tuple(ReconciledFixture.G2, 0, 0));
        assertThat(march.trend()).extracting(PeriodFigures::period, f -> f.tasks().signedOff())
                .containsExactly(tuple(FEBRUARY, 1), tuple(MARCH, 1));
    }

    @Test
    void aProblemIsSignedOffOnlyWhenAllItsTasksAre() {
        Consolidation march = march();
        assertThat(march.headline().problems()).as("P01 rectified, its T02 still awaiting").isEqualTo(new ProblemCount(3, 1, 0));
        assertThat(march.byProblem()).extracting(ProblemFigures::code, ProblemFigures::rectified, ProblemFigures::signedOff)
                .containsExactly(tuple("P01", true, false), tuple("P02", false, false), tuple("P03", false, false));

        storeFixture();
        jdbc.update("UPDATE task_status SET sign_off = '已销号', signed_off_period = '2024-03' WHERE period = '2024-03' AND task_code = 'T02'");
        Consolidation signed = consolidator.consolidate(MARCH, AS_OF);

        assertThat(signed.headline().problems()).isEqualTo(new ProblemCount(3, 1, 1));
        assertThat(signed.byCategory().get(0).problems()).isEqualTo(new ProblemCount(2, 1, 1));
        assertThat(signed.byProblem().get(0).signedOff()).isTrue();
    }

    @Test
    void aStoredTrendRowKeepsItsSignOffCounts() {
        PeriodFigures february = march().trend().get(0);

        assertThat(StoredFigures.decode(FEBRUARY, StoredFigures.encode(february))).isEqualTo(february);
        assertThat(StoredFigures.encode(february)).startsWith("2;");
    }

    @Test
    void theHeadlineCountsReportedCompletionByDefault() {
        Completion completion = march().completion();

        assertThat(completion.signedOff()).isFalse();
        assertThat(completion.tasks(march().headline().tasks())).isEqualTo(2);
        assertThat(completion.word()).isEqualTo("已完成");
    }
}
