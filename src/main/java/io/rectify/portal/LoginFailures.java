package io.rectify.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Sends a failed login back to the login page with why it failed. The failure that reaches the
 * lockout threshold is itself told as the lockout: the account's failures were counted (from the
 * same authentication event) before this runs.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoginFailures implements AuthenticationFailureHandler {

    private final UserDetailsService accounts;

    LoginFailures(UserDetailsService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        SignInFailure why = failure instanceof BadCredentialsException && lockedNow(request.getParameter("username"))
                ? SignInFailure.LOCKED : SignInFailure.of(failure);
        response.sendRedirect(request.getContextPath() + "/login?error=" + why.code());
    }

    private boolean lockedNow(String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        try {
            UserDetails account = accounts.loadUserByUsername(username.strip());
            return !account.isAccountNonLocked();
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }
}
