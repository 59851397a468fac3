package io.rectify.nightly;

import io.rectify.ops.CommandLine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The nightly job's parameters as values: folders, the period, the as-of date, and the earlier
 * periods the office asked to judge again with the current ledger.
 *
 * @param rejudgeFrom the earliest period to re-judge ({@code --rejudge=YYYY-MM}; {@code --rejudge}
 *                    alone: every period); empty when none is
 */
record RunParameters(Path input, Path output, YearMonth period, LocalDate asOf, Optional<YearMonth> rejudgeFrom) {

    static RunParameters of(JobParameters parameters) {
        YearMonth period = YearMonth.parse(parameters.getString("period"));
        LocalDate asOf = parameters.getLocalDate("asOf");
        Optional<YearMonth> rejudge = Optional.ofNullable(parameters.getString("rejudge"))
                .map(r -> r.equals(CommandLine.REJUDGE_EVERY_PERIOD) ? YearMonth.of(1, 1) : YearMonth.parse(r));
        return new RunParameters(Path.of(parameters.getString("input")), Path.of(parameters.getString("output")),
                period, asOf == null ? period.atEndOfMonth() : asOf, rejudge);
    }

    /** Whether the office asked for {@code earlier} to be judged again with the current ledger. */
    boolean rejudges(YearMonth earlier) {
        return rejudgeFrom.filter(from -> !earlier.isBefore(from)).isPresent();
    }

    Path returnsFolder() {
        return input.resolve("returns");
    }

    /** Where the office puts the filled review workbooks of the run's input folder: {@code <input>/reviews/<YYYY-MM>/}. */
    Path reviewsFolder() {
        return input.resolve("reviews");
    }
}
