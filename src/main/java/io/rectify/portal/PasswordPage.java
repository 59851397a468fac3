package io.rectify.portal;

import io.rectify.account.Accounts;
import io.rectify.account.PasswordRejected;
import io.rectify.account.PortalUser;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Changing one's password: forced while the initial one is in use ({@link ForcedPasswordChange}).
 * After a change the signed-in account is read again, so that the forced change stops at once.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PasswordPage {

    private final Accounts accounts;
    private final AuditLog audit;
    private final SecurityContextRepository contexts;

    PasswordPage(Accounts accounts, AuditLog audit, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.audit = audit;
        this.contexts = contexts;
    }

    @GetMapping(ForcedPasswordChange.PASSWORD_PAGE)
    String form(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("mustChange", user.mustChangePassword());
        return "password";
    }

    @PostMapping(ForcedPasswordChange.PASSWORD_PAGE)
    String change(@AuthenticationPrincipal PortalUser user, @RequestParam String current, @RequestParam String next,
                  @RequestParam String repeat, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            if (!next.equals(repeat)) {
                throw new PasswordRejected("两次输入的新密码不一致，请重新输入。");
            }
            accounts.changePassword(user.getUsername(), current, next);
        } catch (PasswordRejected rejected) {
            record(user, request, AuditOutcome.FAILURE, rejected.getMessage());
            model.addAttribute("mustChange", user.mustChangePassword());
            model.addAttribute("rejected", rejected.getMessage());
            return "password";
        }
        record(user, request, AuditOutcome.SUCCESS, null);
        PortalUser changed = accounts.loadUserByUsername(user.getUsername());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }

    private void record(PortalUser user, HttpServletRequest request, AuditOutcome outcome, String detail) {
        audit.record(new AuditEvent(Instant.now(), user.getUsername(), request.getRemoteAddr(), AuditAction.PASSWORD_CHANGE,
                user.getUsername(), outcome, detail));
    }
}
