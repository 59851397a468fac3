package io.rectify.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * A page the signed-in account may not open: recorded, then answered with the Chinese 403 page
 * (templates/error/403.html). A form sent without its CSRF token (or with a stale one, after the
 * session expired) is refused too, but it is no attempt on another's data: not recorded as such.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RefusedPages implements AccessDeniedHandler {

    /** The request attribute telling the 403 page that the form had expired rather than the account lacked the right. */
    static final String STALE_FORM = "rectify.staleForm";

    private final Refusals refusals;

    RefusedPages(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        if (refused instanceof CsrfException) {
            request.setAttribute(STALE_FORM, true);
        } else {
            refusals.record(request, refused);
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
