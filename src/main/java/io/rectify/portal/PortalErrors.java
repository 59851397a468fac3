package io.rectify.portal;

import io.rectify.ops.RectifyProperties;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The upload that is too large (413), as a Chinese page (templates/error/413.html) or the API's
 * JSON; one that reached the DispatcherServlet (an API call, read once signed in) is answered here,
 * a page's by {@link UploadLimits}. The error pages' model (Spring Boot's error view: status and
 * path, never a stack trace or an exception's message) gains the upload limit and whether a 403
 * was a stale form.
 */
@ControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortalErrors {

    private final String limit;

    PortalErrors(RectifyProperties properties) {
        this.limit = megabytes(properties.limits().maxFileSize());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletRequest request, HttpServletResponse response, MaxUploadSizeExceededException tooLarge)
            throws IOException {
        if (isApi(request)) {
            ApiAnswers.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "上传的文件超过" + limit + "的大小上限，未被接收。请压缩或删除无关工作表后重新上传。");
        } else {
            // the error page's dispatch then renders the page instead of reading the form again
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, tooLarge);
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** 20MB, 0.5MB. */
    static String megabytes(DataSize size) {
        return BigDecimal.valueOf(size.toBytes())
                .divide(BigDecimal.valueOf(DataSize.ofMegabytes(1).toBytes()), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "MB";
    }

    @Component
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class PortalErrorAttributes extends DefaultErrorAttributes {

        private final String limit;

        PortalErrorAttributes(RectifyProperties properties) {
            this.limit = megabytes(properties.limits().maxFileSize());
        }

        @Override
        public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
            Map<String, Object> attributes = super.getErrorAttributes(request, options);
            attributes.put("limit", limit);
            attributes.put("staleForm", request.getAttribute(RefusedPages.STALE_FORM, WebRequest.SCOPE_REQUEST) != null);
            return attributes;
        }
    }
}
