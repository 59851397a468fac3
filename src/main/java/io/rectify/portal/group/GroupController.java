package io.rectify.portal.group;

import io.rectify.account.PortalUser;
import io.rectify.account.Role;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import io.rectify.consolidate.Consolidation;
import io.rectify.ops.RectifyProperties;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The supervisor's pages (docs/PORTAL.md): a supervisor sees the units of their own group only; the office any
 * group with {@code ?group=}. Every page shows a period the nightly stored ({@code ?period=YYYY-MM}, default the
 * latest), as its outputs show it.
 */
@Controller
@RequestMapping("/group")
class GroupController {

    private final StoredPeriods periods;
    private final PendingUploads uploads;
    private final AuditLog audit;
    private final RectifyProperties properties;

    GroupController(StoredPeriods periods, PendingUploads uploads, AuditLog audit, RectifyProperties properties) {
        this.periods = periods;
        this.uploads = uploads;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping
    String home(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String group,
                @RequestParam(required = false) String period, Model model) {
        Optional<String> asked = group(user, group);
        Optional<YearMonth> shown = period(period);
        if (shown.isEmpty()) {
            model.addAttribute("group", asked.orElse(null));
            return "group/none";
        }
        PeriodState state = periods.of(shown.get());
        model.addAttribute("words", TaskWords.INSTANCE);
        if (asked.isEmpty()) {
            model.addAttribute("heading", heading(user, null, shown.get(), state));
            model.addAttribute("standings", state.standings().groups());
            return "group/groups";
        }
        Heading heading = heading(user, asked.get(), shown.get(), state);
        model.addAttribute("page", GroupPage.of(heading, state, uploads.latestByUnit(shown.get()),
                files(heading, state.consolidation())));
        return "group/home";
    }

    @GetMapping("/exceptions")
    String exceptions(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String group,
                      @RequestParam(required = false) String period, @RequestParam(required = false) String unit,
                      @RequestParam(required = false) String rule, @RequestParam(required = false) String severity,
                      Model model) {
        Optional<String> asked = group(user, group);
        Optional<YearMonth> shown = period(period);
        if (shown.isEmpty() || asked.isEmpty()) {
            return "redirect:/group" + (shown.isEmpty() ? "" : "?period=" + shown.get());
        }
        PeriodState state = periods.of(shown.get());
        Heading heading = heading(user, asked.get(), shown.get(), state);
        GroupExceptions.Filter filter = new GroupExceptions.Filter(blank(unit), blank(rule) == null ? null
                : parse(() -> Rule.of(rule)), blank(severity) == null ? null : parse(() -> Severity.of(severity)));
        model.addAttribute("page", GroupExceptions.of(heading, state.consolidation(), filter));
        return "group/exceptions";
    }

    @GetMapping("/files/{name}")
    ResponseEntity<Resource> file(@AuthenticationPrincipal PortalUser user, @PathVariable String name,
                                  @RequestParam(required = false) String group,
                                  @RequestParam(required = false) String period, HttpServletRequest request) {
        Optional<String> asked = group(user, group);
        Optional<YearMonth> shown = period(period);
        if (shown.isEmpty() || asked.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个文件");
        }
        PeriodState state = periods.of(shown.get());
        GroupFiles files = files(heading(user, asked.get(), shown.get(), state), state.consolidation());
        Optional<GroupFiles.GroupFile> file = files.named(name);
        String target = shown.get() + "/" + file.map(GroupFiles.GroupFile::path).orElse(printable(name));
        audit.record(new AuditEvent(Instant.now(), user.getUsername(), request.getRemoteAddr(), AuditAction.DOWNLOAD,
                target, file.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.REFUSED,
                file.isPresent() ? asked.get() : "不是" + asked.get() + Periods.text(shown.get()) + "的文件"));
        GroupFiles.GroupFile found = file.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个文件"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(found.name(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(found.contentType()))
                .body(new FileSystemResource(files.pathOf(found)));
    }

    /**
     * The group the user may see: a supervisor their own (another group asked for is refused, and the refusal
     * logged as ACCESS_DENIED by the portal's handler); the office the one asked for, or none (the groups' list).
     */
    private static Optional<String> group(PortalUser user, String asked) {
        String wanted = blank(asked);
        if (user.role() == Role.SUPERVISOR) {
            if (wanted != null && !wanted.equals(user.group())) {
                throw new AccessDeniedException("督查组账号只能查看本组：" + user.group() + "，请求了" + wanted);
            }
            return Optional.of(user.group());
        }
        if (user.role() == Role.OFFICE) {
            return Optional.ofNullable(wanted);
        }
        throw new AccessDeniedException("督查组页面不对" + user.role().word() + "账号开放");
    }

    /** The period asked for, or the latest stored; empty before the first nightly run. */
    private Optional<YearMonth> period(String asked) {
        if (blank(asked) == null) {
            return periods.latest();
        }
        YearMonth period = parse(() -> YearMonth.parse(asked));
        if (!periods.periods().contains(period)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, Periods.text(period) + "尚无汇总结果");
        }
        return Optional.of(period);
    }

    private Heading heading(PortalUser user, String group, YearMonth period, PeriodState state) {
        Consolidation c = state.consolidation();
        if (group != null && !c.groups().contains(group)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, Periods.text(period) + "的台账中没有" + group);
        }
        return new Heading(group, period, c.asOf(), periods.periods(),
                user.role() == Role.OFFICE ? c.groups() : List.of());
    }

    private GroupFiles files(Heading heading, Consolidation c) {
        return GroupFiles.of(properties.output(), heading.period(), heading.group(), c.byUnit());
    }

    private static <T> T parse(Supplier<T> parsing) {
        try {
            return parsing.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "筛选条件或期次无效");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A name from a request as the audit log may keep it: control characters shown as '?'. */
    private static String printable(String name) {
        return name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
