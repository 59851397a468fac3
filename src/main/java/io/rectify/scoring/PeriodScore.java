package io.rectify.scoring;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A unit's score in one period of its trend. */
public record PeriodScore(YearMonth period, BigDecimal score) {
}
