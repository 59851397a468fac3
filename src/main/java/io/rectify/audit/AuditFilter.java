package io.rectify.audit;

import java.time.LocalDate;

/**
 * Which audit events the office asks for; a null field does not filter. Days are Asia/Shanghai
 * days ({@link AuditLog#ZONE}), both ends included.
 *
 * @param username part of the account's name, in any case ("u0" finds U01 to U09)
 */
public record AuditFilter(LocalDate from, LocalDate to, String username, AuditAction action, AuditOutcome outcome) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
