package io.rectify.portal.office;

import io.rectify.account.Accounts;
import io.rectify.account.IssuedPassword;
import io.rectify.account.PortalUser;
import io.rectify.account.Role;
import io.rectify.audit.AuditLog;
import io.rectify.ledger.LedgerRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every account as the office's accounts page lists it, with the name of the unit it belongs to. */
@Component
class AccountRows {

    private final Accounts accounts;
    private final LedgerRepository ledger;

    AccountRows(Accounts accounts, LedgerRepository ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /**
     * @param holder      the unit (code and name) or the group the account belongs to; 整改办 for the office
     * @param lockedUntil when a lock after failed logins ends; null when not locked
     */
    record Row(String username, String role, String holder, boolean mustChange, String lockedUntil, String created) {
    }

    List<Row> all() {
        Map<String, String> unitNames = new HashMap<>();
        ledger.load().units().forEach(u -> unitNames.put(u.code(), u.name()));
        Map<String, Instant> created = accounts.createdAt();
        return accounts.list().stream().map(user -> new Row(user.username(), user.role().word(), holder(user, unitNames),
                user.mustChangePassword(), user.isAccountNonLocked() ? null : AuditLog.TIME.format(user.lockedUntil()),
                created.containsKey(user.username()) ? AuditLog.TIME.format(created.get(user.username())) : "")).toList();
    }

    private static String holder(PortalUser user, Map<String, String> unitNames) {
        if (user.role() == Role.UNIT) {
            String name = unitNames.get(user.unitCode());
            return name == null ? user.unitCode() + "（台账中已无此单位）" : user.unitCode() + " " + name;
        }
        return user.role() == Role.SUPERVISOR ? user.group() : Role.OFFICE.word();
    }

    /** The accounts the current ledger calls for and that do not exist yet, created now with their initial passwords. */
    List<IssuedPassword> createMissing() {
        return accounts.createMissing(ledger.load());
    }
}
