package io.rectify.portal;

import io.rectify.account.PortalUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While an account still has its initial password, every page but the password change, logout and
 * the style sheet sends it to /password. Not a bean: it belongs to the pages' filter chain only
 * (the API takes the current password, changed or not).
 */
final class ForcedPasswordChange extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user
                && user.mustChangePassword() && !allowed(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String path) {
        return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.startsWith("/css/") || path.equals("/error");
    }
}
