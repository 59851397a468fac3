package io.rectify.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OpenPeriodTest {

    @Test
    void unsetItIsTheMonthBeforeTodayInShanghaiEvenWhereItIsStillLastMonthElsewhere() {
        // 2024-04-01 00:30 in Shanghai, still 31 March in UTC
        Clock justAfterMidnight = Clock.fixed(Instant.parse("2024-03-31T16:30:00Z"), ZoneOffset.UTC);

        assertThat(new OpenPeriod("", justAfterMidnight).period()).isEqualTo(YearMonth.of(2024, 3));
    }

    @Test
    void theOfficeSettingWinsAndAMalformedOneIsRefusedNamingTheProperty() {
        Clock april = Clock.fixed(Instant.parse("2024-04-15T00:00:00Z"), ZoneOffset.UTC);

        assertThat(new OpenPeriod("2024-02", april).period()).isEqualTo(YearMonth.of(2024, 2));
        assertThatThrownBy(() -> new OpenPeriod("2024年3月", april))
                .hasMessage("rectify.open-period must be YYYY-MM, got '2024年3月'");
    }
}
