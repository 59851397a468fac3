package io.rectify.portal.office;

import io.rectify.account.PortalUser;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditOutcome;
import io.rectify.rule.Periods;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's home: what to do first, the schedules, the latest runs and figures, and 立即汇总. */
@Controller
class HomeController {

    private final RunBoard board;
    private final Headline headline;
    private final NightlyNow nightlyNow;
    private final OfficeAudit audit;

    HomeController(RunBoard board, Headline headline, NightlyNow nightlyNow, OfficeAudit audit) {
        this.board = board;
        this.headline = headline;
        this.nightlyNow = nightlyNow;
        this.audit = audit;
    }

    @GetMapping("/office")
    String home(Model model) {
        model.addAttribute("board", board.view());
        model.addAttribute("headline", headline.latest().orElse(null));
        model.addAttribute("nextPeriod", nightlyNow.period().map(Periods::text).orElse(null));
        return "office/home";
    }

    @PostMapping("/office/runs")
    String runNow(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, RedirectAttributes redirect) {
        NightlyNow.Outcome outcome = nightlyNow.start();
        audit.record(user, request, AuditAction.RUN_START, "nightly" + (outcome.period() == null ? "" : " " + outcome.period()),
                outcome.started() ? AuditOutcome.SUCCESS : outcome.refused() ? AuditOutcome.REFUSED : AuditOutcome.FAILURE,
                outcome.message());
        redirect.addFlashAttribute(outcome.started() ? "notice" : "problem", outcome.message());
        return "redirect:/office";
    }
}
