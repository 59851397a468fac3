package io.rectify.dashboard;

import io.rectify.ledger.Unit;
import java.util.Optional;
import java.util.function.Function;

/**
 * The other outputs of the period folder the dashboard links to, each by its path relative to the
 * folder ('/' separated). The report names them; the dashboard only points at them.
 *
 * @param receipts the folder of the units' receipts
 * @param receipt  a unit's receipt in that folder
 * @param notices  the folder of the 督办单, when the period has any
 */
public record Links(String statistics, String exceptions, String bulletin, String receipts,
                    Function<Unit, String> receipt, Optional<String> notices) {
}
