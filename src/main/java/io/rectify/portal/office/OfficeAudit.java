package io.rectify.portal.office;

import io.rectify.account.PortalUser;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Records what the office does in its pages: who, from where, what, to what and how it ended. */
@Component
class OfficeAudit {

    private final AuditLog log;

    OfficeAudit(AuditLog log) {
        this.log = log;
    }

    void record(PortalUser user, HttpServletRequest request, AuditAction action, String target, AuditOutcome outcome,
                String detail) {
        log.record(new AuditEvent(Instant.now(), user.username(), request.getRemoteAddr(), action, target, outcome, detail));
    }
}
