package io.rectify.check;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The period the units are reporting now: the template they download, the period a return that
 * states none is checked for. {@code rectify.open-period=YYYY-MM} when the office sets it, else the
 * month before today in Asia/Shanghai (in April the units report March). The one place that says it.
 */
@Component
public class OpenPeriod {

    /** Where the office and the units are: the month turns at midnight there. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Optional<YearMonth> configured;
    private final Clock clock;

    @Autowired
    OpenPeriod(@Value("${rectify.open-period:}") String configured) {
        this(configured, Clock.system(ZONE));
    }

    OpenPeriod(String configured, Clock clock) {
        this.configured = parse(configured);
        this.clock = clock;
    }

    public YearMonth period() {
        return configured.orElseGet(() -> YearMonth.now(clock.withZone(ZONE)).minusMonths(1));
    }

    private static Optional<YearMonth> parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        try {
            if (configured.strip().matches("\\d{4}-\\d{2}")) {
                return Optional.of(YearMonth.parse(configured.strip()));
            }
        } catch (DateTimeParseException e) {
            // falls through to the failure below
        }
        throw new IllegalArgumentException("rectify.open-period must be YYYY-MM, got '" + configured + "'");
    }
}
