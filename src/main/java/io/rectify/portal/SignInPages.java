package io.rectify.portal;

import io.rectify.account.PortalUser;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the front door, which sends each account to its own home. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SignInPages {

    /** The login page's {@code notice}: the session ran out, or the account logged out. */
    static final String EXPIRED = "expired";
    static final String LOGGED_OUT = "logout";

    private final Duration lockout;
    private final Duration sessionTimeout;

    SignInPages(@Value("${rectify.web.lockout-duration}") Duration lockout,
                @Value("${rectify.web.session-timeout}") Duration sessionTimeout) {
        this.lockout = lockout;
        this.sessionTimeout = sessionTimeout;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String notice,
                 @AuthenticationPrincipal PortalUser user, Model model) {
        if (user != null) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute("failure", SignInFailure.ofCode(error).orElse(SignInFailure.BAD_CREDENTIALS).text(lockout));
        } else if (EXPIRED.equals(notice)) {
            model.addAttribute("notice", "您已超过" + SignInFailure.words(sessionTimeout) + "未操作，登录已失效，请重新登录。");
        } else if (LOGGED_OUT.equals(notice)) {
            model.addAttribute("notice", "您已安全退出。");
        }
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal PortalUser user) {
        return "redirect:" + switch (user.role()) {
            case UNIT -> "/unit";
            case SUPERVISOR -> "/group";
            case OFFICE -> "/office";
        };
    }
}
