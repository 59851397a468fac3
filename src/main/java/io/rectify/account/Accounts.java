package io.rectify.account;

import io.rectify.ledger.Ledger;
import io.rectify.ledger.Unit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The portal's accounts (table account): one per unit (named by its unit code), one per supervision
 * group (named by the group) and the office's {@value #OFFICE}. Passwords are kept only as hashes;
 * a new or reset account must change its initial password at the next login. Names are matched
 * without regard to case (u01 signs in as U01).
 */
@Component
public class Accounts implements UserDetailsService {

    /** The office administrator's account. */
    public static final String OFFICE = "office";

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final String COLUMNS = "username, password_hash, role, scope, must_change_password, locked_until, enabled";
    private static final String BY_NAME = " WHERE LOWER(username) = LOWER(?)";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final int lockoutAttempts;
    private final Duration lockoutDuration;

    Accounts(JdbcTemplate jdbc, PasswordEncoder encoder, ObjectProvider<Clock> clock,
             @Value("${rectify.web.lockout-attempts:5}") int lockoutAttempts,
             @Value("${rectify.web.lockout-duration:15m}") Duration lockoutDuration) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.lockoutAttempts = Math.max(1, lockoutAttempts);
        this.lockoutDuration = lockoutDuration;
    }

    /** The account, its lock left out once the lock has run out. */
    @Override
    public PortalUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no account named " + username));
    }

    public Optional<PortalUser> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM account" + BY_NAME, this::user, typed(username))
                .stream().findFirst();
    }

    /**
     * Every account: the office's first, then the groups' and the units' in ledger order (an account
     * whose unit or group has left the ledger after them).
     */
    public List<PortalUser> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM account a ORDER BY "
                + "CASE role WHEN 'OFFICE' THEN 0 WHEN 'SUPERVISOR' THEN 1 ELSE 2 END, "
                + "COALESCE((SELECT u.seq FROM unit u WHERE a.role = 'UNIT' AND u.code = a.scope), "
                + "(SELECT g.seq FROM supervision_group g WHERE a.role = 'SUPERVISOR' AND g.name = a.scope), 2147483647), "
                + "username", this::user);
    }

    /** When each account was created, by its name: the office's accounts page shows it (signing in does not need it). */
    public Map<String, Instant> createdAt() {
        Map<String, Instant> created = new HashMap<>();
        jdbc.query("SELECT username, created_at FROM account",
                rs -> {
                    created.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                });
        return created;
    }

    /** Who holds the account, as 账号.xlsx and the office's page name them: the unit's name, the group's, 整改办. */
    String holder(PortalUser user) {
        return switch (user.role()) {
            case UNIT -> jdbc.query("SELECT name FROM unit WHERE code = ?", (rs, n) -> rs.getString(1), user.scope())
                    .stream().findFirst().orElse(user.scope());
            case SUPERVISOR -> user.scope();
            case OFFICE -> Role.OFFICE.word();
        };
    }

    /**
     * Changes a password after checking the current one and the policy: at least 10 characters,
     * letters and digits, not the account's name, not the current (initial) password. Clears the
     * obligation to change it.
     *
     * @throws PasswordRejected with the reason in Chinese
     */
    public void changePassword(String username, String current, String next) {
        PortalUser user = find(username).orElseThrow(() -> new PasswordRejected("账号不存在。"));
        if (current == null || !encoder.matches(current, user.passwordHash())) {
            throw new PasswordRejected("当前密码不正确。");
        }
        Optional<String> problem = PasswordPolicy.problem(user.username(), next);
        if (problem.isPresent()) {
            throw new PasswordRejected(problem.get());
        }
        if (encoder.matches(next, user.passwordHash())) {
            throw new PasswordRejected(user.mustChangePassword() ? "新密码不能与初始密码相同。" : "新密码不能与当前密码相同。");
        }
        jdbc.update("UPDATE account SET password_hash = ?, must_change_password = FALSE, password_changed_at = ?"
                + " WHERE username = ?", encoder.encode(next), now(), user.username());
    }

    /**
     * Gives the account a new initial password, to be changed at the next login, and unlocks it.
     *
     * @return the new initial password, to be handed out; it is not kept
     * @throws UsernameNotFoundException when there is no such account
     */
    public String reset(String username) {
        String password = InitialPasswords.next();
        int updated = jdbc.update("UPDATE account SET password_hash = ?, must_change_password = TRUE,"
                + " password_changed_at = NULL, failed_logins = 0, locked_until = NULL" + BY_NAME,
                encoder.encode(password), typed(username));
        if (updated == 0) {
            throw new UsernameNotFoundException("no account named " + username);
        }
        return password;
    }

    /** Lifts a lock after failed logins at once, and forgets the failures. */
    public void unlock(String username) {
        if (jdbc.update("UPDATE account SET failed_logins = 0, locked_until = NULL" + BY_NAME, typed(username)) == 0) {
            throw new UsernameNotFoundException("no account named " + username);
        }
    }

    /**
     * Creates the accounts the ledger calls for and that do not exist yet: the office's, one per
     * supervision group, one per unit. Existing accounts are left as they are, whatever changed.
     *
     * @return the accounts created with their initial passwords, office first, then groups and units
     *         in ledger order; empty when every account existed
     */
    public List<IssuedPassword> createMissing(Ledger ledger) {
        Set<String> taken = new HashSet<>();
        jdbc.query("SELECT username FROM account", rs -> {
            taken.add(key(rs.getString(1)));
        });
        List<IssuedPassword> wanted = new ArrayList<>();
        wanted.add(new IssuedPassword(OFFICE, null, Role.OFFICE, Role.OFFICE.word()));
        ledger.groups().forEach(g -> wanted.add(new IssuedPassword(g, null, Role.SUPERVISOR, g)));
        for (Unit unit : ledger.units()) {
            wanted.add(new IssuedPassword(unit.code(), null, Role.UNIT, unit.name()));
        }
        List<IssuedPassword> created = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = now();
        for (IssuedPassword account : wanted) {
            if (!taken.add(key(account.username()))) {
                continue;
            }
            String password = InitialPasswords.next();
            created.add(new IssuedPassword(account.username(), password, account.role(), account.holder()));
            rows.add(new Object[] {account.username(), account.role().name(),
                    account.role() == Role.OFFICE ? null : account.username(), encoder.encode(password), now});
        }
        jdbc.batchUpdate("INSERT INTO account (username, role, scope, password_hash, must_change_password, created_at)"
                + " VALUES (?, ?, ?, ?, TRUE, ?)", rows);
        if (!created.isEmpty()) {
            log.info("Created {} account(s)", created.size());
        }
        return created;
    }

    /**
     * Counts a failed login of an existing account; the {@code rectify.web.lockout-attempts}-th in a
     * row locks it for {@code rectify.web.lockout-duration} and starts the count again.
     *
     * @return the failures in a row so far (the lockout's count when this one locked it), and the
     *         end of the lock this failure started; empty when there is no such account
     */
    Optional<Failure> loginFailed(String username) {
        Timestamp lockEnd = Timestamp.from(clock.instant().plus(lockoutDuration).truncatedTo(ChronoUnit.SECONDS));
        // one statement, so that failures arriving together are all counted
        int updated = jdbc.update("UPDATE account SET"
                + " failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END,"
                + " locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END" + BY_NAME,
                lockoutAttempts, lockoutAttempts, lockEnd, typed(username));
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.query("SELECT failed_logins, locked_until FROM account" + BY_NAME, (rs, n) -> {
            OffsetDateTime locked = rs.getObject(2, OffsetDateTime.class);
            boolean lockedNow = locked != null && locked.toInstant().equals(lockEnd.toInstant());
            return new Failure(lockedNow ? lockoutAttempts : rs.getInt(1), lockedNow ? locked.toInstant() : null);
        }, typed(username)).stream().findFirst();
    }

    /** A successful login forgets the failures before it. */
    void loginSucceeded(String username) {
        jdbc.update("UPDATE account SET failed_logins = 0, locked_until = NULL" + BY_NAME
                + " AND (failed_logins <> 0 OR locked_until IS NOT NULL)", typed(username));
    }

    /** A failed login counted: the failures in a row, and when this one locked the account, until when. */
    record Failure(int inARow, Instant lockedUntil) {
    }

    private PortalUser user(ResultSet rs, int row) throws SQLException {
        OffsetDateTime locked = rs.getObject(6, OffsetDateTime.class);
        Instant lockedUntil = locked == null || !locked.toInstant().isAfter(clock.instant()) ? null : locked.toInstant();
        return new PortalUser(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4),
                rs.getBoolean(5), lockedUntil, rs.getBoolean(7));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** A name as typed, as it finds its account: spaces around it do not count (nor, in {@link #BY_NAME}, case). */
    private static String typed(String username) {
        return username == null ? null : username.strip();
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
