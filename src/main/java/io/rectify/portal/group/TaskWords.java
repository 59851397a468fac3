package io.rectify.portal.group;

import io.rectify.rule.Rule;
import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;

/** The headers of the task counts, in the words of the statuses, sign-offs and rules, as 汇总统计 heads them. */
record TaskWords(String completed, String awaiting, String signedOff, String inProgress, String notStarted,
                 String overdue, String dueSoon) {

    static final TaskWords INSTANCE = new TaskWords(TaskStatus.COMPLETED.word(), SignOff.AWAITING.word(),
            SignOff.SIGNED_OFF.word(), TaskStatus.IN_PROGRESS.word(), TaskStatus.NOT_STARTED.word(),
            Rule.OVERDUE.title(), Rule.DUE_SOON.title());
}
