package io.rectify.portal.office;

import io.rectify.account.Accounts;
import io.rectify.account.IssuedPassword;
import io.rectify.account.PasswordSheet;
import io.rectify.account.PortalUser;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accounts: every one listed; a password reset (the new initial password shown once), a lock
 * lifted, and the accounts the current ledger lacks created (their initial passwords shown once and
 * downloadable once as 账号.xlsx).
 */
@Controller
class AccountsController {

    /**
     * The session attribute holding the passwords just created until 账号.xlsx is downloaded. Only
     * in the office's own session (memory, never written to disk or the database), taken out by the
     * download and gone with the session at logout or expiry: the download is built on request so no
     * file of passwords is ever left on the server, and it can be taken only once.
     */
    static final String UNDOWNLOADED = AccountsController.class.getName() + ".undownloaded";

    private final AccountRows rows;
    private final Accounts accounts;
    private final OfficeAudit audit;

    AccountsController(AccountRows rows, Accounts accounts, OfficeAudit audit) {
        this.rows = rows;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/office/accounts")
    String page(Model model) {
        model.addAttribute("accounts", rows.all());
        return "office/accounts";
    }

    @PostMapping("/office/accounts")
    String createMissing(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, HttpSession session,
                         RedirectAttributes redirect) {
        List<IssuedPassword> created = rows.createMissing();
        String names = created.stream().map(IssuedPassword::username).collect(Collectors.joining("、"));
        audit.record(user, request, AuditAction.ACCOUNTS_CREATE, created.size() + " 个账号", AuditOutcome.SUCCESS,
                created.isEmpty() ? "台账中的单位和督查组都已有账号" : names);
        if (created.isEmpty()) {
            redirect.addFlashAttribute("notice", "台账中的单位和督查组都已有账号，没有新建账号");
            return "redirect:/office/accounts";
        }
        session.setAttribute(UNDOWNLOADED, List.copyOf(created));
        redirect.addFlashAttribute("issued", created);
        redirect.addFlashAttribute("notice", "已新建 " + created.size() + " 个账号。初始密码只显示这一次，" + PasswordSheet.FILE_NAME
                + "也只能下载一次：请下载或抄下，逐一交给各账号的使用人；首次登录时须修改密码");
        return "redirect:/office/accounts";
    }

    /** 账号.xlsx of the accounts just created, once; afterwards (or in another session) back to the page with why. */
    @PostMapping("/office/accounts/passwords")
    String download(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, HttpSession session,
                    HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        @SuppressWarnings("unchecked")
        List<IssuedPassword> issued = (List<IssuedPassword>) session.getAttribute(UNDOWNLOADED);
        session.removeAttribute(UNDOWNLOADED);
        if (issued == null) {
            audit.record(user, request, AuditAction.DOWNLOAD, PasswordSheet.FILE_NAME, AuditOutcome.REFUSED, "没有待下载的初始密码");
            redirect.addFlashAttribute("problem", PasswordSheet.FILE_NAME + "只能在新建账号后下载一次，已下载过或已退出登录："
                    + "需要新的初始密码时，请对该账号点“重置密码”");
            return "redirect:/office/accounts";
        }
        response.setContentType(AuditController.XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(PasswordSheet.FILE_NAME, StandardCharsets.UTF_8).build().toString());
        PasswordSheet.write(response.getOutputStream(), issued);
        audit.record(user, request, AuditAction.DOWNLOAD, PasswordSheet.FILE_NAME, AuditOutcome.SUCCESS,
                issued.size() + " 个账号的初始密码：" + issued.stream().map(IssuedPassword::username).collect(Collectors.joining("、")));
        return null;
    }

    @PostMapping("/office/accounts/{username}/reset")
    String reset(@AuthenticationPrincipal PortalUser user, @PathVariable String username, HttpServletRequest request,
                 RedirectAttributes redirect) {
        try {
            String password = accounts.reset(username);
            audit.record(user, request, AuditAction.ACCOUNT_RESET, username, AuditOutcome.SUCCESS, "已重置为新的初始密码");
            redirect.addFlashAttribute("reset", username);
            redirect.addFlashAttribute("password", password);
            redirect.addFlashAttribute("notice", "账号 " + username + " 的密码已重置，新的初始密码只显示这一次：请交给该账号的使用人，"
                    + "登录后须立即修改；账号如被锁定也已解除");
        } catch (UsernameNotFoundException e) {
            audit.record(user, request, AuditAction.ACCOUNT_RESET, username, AuditOutcome.FAILURE, "没有这个账号");
            redirect.addFlashAttribute("problem", "没有账号 " + username);
        }
        return "redirect:/office/accounts";
    }

    @PostMapping("/office/accounts/{username}/unlock")
    String unlock(@AuthenticationPrincipal PortalUser user, @PathVariable String username, HttpServletRequest request,
                  RedirectAttributes redirect) {
        try {
            accounts.unlock(username);
            audit.record(user, request, AuditAction.ACCOUNT_UNLOCK, username, AuditOutcome.SUCCESS, null);
            redirect.addFlashAttribute("notice", "账号 " + username + " 已解除锁定，可以重新登录");
        } catch (UsernameNotFoundException e) {
            audit.record(user, request, AuditAction.ACCOUNT_UNLOCK, username, AuditOutcome.FAILURE, "没有这个账号");
            redirect.addFlashAttribute("problem", "没有账号 " + username);
        }
        return "redirect:/office/accounts";
    }
}
