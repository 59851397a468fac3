package io.rectify.portal.unit;

import io.rectify.account.PortalUser;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import io.rectify.check.OpenPeriod;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.Unit;
import io.rectify.ops.RectifyProperties;
import io.rectify.rule.Periods;
import io.rectify.template.TemplateSources;
import io.rectify.template.TemplateWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The unit's pages (docs/PORTAL.md): its home (what to report and by when, the prefilled template,
 * the upload form, its uploads), the receipt of one upload, and the downloads. A unit sees its own
 * uploads only: another's id is refused (403) and audited.
 */
@Controller
@RequestMapping("/unit")
class UnitPages {

    private final Submissions submissions;
    private final UploadFolders folders;
    private final Uploads uploads;
    private final LedgerRepository ledgers;
    private final TemplateSources templates;
    private final OpenPeriod openPeriod;
    private final AuditLog audit;
    private final RectifyProperties properties;

    UnitPages(Submissions submissions, UploadFolders folders, Uploads uploads, LedgerRepository ledgers, TemplateSources templates,
              OpenPeriod openPeriod, AuditLog audit, RectifyProperties properties) {
        this.submissions = submissions;
        this.folders = folders;
        this.uploads = uploads;
        this.ledgers = ledgers;
        this.templates = templates;
        this.openPeriod = openPeriod;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping
    String home(@AuthenticationPrincipal PortalUser user, Model model) {
        YearMonth period = openPeriod.period();
        Optional<Ledger> ledger = ledgers.currentVersion().map(v -> ledgers.load());
        Optional<Unit> unit = ledger.flatMap(l -> l.units().stream().filter(u -> u.code().equals(user.unitCode())).findFirst());
        model.addAttribute("unitCode", user.unitCode());
        model.addAttribute("unitName", unit.map(Unit::name).orElse(null));
        model.addAttribute("period", Periods.text(period));
        model.addAttribute("due", ledger.map(l -> Periods.date(l.info().dueDate(period))).orElse(null));
        model.addAttribute("templateReady", unit.isPresent());
        model.addAttribute("reported", uploads.storedFor(user.unitCode(), period));
        model.addAttribute("uploads", uploads.of(user.unitCode()));
        model.addAttribute("maxMegabytes", properties.limits().maxFileSize().toMegabytes());
        return "unit/home";
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template(@AuthenticationPrincipal PortalUser user, HttpServletRequest request) throws IOException {
        YearMonth period = openPeriod.period();
        var template = templates.template(user.unitCode(), period);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TemplateWriter.write(template, out);
        String name = TemplateWriter.fileName(template.unit(), period);
        downloaded(user, request, name);
        return download(name, ReturnFormat.XLSX).body(out.toByteArray());
    }

    @PostMapping("/uploads")
    String upload(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "period", required = false) String period, HttpServletRequest request) throws IOException {
        Upload upload = submissions.submit(user, file, period, Submissions.Action.STORE, request.getRemoteAddr());
        return "redirect:/unit/uploads/" + upload.id();
    }

    @GetMapping("/uploads/{id}")
    String receipt(@AuthenticationPrincipal PortalUser user, @PathVariable long id, HttpServletRequest request, Model model) {
        Upload upload = own(user, id, request);
        model.addAttribute("upload", upload);
        model.addAttribute("period", upload.period() == null ? null : Periods.text(upload.period()));
        model.addAttribute("exceptions", upload.shownExceptions());
        return "unit/receipt";
    }

    @GetMapping("/uploads/{id}/receipt")
    ResponseEntity<Resource> receiptFile(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
                                         HttpServletRequest request) throws IOException {
        Upload upload = own(user, id, request);
        return file(user, request, upload, upload.receipt());
    }

    @GetMapping("/uploads/{id}/marked")
    ResponseEntity<Resource> markedFile(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
                                        HttpServletRequest request) throws IOException {
        Upload upload = own(user, id, request);
        return file(user, request, upload, upload.marked());
    }

    /** Nothing sent, a malformed period, another unit's file: the reason on a page of its own, with the way back. */
    @ExceptionHandler
    String refused(UploadRefused refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.status().value());
        model.addAttribute("message", refused.getMessage());
        return "unit/refused";
    }

    private Upload own(PortalUser user, long id, HttpServletRequest request) {
        Upload upload = uploads.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!user.unitCode().equals(upload.unitCode())) {
            audit.record(new AuditEvent(Instant.now(), user.username(), request.getRemoteAddr(), AuditAction.ACCESS_DENIED,
                    request.getRequestURI(), AuditOutcome.REFUSED, "上传记录 " + id + " 属于单位 " + upload.unitCode()));
            throw new UploadRefused(HttpStatus.FORBIDDEN, "这条上传记录不属于本单位，不能查看");
        }
        return upload;
    }

    private ResponseEntity<Resource> file(PortalUser user, HttpServletRequest request, Upload upload, String name)
            throws IOException {
        Path file = (name == null ? Optional.<Path>empty() : folders.file(upload.id(), name))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        downloaded(user, request, name);
        return download(name, ReturnFormat.byName(name)).body(new FileSystemResource(file));
    }

    private void downloaded(PortalUser user, HttpServletRequest request, String name) {
        audit.record(new AuditEvent(Instant.now(), user.username(), request.getRemoteAddr(), AuditAction.DOWNLOAD, name,
                AuditOutcome.SUCCESS, null));
    }

    /** An attachment with its Chinese name (RFC 5987 {@code filename*=UTF-8''…}) and the workbook's content type. */
    private static ResponseEntity.BodyBuilder download(String name, ReturnFormat format) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(format.mediaType()));
    }
}
