package io.rectify.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "rectify.completed-means=signed-off")
class CompletedMeansSignedOffTest extends ConsolidatedMarch {

    @Override
    protected void addToFixture() {
        SignOffFixture.add(jdbc);
    }

    @Test
    void signedOffMakesTheHeadlineCountOnlySignedOffTasksAndProblems() {
        Completion completion = march().completion();

        assertThat(completion.signedOff()).isTrue();
        assertThat(completion.word()).isEqualTo("已销号");
        assertThat(completion.tasks(march().headline().tasks())).isEqualTo(1);
        assertThat(completion.problems(march().headline().problems())).isZero();
        assertThat(completion.code()).isEqualTo("signed-off");
    }
}
