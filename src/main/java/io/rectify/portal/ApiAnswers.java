package io.rectify.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API's refusals, {@code {"error": "…"}} in Chinese: 401 with {@code WWW-Authenticate:
 * Basic} without valid credentials, 403 (recorded) for a role or unit that may not.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String REALM = "Basic realm=\"Rectify\", charset=\"UTF-8\"";

    private final Refusals refusals;
    private final Duration lockout;

    ApiAnswers(Refusals refusals, @Value("${rectify.web.lockout-duration}") Duration lockout) {
        this.refusals = refusals;
        this.lockout = lockout;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        String error = failure instanceof InsufficientAuthenticationException
                ? "需要账号和密码：请用 HTTP Basic 发送整改办分配的账号和当前密码"
                : SignInFailure.of(failure).text(lockout);
        write(response, HttpServletResponse.SC_UNAUTHORIZED, error);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        refusals.record(request, refused);
        write(response, HttpServletResponse.SC_FORBIDDEN, refused instanceof AuthorizationDeniedException
                ? "该账号无权使用此接口：只有单位和整改办的账号可以检查和报送报表" : refused.getMessage());
    }

    static void write(HttpServletResponse response, int status, String error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(Map.of("error", error)));
    }
}
