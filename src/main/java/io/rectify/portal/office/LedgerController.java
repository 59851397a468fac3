package io.rectify.portal.office;

import io.rectify.account.PortalUser;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditOutcome;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ops.DataLock;
import io.rectify.ops.FailureCause;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A new master ledger: uploaded, checked and its report shown at once; stored into the input folder
 * only when the office confirms one without errors. The confirmation names the checked upload by
 * the id this session holds, never by anything the form sends.
 */
@Controller
class LedgerController {

    /** The session attribute holding the checked upload awaiting confirmation. */
    static final String PENDING = "office.ledger.pending";

    private final LedgerUploads uploads;
    private final LedgerRepository repository;
    private final OfficeAudit audit;

    LedgerController(LedgerUploads uploads, LedgerRepository repository, OfficeAudit audit) {
        this.uploads = uploads;
        this.repository = repository;
        this.audit = audit;
    }

    /** A checked upload without errors, awaiting confirmation. */
    record Pending(String id, String fileName) implements Serializable {
    }

    @GetMapping("/office/ledger")
    String page(Model model) {
        model.addAttribute("version", repository.currentVersion().orElse(null));
        model.addAttribute("counts", repository.counts());
        return "office/ledger";
    }

    @PostMapping("/office/ledger")
    String upload(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "file", required = false) MultipartFile file,
                  HttpServletRequest request, HttpSession session, Model model) throws IOException {
        session.removeAttribute(PENDING);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "请选择要上传的台账工作簿（.xlsx）");
            return page(model);
        }
        String name = OfficeText.fileName(file.getOriginalFilename());
        LedgerUploads.Checked checked;
        try (InputStream content = file.getInputStream()) {
            checked = uploads.check(content, name);
        }
        audit.record(user, request, AuditAction.LEDGER_UPLOAD, name,
                checked.valid() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                checked.valid() ? "校验通过，待确认启用：" + checked.counts().describe()
                        : "台账有 " + checked.errors().size() + " 处错误，未启用");
        if (checked.valid() && !checked.same()) {
            session.setAttribute(PENDING, new Pending(checked.id(), name));
        }
        model.addAttribute("checked", checked);
        return page(model);
    }

    @PostMapping("/office/ledger/confirm")
    String confirm(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, HttpSession session,
                   RedirectAttributes redirect) {
        Object pending = session.getAttribute(PENDING);
        session.removeAttribute(PENDING);
        if (!(pending instanceof Pending checked)) {
            redirect.addFlashAttribute("problem", "没有待启用的台账：请先上传台账，校验无误后再确认启用");
            return "redirect:/office/ledger";
        }
        String outcome;
        try {
            Path stored = uploads.confirm(checked.id());
            outcome = "已启用新台账 " + checked.fileName() + "（保存为 " + stored.getFileName()
                    + "，原台账已移至数据文件夹的 " + LedgerUploads.HISTORY + "）。下次汇总时导入；也可在运行状态页立即汇总";
            audit.record(user, request, AuditAction.LEDGER_UPLOAD, checked.fileName(), AuditOutcome.SUCCESS, outcome);
            redirect.addFlashAttribute("notice", outcome);
        } catch (LedgerUploads.Gone e) {
            outcome = "待启用的台账已不在（可能已启用或已过期）：请重新上传";
            audit.record(user, request, AuditAction.LEDGER_UPLOAD, checked.fileName(), AuditOutcome.FAILURE, outcome);
            redirect.addFlashAttribute("problem", outcome);
        } catch (DataLock.Busy e) {
            outcome = "正在汇总，台账未启用：请等汇总结束后重新上传并确认。" + e.getMessage();
            audit.record(user, request, AuditAction.LEDGER_UPLOAD, checked.fileName(), AuditOutcome.REFUSED, outcome);
            redirect.addFlashAttribute("problem", outcome);
        } catch (IOException e) {
            outcome = "台账未启用：" + FailureCause.of(e).orElse(e.getMessage());
            audit.record(user, request, AuditAction.LEDGER_UPLOAD, checked.fileName(), AuditOutcome.FAILURE, outcome);
            redirect.addFlashAttribute("problem", outcome);
        }
        return "redirect:/office/ledger";
    }
}
