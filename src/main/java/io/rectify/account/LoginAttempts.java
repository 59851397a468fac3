package io.rectify.account;

import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Every login, as Spring Security announces it: a success forgets the failures before it, a wrong
 * password is counted (the {@code rectify.web.lockout-attempts}-th in a row locks the account for
 * {@code rectify.web.lockout-duration}, see {@link Accounts}), and each one is written to the audit
 * log, a login refused because the account is locked as REFUSED. An API call let in by a verification
 * {@link BasicLogins} remembers is no new login: it is not written again.
 */
@Component
class LoginAttempts {

    private final Accounts accounts;
    private final AuditLog audit;

    LoginAttempts(Accounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication login = event.getAuthentication();
        if (login instanceof BasicLogins.Remembered) {
            return;
        }
        accounts.loginSucceeded(login.getName());
        boolean mustChange = login.getPrincipal() instanceof PortalUser user && user.mustChangePassword();
        record(login, AuditOutcome.SUCCESS, mustChange ? "初始密码登录，须先修改密码" : null);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication login = event.getAuthentication();
        String name = login.getName();
        if (event.getException() instanceof LockedException) {
            String until = accounts.find(name).map(PortalUser::lockedUntil).map(LoginAttempts::time).orElse(null);
            record(login, AuditOutcome.REFUSED, until == null ? "账号已锁定" : "账号已锁定，" + until + " 后可再登录");
        } else if (event.getException() instanceof DisabledException) {
            record(login, AuditOutcome.REFUSED, "账号已停用");
        } else if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            Optional<Accounts.Failure> failure = name == null || name.isBlank() ? Optional.empty() : accounts.loginFailed(name);
            record(login, AuditOutcome.FAILURE, failure.map(LoginAttempts::describe).orElse("账号不存在"));
        } else {
            record(login, AuditOutcome.FAILURE, "登录未完成：" + event.getException().getClass().getSimpleName());
        }
    }

    private static String describe(Accounts.Failure failure) {
        return failure.lockedUntil() == null ? "密码错误（连续第" + failure.inARow() + "次）"
                : "密码错误，连续" + failure.inARow() + "次，账号锁定至 " + time(failure.lockedUntil());
    }

    private void record(Authentication login, AuditOutcome outcome, String detail) {
        String from = login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        String name = login.getName() == null || login.getName().isBlank() ? null : login.getName();
        audit.record(new AuditEvent(Instant.now(), name, from, AuditAction.LOGIN, null, outcome, detail));
    }

    private static String time(Instant instant) {
        return AuditLog.TIME.format(instant);
    }
}
