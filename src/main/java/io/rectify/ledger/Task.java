package io.rectify.ledger;

import java.util.List;

/**
 * A rectification task (整改措施) of the 任务清单.
 *
 * @param leadUnit    the lead unit's code (牵头单位)
 * @param deadline    完成时限 as written and the day it falls due
 * @param cooperators codes of the cooperating units (配合单位), in ledger order
 */
public record Task(String code, String problemCode, String measure, String leadUnit, Deadline deadline,
                   List<String> cooperators) {

    /** The task with another deadline (an extension in force). */
    public Task withDeadline(Deadline other) {
        return new Task(code, problemCode, measure, leadUnit, other, cooperators);
    }

    /** 长期坚持: never overdue. */
    public boolean longTerm() {
        return deadline.longTerm();
    }
}
