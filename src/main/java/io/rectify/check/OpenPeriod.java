package io.rectify.check;

import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** STAND-IN for part A's OpenPeriod until it lands on main. */
@Component
public class OpenPeriod {

    private final String configured;

    OpenPeriod(@Value("${rectify.open-period:}") String configured) {
        this.configured = configured;
    }

    public YearMonth get() {
        return configured.isBlank() ? YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1) : YearMonth.parse(configured);
    }
}
