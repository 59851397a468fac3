package io.rectify.portal.unit;

import io.rectify.account.PortalUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The JSON API for machines (docs/PORTAL.md): {@code POST /api/check} checks a return and stores
 * nothing, {@code POST /api/returns} checks it and stores it when accepted, as the unit's page does.
 * 200 with {@link CheckAnswer} when the file was checked, accepted or not; {@code {"error": "…"}}
 * with 400 when nothing was sent, 403 for another unit's file or a supervisor.
 */
@RestController
class ReturnsApi {

    private final Submissions submissions;

    ReturnsApi(Submissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping("/api/check")
    CheckAnswer check(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "file", required = false) MultipartFile file,
                      @RequestParam(name = "period", required = false) String period, HttpServletRequest request) throws IOException {
        return submissions.submit(user, file, period, Submissions.Action.CHECK, request.getRemoteAddr()).answer();
    }

    @PostMapping("/api/returns")
    CheckAnswer store(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "file", required = false) MultipartFile file,
                      @RequestParam(name = "period", required = false) String period, HttpServletRequest request) throws IOException {
        return submissions.submit(user, file, period, Submissions.Action.STORE, request.getRemoteAddr()).answer();
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> refused(UploadRefused refused) {
        return ResponseEntity.status(refused.status()).body(Map.of("error", refused.getMessage()));
    }

    /** A body that is no multipart form at all (empty, JSON, a bare file): nothing was sent in field file. */
    @ExceptionHandler
    ResponseEntity<Map<String, String>> notMultipart(MultipartException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", Submissions.NO_FILE));
    }
}
