package io.rectify.portal.unit;

import io.rectify.account.PortalUser;
import io.rectify.account.Role;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import io.rectify.check.CheckReport;
import io.rectify.check.CheckedFiles;
import io.rectify.check.NoLedger;
import io.rectify.check.ReturnCheck;
import io.rectify.intake.Sha256;
import io.rectify.rule.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded return and keeps what the unit must see again: the file is streamed to
 * {@code <data>/uploads/.incoming/} (never held in memory), checked as the nightly would check it,
 * refused whole when it states another unit than the uploader's, recorded in table upload, kept with
 * its report in {@code <data>/uploads/<id>/} ({@link UploadFolders}) and, when accepted and asked to, stored
 * among the period's returns ({@link StoredReturns}). Safe to call from many requests at once.
 */
@Component
class Submissions {

    /** What the caller asked for: a check only (the API's /api/check), or a check and, when accepted, the return stored. */
    enum Action {
        CHECK(AuditAction.CHECK), STORE(AuditAction.UPLOAD);

        private final AuditAction audited;

        Action(AuditAction audited) {
            this.audited = audited;
        }
    }

    static final String NO_FILE = "没有收到文件：请选择要上传的报表文件（.xlsx、.xls 或 .xlsm）";

    private final ReturnCheck check;
    private final UploadFolders folders;
    private final StoredReturns stored;
    private final Uploads uploads;
    private final AuditLog audit;
    private final Path folder;

    Submissions(ReturnCheck check, UploadFolders folders, StoredReturns stored, Uploads uploads, AuditLog audit) {
        this.check = check;
        this.folders = folders;
        this.stored = stored;
        this.uploads = uploads;
        this.audit = audit;
        this.folder = folders.root();
    }

    /**
     * Checks {@code file} for {@code user} and records the upload.
     *
     * @param period the period asked for, as YYYY-MM; blank for the one the file states (else the open period)
     * @throws UploadRefused when nothing was sent, the period is malformed, the user may not upload, or the file is another unit's
     */
    Upload submit(PortalUser user, MultipartFile file, String period, Action action, String remoteAddress) throws IOException {
        if (user.role() == Role.SUPERVISOR) {
            denied(user, remoteAddress, action.name(), "督查组账号不能检查或上传报表");
        }
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            throw new UploadRefused(HttpStatus.BAD_REQUEST, NO_FILE);
        }
        Optional<YearMonth> asked = period(period);
        String shown = ShownName.of(file.getOriginalFilename());
        Path incoming = Files.createDirectories(folder.resolve(".incoming"))
                .resolve(UUID.randomUUID() + extension(shown));
        Path staging = folder.resolve(".staging-" + UUID.randomUUID());
        try {
            file.transferTo(incoming);
            CheckReport report = checked(incoming, shown, asked);
            String unit = report.unitCode() == null ? user.unitCode() : report.unitCode();
            if (user.role() == Role.UNIT && !user.unitCode().equals(unit)) {
                denied(user, remoteAddress, shown + "（单位代码 " + unit + "）",
                        "这份报表填写的单位代码是 " + unit + "，不是本单位（" + user.unitCode() + "）的报表，未接收；请上传本单位的报表");
            }
            String storedAs = action == Action.STORE && report.accepted()
                    ? stored.store(incoming, report.unitCode(), report.period(), ReturnFormat.of(incoming)) : null;
            String sha256 = sha256(incoming);
            long size = Files.size(incoming);
            CheckedFiles named = folders.keep(incoming, report, staging);
            Upload upload = new Upload(0, user.username(), unit, report.period(), shown, storedAs, Instant.now(),
                    report.accepted(), (int) report.count(Severity.ERROR), (int) report.count(Severity.WARNING),
                    (int) report.count(Severity.INFO), CheckAnswer.of(report), report.rowsAccepted(),
                    named.receipt().getFileName().toString(),
                    named.marked().map(p -> p.getFileName().toString()).orElse(null));
            long id = uploads.add(upload, sha256, size);
            folders.publish(staging, id);
            audit.record(new AuditEvent(Instant.now(), user.username(), remoteAddress, action.audited, shown,
                    report.accepted() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, outcome(upload)));
            return uploads.find(id).orElseThrow();
        } finally {
            Files.deleteIfExists(incoming);
            FileSystemUtils.deleteRecursively(staging);
        }
    }

    private CheckReport checked(Path file, String shown, Optional<YearMonth> period) {
        try {
            return check.check(file, shown, period);
        } catch (NoLedger e) {
            throw new UploadRefused(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private void denied(PortalUser user, String remoteAddress, String target, String message) {
        audit.record(new AuditEvent(Instant.now(), user.username(), remoteAddress, AuditAction.ACCESS_DENIED, target,
                AuditOutcome.REFUSED, message));
        throw new UploadRefused(HttpStatus.FORBIDDEN, message);
    }

    private static Optional<YearMonth> period(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            if (text.strip().matches("\\d{4}-\\d{2}")) {
                return Optional.of(YearMonth.parse(text.strip()));
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new UploadRefused(HttpStatus.BAD_REQUEST, "报送期次“" + ShownName.of(text) + "”无效：请写作 YYYY-MM，例如 2024-03，或不填（按文件中填写的报送期次检查）");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.of(in);
        }
    }

    /** The sent name's extension when it is a plain one, so that the check sees the file as the nightly would. */
    private static String extension(String shown) {
        int dot = shown.lastIndexOf('.');
        String extension = dot < 0 ? "" : shown.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extension.matches("[a-z0-9]{1,8}") ? "." + extension : ".upload";
    }

    private static String outcome(Upload upload) {
        return (upload.accepted() ? "可以接收" : "不予接收") + "：错误 " + upload.errors() + " 条，警告 " + upload.warnings()
                + " 条，提示 " + upload.infos() + " 条"
                + (upload.storedAs() == null ? "" : "；已存为 returns/" + upload.storedAs());
    }
}
