package io.rectify.nightly;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.batch.core.job.parameters.JobParameters;

/** The nightly job's parameters as values: folders, the period and the as-of date. */
record RunParameters(Path input, Path output, YearMonth period, LocalDate asOf) {

    static RunParameters of(JobParameters parameters) {
        YearMonth period = YearMonth.parse(parameters.getString("period"));
        LocalDate asOf = parameters.getLocalDate("asOf");
        return new RunParameters(Path.of(parameters.getString("input")), Path.of(parameters.getString("output")),
                period, asOf == null ? period.atEndOfMonth() : asOf);
    }

    Path returnsFolder() {
        return input.resolve("returns");
    }
}
