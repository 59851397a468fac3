package io.rectify.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void jsonTimesKeepTheirSecondsWhenARunStartsOnAWholeMinute() {
        String text = Status.offset(LocalDateTime.of(2026, 11, 28, 8, 29, 0, 400_000_000));

        assertThat(text).matches("2026-11-28T08:29:00(Z|[+-]\\d{2}:\\d{2})");
        assertThat(OffsetDateTime.parse(text).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 28, 8, 29, 0));
    }

    @Test
    void aRunThatHasNotEndedHasNoEndTime() {
        assertThat(Status.offset(null)).isNull();
    }
}
