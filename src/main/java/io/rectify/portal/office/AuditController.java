package io.rectify.portal.office;

import io.rectify.account.PortalUser;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditFilter;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The audit log, newest first, filtered by day, account, action and outcome, a page at a time; and its export. */
@Controller
class AuditController {

    static final int PAGE = 50;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(AuditLog.ZONE);

    private final AuditLog log;
    private final OfficeAudit audit;

    AuditController(AuditLog log, OfficeAudit audit) {
        this.log = log;
        this.audit = audit;
    }

    /** The filter as the form sends it: every field optional, days as yyyy-MM-dd, action and outcome by name. */
    record Query(String from, String to, String account, String action, String outcome, Integer page) {

        int pageNumber() {
            return page == null || page < 1 ? 1 : page;
        }

        /** The query string of this filter, without the page, for the links to other pages and the export. */
        public String parameters() {
            return pairs(true);
        }

        /** The filter as the audit log's line of an export keeps it: the same pairs, not encoded. */
        String described() {
            return pairs(false);
        }

        private String pairs(boolean encoded) {
            List<String> pairs = new ArrayList<>();
            String[][] fields = {{"from", from}, {"to", to}, {"account", account}, {"action", action}, {"outcome", outcome}};
            for (String[] field : fields) {
                if (field[1] != null && !field[1].isBlank()) {
                    String value = field[1].strip();
                    pairs.add(field[0] + "=" + (encoded ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value));
                }
            }
            return String.join("&", pairs);
        }
    }

    /** A line of the log as the page shows it. */
    record Line(String at, String username, String remoteAddress, String action, String target, String outcome,
                String outcomeCode, String detail) {
    }

    @GetMapping("/office/audit")
    String page(@ModelAttribute("query") Query query, Model model) {
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("outcomes", AuditOutcome.values());
        AuditFilter filter;
        try {
            filter = filter(query);
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("lines", List.of());
            return "office/audit";
        }
        int page = query.pageNumber();
        List<AuditEvent> events = log.find(filter, page * PAGE + 1);
        List<AuditEvent> shown = events.subList(Math.min((page - 1) * PAGE, events.size()), Math.min(page * PAGE, events.size()));
        model.addAttribute("lines", shown.stream().map(AuditController::line).toList());
        model.addAttribute("page", page);
        model.addAttribute("more", events.size() > page * PAGE);
        return "office/audit";
    }

    @GetMapping("/office/audit/export")
    void export(@AuthenticationPrincipal PortalUser user, Query query, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        AuditFilter filter;
        try {
            filter = filter(query);
        } catch (IllegalArgumentException e) {
            response.sendRedirect(request.getContextPath() + "/office/audit?" + query.parameters());
            return;
        }
        String name = "审计日志-" + STAMP.format(Instant.now()) + ".xlsx";
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        int count = log.export(filter, response.getOutputStream());
        audit.record(user, request, AuditAction.AUDIT_EXPORT, name, AuditOutcome.SUCCESS,
                count + " 条" + (query.parameters().isEmpty() ? "" : "，筛选：" + query.described()));
    }

    /** @throws IllegalArgumentException with the Chinese reason when a field cannot be read */
    static AuditFilter filter(Query query) {
        LocalDate from = day(query.from(), "开始日期");
        LocalDate to = day(query.to(), "结束日期");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("结束日期早于开始日期：请把开始日期改到结束日期之前");
        }
        return new AuditFilter(from, to, blankToNull(query.account()),
                named(AuditAction.values(), query.action()), named(AuditOutcome.values(), query.outcome()));
    }

    private static LocalDate day(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + "“" + text + "”无法识别：请填写日期，如 2024-04-01");
        }
    }

    private static <E extends Enum<E>> E named(E[] values, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Arrays.stream(values).filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("筛选条件“" + name + "”无法识别：请从列表中选择"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Line line(AuditEvent event) {
        return new Line(AuditLog.TIME.format(event.at()), event.username(), event.remoteAddress(), event.action().word(),
                event.target(), event.outcome().word(), event.outcome().name().toLowerCase(Locale.ROOT),
                event.detail());
    }
}
