package io.rectify.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rectify.TempFolderContext;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditFilter;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerImporter;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.ledger.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Accounts on a real H2 file database with the small standard ledger, signed in to through Spring
 * Security's own provider and event publisher, as the portal's login form does.
 */
class AccountsTest extends TempFolderContext {

    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }

        /** Real bcrypt, at its lowest cost: a test signs in dozens of times. */
        @Bean
        @Primary
        PasswordEncoder cheapBcrypt() {
            return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
        }
    }

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AuthenticationEventPublisher events;
    @Autowired
    AuditLog audit;
    @Autowired
    MovableClock clock;
    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    JdbcTemplate jdbc;

    /** The initial passwords of the standard ledger's accounts, as the first creation gave them. */
    private static Map<String, String> initial;

    @BeforeEach
    void accountsOfTheStandardLedger() {
        if (initial == null) {
            LedgerWorkbookFixture.standard().writeToMaster(root.resolve("input"));
            importer.importFrom(root.resolve("input/master"));
            initial = new HashMap<>();
            accounts.createMissing(ledgers.load()).forEach(p -> initial.put(p.username(), p.password()));
        }
    }

    @Test
    void everyUnitGroupAndTheOfficeGetAnAccountWhosePasswordIsStoredOnlyAsAHash() {
        assertEquals(List.of("office", "第一督查组", "第二督查组", "第三督查组", "U01", "U02", "U03", "U04", "U05"),
                accounts.list().stream().map(PortalUser::username).filter(initial::containsKey).toList());
        PortalUser unit = accounts.loadUserByUsername("u01");
        assertEquals("U01", unit.username());
        assertEquals(Role.UNIT, unit.role());
        assertEquals("U01", unit.unitCode());
        assertTrue(unit.mustChangePassword());
        assertEquals("第二督查组", accounts.loadUserByUsername("第二督查组").group());
        assertEquals(Role.OFFICE, accounts.loadUserByUsername("office").role());
        for (Map.Entry<String, String> account : initial.entrySet()) {
            String hash = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = ?", String.class, account.getKey());
            assertTrue(hash.startsWith("{bcrypt}"), hash);
            assertFalse(hash.contains(account.getValue()), hash);
            assertTrue(encoder.matches(account.getValue(), hash));
        }
    }

    @Test
    void initialPasswordsAreTwelveUnambiguousCharactersWithLettersAndDigits() {
        for (String password : initial.values()) {
            assertTrue(password.matches("[A-HJ-NP-Za-hjkmnp-z2-9]{12}") && password.matches(".*\\d.*")
                    && password.matches(".*[A-Za-z].*"), password);
        }
        assertEquals(initial.size(), initial.values().stream().distinct().count());
    }

    @Test
    void creatingAgainAddsOnlyANewUnitAndLeavesTheOthersAsTheyAre() {
        Map<String, String> hashes = hashes();
        Ledger ledger = ledgers.load();
        List<Unit> units = new ArrayList<>(ledger.units());
        units.add(new Unit("U06", "区审计局", "第三督查组", "", ""));
        Ledger grown = new Ledger(ledger.info(), ledger.groups(), units, ledger.categories(), ledger.feedbackPoints(),
                ledger.problems(), ledger.tasks());

        List<IssuedPassword> created = accounts.createMissing(grown);

        assertEquals(List.of("U06"), created.stream().map(IssuedPassword::username).toList());
        assertEquals("区审计局", created.get(0).holder());
        assertTrue(accounts.createMissing(grown).isEmpty());
        Map<String, String> after = hashes();
        after.remove("U06");
        assertEquals(hashes, after);
    }

    @Test
    void aNewPasswordMustBeLongLettersAndDigitsNotTheNameNorTheInitialOne() {
        String current = initial.get("U03");
        assertEquals("当前密码不正确。", rejected("U03", "wrong-password1", "Abcdefgh2345"));
        assertEquals("新密码至少需要10个字符。", rejected("U03", current, "Abc123"));
        assertEquals("新密码须同时包含字母和数字。", rejected("U03", current, "abcdefghijkl"));
        assertEquals("新密码须同时包含字母和数字。", rejected("U03", current, "123456789012"));
        assertEquals("新密码不能与账号相同，也不能包含账号。", rejected("U03", current, "u03u03u03u03x"));
        assertEquals("新密码不能与初始密码相同。", rejected("U03", current, current));
        assertTrue(accounts.loadUserByUsername("U03").mustChangePassword());

        accounts.changePassword("U03", current, "kejiwei2024A");

        assertFalse(accounts.loadUserByUsername("U03").mustChangePassword());
        assertEquals("U03", login("U03", "kejiwei2024A").getName());
        assertThrows(BadCredentialsException.class, () -> login("U03", current));
    }

    @Test
    void fiveFailuresInARowLockTheAccountUntilTheLockRunsOut() {
        String password = initial.get("U02");
        for (int i = 0; i < 5; i++) {
            assertThrows(BadCredentialsException.class, () -> login("U02", "wrong"));
        }
        assertThrows(LockedException.class, () -> login("U02", password));
        assertFalse(accounts.loadUserByUsername("U02").isAccountNonLocked());

        clock.advance(Duration.ofMinutes(16));

        assertTrue(accounts.loadUserByUsername("U02").isAccountNonLocked());
        assertEquals("U02", login("U02", password).getName());
        List<AuditEvent> logins = audit.find(new AuditFilter(null, null, "U02", AuditAction.LOGIN, null), 10);
        assertEquals(List.of(AuditOutcome.SUCCESS, AuditOutcome.REFUSED, AuditOutcome.FAILURE, AuditOutcome.FAILURE),
                logins.stream().limit(4).map(AuditEvent::outcome).toList());
        assertTrue(logins.get(2).detail().startsWith("密码错误，连续5次，账号锁定至 "), logins.get(2).detail());
        assertEquals("密码错误（连续第4次）", logins.get(3).detail());
        assertTrue(logins.get(1).detail().startsWith("账号已锁定，"), logins.get(1).detail());
    }

    @Test
    void aSuccessfulLoginForgetsTheFailuresBeforeIt() {
        String password = initial.get("U05");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThrows(BadCredentialsException.class, () -> login("U05", "wrong"));
            }
            login("U05", password);
        }
        assertTrue(accounts.loadUserByUsername("U05").isAccountNonLocked());
    }

    @Test
    void everyLoginIsAuditedWithTheAddressItCameFrom() {
        login("office", initial.get("office"));
        assertThrows(BadCredentialsException.class, () -> login("nobody", "whatever1234"));

        AuditEvent success = audit.find(new AuditFilter(null, null, "office", AuditAction.LOGIN, null), 1).get(0);
        assertEquals(AuditOutcome.SUCCESS, success.outcome());
        assertEquals("10.20.30.40", success.remoteAddress());
        assertEquals("初始密码登录，须先修改密码", success.detail());
        AuditEvent unknown = audit.find(new AuditFilter(null, null, "nobody", null, null), 1).get(0);
        assertEquals(AuditOutcome.FAILURE, unknown.outcome());
        assertEquals("账号不存在", unknown.detail());
    }

    @Test
    void resetGivesANewInitialPasswordAndUnlocks() {
        for (int i = 0; i < 5; i++) {
            assertThrows(BadCredentialsException.class, () -> login("U04", "wrong"));
        }
        String fresh = accounts.reset("U04");

        PortalUser reset = accounts.loadUserByUsername("U04");
        assertTrue(reset.mustChangePassword());
        assertTrue(reset.isAccountNonLocked());
        assertTrue(encoder.matches(fresh, reset.passwordHash()));
        assertFalse(encoder.matches(initial.get("U04"), reset.passwordHash()));
        assertEquals("U04", login("U04", fresh).getName());
    }

    @Test
    void unlockLiftsALockAtOnce() {
        for (int i = 0; i < 5; i++) {
            assertThrows(BadCredentialsException.class, () -> login("第三督查组", "wrong"));
        }
        assertFalse(accounts.loadUserByUsername("第三督查组").isAccountNonLocked());

        accounts.unlock("第三督查组");

        assertEquals("第三督查组", login("第三督查组", initial.get("第三督查组")).getName());
    }

    private Authentication login(String username, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails("10.20.30.40", null));
        return manager.authenticate(token);
    }

    private String rejected(String username, String current, String next) {
        return assertThrows(PasswordRejected.class, () -> accounts.changePassword(username, current, next)).getMessage();
    }

    private Map<String, String> hashes() {
        Map<String, String> hashes = new HashMap<>();
        jdbc.query("SELECT username, password_hash FROM account", rs -> {
            hashes.put(rs.getString(1), rs.getString(2));
        });
        return hashes;
    }
}
