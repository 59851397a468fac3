package io.rectify.audit;

import java.time.Instant;

/**
 * One line of the audit log: who, when, from where, what, to what, and how it ended.
 *
 * @param username      the account; at a failed login, the name that was typed; null when none was given
 * @param remoteAddress the client's address as the portal saw it (the proxy's X-Forwarded-For when behind one)
 * @param target        what it was done to: a file, a period, an account, a page
 * @param detail        anything else worth keeping, in Chinese for the office (the file's outcome, the reason refused)
 */
public record AuditEvent(Instant at, String username, String remoteAddress, AuditAction action, String target,
                         AuditOutcome outcome, String detail) {
}
