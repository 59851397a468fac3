package io.rectify.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpotCheckTest {

    private static final YearMonth MARCH = YearMonth.of(2024, 3);
    private static final List<String> TWENTY_FIVE = IntStream.rangeClosed(1, 25).mapToObj(i -> "T%03d".formatted(i)).toList();

    private static List<String> sample(List<String> tasks, YearMonth period, String group) {
        return SpotCheck.sample(tasks, Function.identity(), period, group, 0.10);
    }

    @Test
    void tenPercentRoundedAndAtLeastOne() {
        assertThat(SpotCheck.size(25, 0.10)).isEqualTo(3);
        assertThat(SpotCheck.size(3, 0.10)).isEqualTo(1);
        assertThat(SpotCheck.size(0, 0.10)).isZero();
        assertThat(SpotCheck.size(4, 1.0)).isEqualTo(4);
        assertThat(sample(TWENTY_FIVE, MARCH, "第一督查组")).hasSize(3);
        assertThat(sample(List.of("T001"), MARCH, "第一督查组")).containsExactly("T001");
    }

    @Test
    void sameInputsGiveTheSameSampleInLedgerOrder() {
        List<String> first = sample(TWENTY_FIVE, MARCH, "第一督查组");
        List<String> reversed = new ArrayList<>(TWENTY_FIVE);
        Collections.reverse(reversed);

        assertThat(sample(TWENTY_FIVE, MARCH, "第一督查组")).isEqualTo(first);
        assertThat(first).isSortedAccordingTo(Comparable::compareTo);
        // the draw is the task's, not its position's
        assertThat(sample(reversed, MARCH, "第一督查组")).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void periodAndGroupDrawDifferentSamples() {
        Set<List<String>> samples = new HashSet<>();
        for (int month = 1; month <= 6; month++) {
            samples.add(sample(TWENTY_FIVE, YearMonth.of(2024, month), "第一督查组"));
        }
        samples.add(sample(TWENTY_FIVE, MARCH, "第二督查组"));
        assertThat(samples).hasSizeGreaterThan(4);
    }
}
