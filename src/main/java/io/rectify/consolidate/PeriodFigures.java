package io.rectify.consolidate;

import java.time.YearMonth;

/** The headline figures of one period: what the bulletin, summary.json and the trend show. */
public record PeriodFigures(YearMonth period, ProblemCount problems, TaskCount tasks,
                            AccountabilityCount accountability, InstitutionCount institutions,
                            SubmissionCount submissions, ExceptionCount exceptions) {
}
