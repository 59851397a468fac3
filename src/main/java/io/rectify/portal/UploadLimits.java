package io.rectify.portal;

import io.rectify.ops.RectifyProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * The size limit of an upload, {@code rectify.limits.max-file-size}, enforced while the body
 * streams in: Tomcat writes a part to a temporary file as it arrives (nothing beyond
 * {@link #IN_MEMORY} is held in memory) and stops reading at the limit. A page's upload is read
 * before Spring Security's CSRF check, which looks for its token among the form's fields: read
 * there, an over-size form would lose its token and be refused as a stale form instead of being
 * told its size. An API call is read only once it is signed in, in the DispatcherServlet
 * ({@link PortalErrors} answers it); one that announces a length over the limit is refused before.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadLimits {

    /** What a form carries beside its file (the period, the CSRF token, the parts' headers). */
    static final DataSize OTHER_FIELDS = DataSize.ofKilobytes(64);
    static final DataSize IN_MEMORY = DataSize.ofKilobytes(16);

    @Bean
    MultipartConfigElement multipartConfigElement(RectifyProperties properties) {
        long file = properties.limits().maxFileSize().toBytes();
        return new MultipartConfigElement("", file, file + OTHER_FIELDS.toBytes(), (int) IN_MEMORY.toBytes());
    }

    /**
     * Refuses an over-size upload with 413 before anything else reads it. Not a bean: it stands in
     * the security filter chains, after the security headers are set (so the 413 page has them) and
     * before the pages' CSRF check.
     */
    static final class OversizeUploads extends OncePerRequestFilter {

        private final long maxRequestSize;
        private final PortalErrors errors;
        private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();

        OversizeUploads(MultipartConfigElement limits, PortalErrors errors) {
            this.maxRequestSize = limits.getMaxRequestSize();
            this.errors = errors;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (multipart.isMultipart(request)) {
                Optional<MaxUploadSizeExceededException> tooLarge = request.getContentLengthLong() > maxRequestSize
                        ? Optional.of(new MaxUploadSizeExceededException(maxRequestSize)) : pageOverLimit(request);
                if (tooLarge.isPresent()) {
                    errors.tooLarge(request, response, tooLarge.get());
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        /** Reads a page's form now, to disk; the failure when it went beyond the limit. */
        private Optional<MaxUploadSizeExceededException> pageOverLimit(HttpServletRequest request) {
            if (PortalErrors.isApi(request)) {
                return Optional.empty();
            }
            try {
                multipart.resolveMultipart(request);
                return Optional.empty();
            } catch (MaxUploadSizeExceededException e) {
                return Optional.of(e);
            } catch (MultipartException e) {
                return Optional.empty(); // a broken form: the page that receives it says so
            }
        }
    }
}
