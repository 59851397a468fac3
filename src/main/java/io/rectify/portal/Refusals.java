package io.rectify.portal;

import io.rectify.account.PortalUser;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records each refusal of a signed-in account (a page or API call its role or unit may not use) in
 * the audit log: the one place ACCESS_DENIED is written, so a refusal is recorded once. A controller
 * that refuses (another unit's upload) throws {@link AccessDeniedException} with a Chinese message
 * for the office and lands here.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class Refusals {

    private final AuditLog audit;

    Refusals(AuditLog audit) {
        this.audit = audit;
    }

    void record(HttpServletRequest request, AccessDeniedException refused) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String detail = refused instanceof AuthorizationDeniedException
                ? (authentication != null && authentication.getPrincipal() instanceof PortalUser user
                        ? user.role().word() + "账号无权访问此地址" : "无权访问此地址")
                : refused.getMessage();
        audit.record(new AuditEvent(Instant.now(), authentication == null ? null : authentication.getName(),
                request.getRemoteAddr(), AuditAction.ACCESS_DENIED, request.getMethod() + " " + request.getRequestURI() + query,
                AuditOutcome.REFUSED, detail));
    }
}
