package io.rectify.account;

import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditEvent;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditOutcome;
import io.rectify.ledger.LedgerImport;
import io.rectify.ledger.LedgerImporter;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ops.CommandLine;
import io.rectify.ops.FailureCause;
import io.rectify.ops.RectifyProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code accounts [--reset=NAME]} command. Without --reset: imports the ledger when it changed
 * (as templates and nightly do), creates the accounts it calls for that do not exist yet and writes
 * their initial passwords to a new file in {@code <output>/accounts/}. With --reset: gives that one
 * account a new initial password, written the same way. The accounts and the file go together:
 * when the file cannot be written, no account is created or reset.
 */
@Component
public class AccountsCommand {

    /** Who the audit log names for what the command line did. */
    static final String COMMAND_LINE = "命令行";

    private final Accounts accounts;
    private final LedgerImporter importer;
    private final LedgerRepository ledgers;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Path masterFolder;

    AccountsCommand(Accounts accounts, LedgerImporter importer, LedgerRepository ledgers, AuditLog audit,
                    TransactionTemplate transaction, RectifyProperties properties) {
        this.accounts = accounts;
        this.importer = importer;
        this.ledgers = ledgers;
        this.audit = audit;
        this.transaction = transaction;
        this.masterFolder = properties.masterFolder();
    }

    /** Runs the command; what it did goes to {@code out}, why it failed to {@code err}. */
    public int run(Path output, Optional<String> reset, PrintStream out, PrintStream err) {
        try {
            return reset.isPresent() ? reset(output, reset.get(), out, err) : create(output, out, err);
        } catch (IOException | UncheckedIOException e) {
            err.println("rectify: accounts failed, no account was created or reset: "
                    + FailureCause.of(e).orElse(e.getMessage()));
            return CommandLine.EXIT_FAILED;
        }
    }

    private int create(Path output, PrintStream out, PrintStream err) throws IOException {
        LedgerImport ledger = importer.refresh(masterFolder);
        if (ledger.rejected()) {
            err.println(ledger.summary());
            err.println("rectify: 台账有错误，未创建账号：请修正台账后再运行 accounts（import-ledger 会写出校验报告）。");
            return CommandLine.EXIT_FAILED;
        }
        if (ledger.changed()) {
            out.println(ledger.summary());
        }
        Instant now = Instant.now();
        Written written = inTransaction(() -> {
            List<IssuedPassword> created = accounts.createMissing(ledgers.load());
            return new Written(created, created.isEmpty() ? null : PasswordSheet.write(output, created, now));
        });
        if (written.passwords().isEmpty()) {
            out.println("账号均已存在（" + accounts.list().size() + "个），没有新建账号，未写出文件。"
                    + "要给某个账号新的初始密码，请用 accounts --reset=账号。");
            return CommandLine.EXIT_OK;
        }
        String names = written.passwords().stream().map(IssuedPassword::username).collect(Collectors.joining("、"));
        audit.record(new AuditEvent(now, commandLineUser(), "local", AuditAction.ACCOUNTS_CREATE,
                written.file().getFileName().toString(), AuditOutcome.SUCCESS,
                "新建" + written.passwords().size() + "个账号：" + names));
        out.println("已新建 " + written.passwords().size() + " 个账号（" + byRole(written.passwords()) + "）。");
        handOut(written.file(), out);
        return CommandLine.EXIT_OK;
    }

    private int reset(Path output, String username, PrintStream out, PrintStream err) throws IOException {
        Optional<PortalUser> account = accounts.find(username);
        if (account.isEmpty()) {
            err.println("rectify: 没有名为“" + username + "”的账号（账号是单位代码、督查组名称或 office）；"
                    + "新单位的账号由不带 --reset 的 accounts 创建。");
            return CommandLine.EXIT_FAILED;
        }
        PortalUser user = account.get();
        Instant now = Instant.now();
        Written written = inTransaction(() -> {
            IssuedPassword issued = new IssuedPassword(user.username(), accounts.reset(user.username()), user.role(),
                    accounts.holder(user));
            return new Written(List.of(issued), PasswordSheet.write(output, List.of(issued), now));
        });
        audit.record(new AuditEvent(now, commandLineUser(), "local", AuditAction.ACCOUNT_RESET, user.username(),
                AuditOutcome.SUCCESS, "新的初始密码写入 " + written.file().getFileName()));
        out.println("已重置账号 " + user.username() + "（" + accounts.holder(user) + "）的密码，并解除锁定。");
        handOut(written.file(), out);
        return CommandLine.EXIT_OK;
    }

    private static void handOut(Path file, PrintStream out) {
        out.println("初始密码已写入 " + file);
        out.println("请逐一交给账号使用人（首次登录须修改密码），分发完毕后销毁该文件。");
    }

    private static String byRole(List<IssuedPassword> passwords) {
        Map<Role, Long> counts = new TreeMap<>(passwords.stream()
                .collect(Collectors.groupingBy(IssuedPassword::role, Collectors.counting())));
        return counts.entrySet().stream().map(e -> e.getKey().word() + " " + e.getValue() + " 个")
                .collect(Collectors.joining("，"));
    }

    /** The accounts and their file in one transaction: a file that cannot be written undoes the accounts. */
    private Written inTransaction(PasswordsAndFile work) throws IOException {
        try {
            return transaction.execute(status -> {
                try {
                    return work.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String commandLineUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? COMMAND_LINE : COMMAND_LINE + "（" + user + "）";
    }

    @FunctionalInterface
    private interface PasswordsAndFile {
        Written run() throws IOException;
    }

    private record Written(List<IssuedPassword> passwords, Path file) {
    }
}
