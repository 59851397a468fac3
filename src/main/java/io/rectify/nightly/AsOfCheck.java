package io.rectify.nightly;

import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerVersion;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Refuses an {@code --as-of} before the ledger's feedback date (反馈日期): nothing can be overdue
 * or completed before the inspection's findings were handed over, so such a date is a typing
 * mistake, and every figure judged on it would be wrong. Checked once the ledger is current, against
 * the 反馈日期 of the version the run's period is judged with.
 */
@Component
class AsOfCheck {

    private final LedgerRepository ledgers;

    AsOfCheck(LedgerRepository ledgers) {
        this.ledgers = ledgers;
    }

    /**
     * @param given   the {@code --as-of} of the command line, null when it was not given
     * @param version the ledger version the run's period is judged with
     */
    void check(LocalDate given, Optional<LedgerVersion> version) {
        LocalDate feedback = given == null ? null : version.flatMap(ledgers::feedbackDate).orElse(null);
        if (feedback != null && given.isBefore(feedback)) {
            throw new IllegalArgumentException("--as-of=" + given + " 早于台账的反馈日期 " + feedback
                    + "，按此日期判断的逾期和完成情况都不成立；请改用不早于 " + feedback + " 的日期，或不写 --as-of（默认为期次的最后一天）");
        }
    }
}
