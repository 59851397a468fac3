package io.rectify.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rectify.PrintedSize;
import io.rectify.TempFolderContext;
import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditFilter;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import io.rectify.ledger.LedgerLayout;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.ops.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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
 * Accounts on a real H2 file database, created by the accounts command from the small standard
 * ledger and signed in to through Spring Security's own provider and event publisher, as the
 * portal's login form does.
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
    JdbcTemplate jdbc;
    @Autowired
    AccountsCommand command;

    /** The initial passwords of the standard ledger's accounts, as the first run of accounts wrote them. */
    private static Map<String, String> initial;
    /** The bytes of that first 账号.xlsx. */
    private static byte[] firstFile;

    @BeforeEach
    void accountsOfTheStandardLedger() throws IOException {
        if (initial == null) {
            LedgerWorkbookFixture.standard().writeToMaster(root.resolve("input"));
            Run run = accounts();
            assertEquals(CommandLine.EXIT_OK, run.exit(), run.err());
            assertTrue(run.out().contains("已新建 9 个账号（单位 5 个，督查组 3 个，整改办 1 个）。"), run.out());
            assertTrue(run.out().contains("初始密码已写入 " + firstFile()), run.out());
            initial = new HashMap<>();
            sheetRows(firstFile()).forEach(row -> initial.put(row.get(0), row.get(1)));
            firstFile = Files.readAllBytes(firstFile());
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
    void theFirstRunWritesEveryInitialPasswordToAnOwnerOnlySheetPrintedOnA4() throws Exception {
        try (Workbook workbook = WorkbookFactory.create(firstFile().toFile(), null, true)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("门户账号初始密码（9个账号）", text(sheet, 0, 0));
            assertTrue(text(sheet, 1, 0).contains("首次登录须修改密码") && text(sheet, 1, 0).contains("分发完毕后请销毁本文件"),
                    text(sheet, 1, 0));
            assertEquals(List.of("账号", "初始密码", "角色", "单位或督查组"), row(sheet, 2));
            assertEquals(List.of("整改办|office|整改办", "督查组|第一督查组|第一督查组", "单位|U01|区发展改革委"),
                    sheetRows(firstFile()).stream().filter(r -> List.of("office", "第一督查组", "U01").contains(r.get(0)))
                            .map(r -> r.get(2) + "|" + r.get(0) + "|" + r.get(3)).toList());
            assertEquals(PrintSetup.A4_PAPERSIZE, sheet.getPrintSetup().getPaperSize());
            assertEquals(2, sheet.getRepeatingRows().getFirstRow());
            assertTrue(PrintedSize.smallestFontPoints(sheet) >= 9, "printed at " + PrintedSize.smallestFontPoints(sheet));
        }
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(firstFile()));
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(firstFile().getParent()));
        AuditEvent created = audit.find(new AuditFilter(null, null, null, AuditAction.ACCOUNTS_CREATE, null), 10).stream()
                .filter(e -> "账号.xlsx".equals(e.target())).findFirst().orElseThrow();
        assertTrue(created.username().startsWith("命令行"), created.username());
        assertEquals("local", created.remoteAddress());
        assertEquals("新建9个账号：office、第一督查组、第二督查组、第三督查组、U01、U02、U03、U04、U05", created.detail());
    }

    @Test
    void aRunWithNothingNewSaysSoAndWritesNothing() throws IOException {
        List<Path> before = files();

        Run run = accounts();

        assertEquals(CommandLine.EXIT_OK, run.exit(), run.err());
        assertTrue(run.out().contains("没有新建账号，未写出文件"), run.out());
        assertEquals(before, files());
    }

    @Test
    void aUnitAddedToTheLedgerGetsItsAccountInANewFileAndTheOthersAreLeftAlone() throws IOException {
        Map<String, String> hashes = hashes();
        LedgerWorkbookFixture grown = LedgerWorkbookFixture.standard();
        grown.units().add("U06", "区审计局", "第三督查组", "", "");
        grown.tasks().set(3, LedgerLayout.COOPERATORS, "U06");
        grown.writeToMaster(root.resolve("input"));
        List<Path> before = files();
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        Run run = accounts();

        assertEquals(CommandLine.EXIT_OK, run.exit(), run.err());
        Map<String, Instant> created = accounts.createdAt();
        assertFalse(created.get("U06").isBefore(start), created.toString());
        assertTrue(created.get("U01").isBefore(created.get("U06")), created.toString());
        List<Path> added = files();
        added.removeAll(before);
        assertEquals(1, added.size(), added.toString());
        assertTrue(added.get(0).getFileName().toString().matches("账号-\\d{8}-\\d{6}(-\\d+)?\\.xlsx"), added.toString());
        assertEquals(List.of("U06|单位|区审计局"), sheetRows(added.get(0)).stream()
                .map(r -> r.get(0) + "|" + r.get(2) + "|" + r.get(3)).toList());
        assertArrayEquals(firstFile, Files.readAllBytes(firstFile()));
        Map<String, String> after = hashes();
        assertTrue(encoder.matches(sheetRows(added.get(0)).get(0).get(1), after.remove("U06")));
        assertEquals(hashes, after);
    }

    @Test
    void aNewPasswordMustBeLongLettersAndDigitsNotTheNameNorTheInitialOne() {
        String current = initial.get("U03");
        assertEquals("当前密码不正确。", rejected("U03", "wrong-password1", "Abcdefgh2345"));
        assertEquals("新密码至少需要10个字符。", rejected("U03", current, "Abc123"));
        assertEquals("新密码太长：最多72个英文字母、数字或符号（一个汉字按3个计）。",
                rejected("U03", current, "巡视整改".repeat(6) + "2024"));
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
        for (String name : List.of("U02", "u02", " U02", "U02 ", "u02")) {
            assertThrows(BadCredentialsException.class, () -> login(name, "wrong"));
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
    void resetGivesOneAccountANewInitialPasswordInANewFileAndUnlocksIt() throws IOException {
        for (int i = 0; i < 5; i++) {
            assertThrows(BadCredentialsException.class, () -> login("U04", "wrong"));
        }
        List<Path> before = files();

        Run run = accounts("--reset=u04");

        assertEquals(CommandLine.EXIT_OK, run.exit(), run.err());
        assertTrue(run.out().contains("已重置账号 U04（区教育局）的密码，并解除锁定。"), run.out());
        List<Path> added = files();
        added.removeAll(before);
        List<List<String>> rows = sheetRows(added.get(0));
        assertEquals(List.of("U04", "单位", "区教育局"), List.of(rows.get(0).get(0), rows.get(0).get(2), rows.get(0).get(3)));
        String fresh = rows.get(0).get(1);
        PortalUser reset = accounts.loadUserByUsername("U04");
        assertTrue(reset.mustChangePassword());
        assertTrue(reset.isAccountNonLocked());
        assertFalse(encoder.matches(initial.get("U04"), reset.passwordHash()));
        assertEquals("U04", login("U04", fresh).getName());
        assertArrayEquals(firstFile, Files.readAllBytes(firstFile()));
        AuditEvent audited = audit.find(new AuditFilter(null, null, null, AuditAction.ACCOUNT_RESET, null), 1).get(0);
        assertEquals("U04", audited.target());
    }

    @Test
    void whenThePasswordsCannotBeWrittenTheAccountKeepsItsPasswordAndTheCauseIsNamed() throws IOException {
        Path blocked = Files.createDirectories(root.resolve("blocked"));
        Files.writeString(blocked.resolve("accounts"), "a file where the folder must go");
        String hash = hashes().get("U01");

        Run run = accounts("--reset=U01", "--output=" + blocked);

        assertEquals(CommandLine.EXIT_FAILED, run.exit());
        assertTrue(run.err().contains("no account was created or reset: 该位置已有同名文件：" + blocked.resolve("accounts")), run.err());
        assertEquals(hash, hashes().get("U01"));
    }

    @Test
    void resetOfAnAccountThatDoesNotExistSaysWhatAccountsAre() {
        Run run = accounts("--reset=U99");

        assertEquals(CommandLine.EXIT_FAILED, run.exit());
        assertTrue(run.err().contains("没有名为“U99”的账号（账号是单位代码、督查组名称或 office）"), run.err());
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

    private record Run(int exit, String out, String err) {
    }

    private Run accounts(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("accounts", "--input=" + root.resolve("input"),
                "--data=" + root.resolve("data")));
        args.addAll(List.of(options));
        if (args.stream().noneMatch(a -> a.startsWith("--output="))) {
            args.add("--output=" + root.resolve("output"));
        }
        CommandLine line = CommandLine.parse(args.toArray(String[]::new));
        int exit = command.run(line.output(), line.reset(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path firstFile() {
        return root.resolve("output/accounts/账号.xlsx");
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(firstFile().getParent())) {
            return new ArrayList<>(files.sorted().toList());
        }
    }

    /** The rows under the header of an 账号.xlsx: 账号, 初始密码, 角色, 单位或督查组. */
    private static List<List<String>> sheetRows(Path file) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                rows.add(row(sheet, r));
            }
            return rows;
        }
    }

    private static List<String> row(Sheet sheet, int r) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            cells.add(text(sheet, r, c));
        }
        return cells;
    }

    private static String text(Sheet sheet, int r, int c) {
        return new DataFormatter().formatCellValue(sheet.getRow(r).getCell(c));
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
