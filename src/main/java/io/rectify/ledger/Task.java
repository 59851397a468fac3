package io.rectify.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification task (整改措施) of the 任务清单.
 *
 * @param leadUnit    the lead unit's code (牵头单位)
 * @param deadline    完成时限, or null for 长期坚持 (long-term, never overdue)
 * @param cooperators codes of the cooperating units (配合单位), in ledger order
 */
public record Task(String code, String problemCode, String measure, String leadUnit, LocalDate deadline,
                   List<String> cooperators) {

    public static final String LONG_TERM = "长期坚持";

    public boolean longTerm() {
        return deadline == null;
    }

    /** The deadline as the ledger shows it: a date or 长期坚持. */
    public String deadlineText() {
        return deadline == null ? LONG_TERM : deadline.toString();
    }
}
