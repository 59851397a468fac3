package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void foldersDefaultToInputOutputAndDataInTheWorkingDirectory() {
        CommandLine line = CommandLine.parse("import-ledger");

        assertThat(line.command()).isEqualTo(Command.IMPORT_LEDGER);
        assertThat(line.input()).isEqualTo(Path.of("input").toAbsolutePath());
        assertThat(line.output()).isEqualTo(Path.of("output").toAbsolutePath());
        assertThat(line.data()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(line.period()).isEmpty();
    }

    @Test
    void nightlyTakesPeriodAsOfAndFolders() {
        CommandLine line = CommandLine.parse("nightly", "--period=2024-03", "--as-of=2024-03-20",
                "--input=/srv/in", "--output=/srv/out", "--data=/srv/data");

        assertThat(line.period()).contains(YearMonth.of(2024, 3));
        assertThat(line.asOf()).contains(LocalDate.of(2024, 3, 20));
        assertThat(line.input()).isEqualTo(Path.of("/srv/in"));
        assertThat(line.springProperties()).containsEntry("rectify.data", "/srv/data");
    }

    @Test
    void nightlyRejudgesEveryEarlierPeriodOrThoseFromAPeriodOnlyWhenAsked() {
        assertThat(CommandLine.parse("nightly").rejudge()).isEmpty();
        assertThat(CommandLine.parse("nightly", "--rejudge").rejudge()).contains(CommandLine.REJUDGE_EVERY_PERIOD);
        assertThat(CommandLine.parse("nightly", "--rejudge=2024-02").rejudge()).contains("2024-02");
        assertThatThrownBy(() -> CommandLine.parse("nightly", "--rejudge=2024年2月"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--rejudge").hasMessageContaining("2024年2月");
        assertThatThrownBy(() -> CommandLine.parse("nightly", "--rejudge", "--rejudge=2024-02")).hasMessageContaining("twice");
        assertThatThrownBy(() -> CommandLine.parse("templates", "--period=2024-03", "--rejudge"))
                .hasMessageContaining("--rejudge");
        assertThat(CommandLine.usage()).contains("--rejudge[=YYYY-MM]");
    }

    @Test
    void templatesWithoutPeriodIsAUsageError() {
        assertThatThrownBy(() -> CommandLine.parse("templates"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--period=YYYY-MM");
    }

    @Test
    void malformedPeriodAndDateAreUsageErrors() {
        assertThatThrownBy(() -> CommandLine.parse("nightly", "--period=2024-13"))
                .isInstanceOf(UsageException.class).hasMessageContaining("2024-13");
        assertThatThrownBy(() -> CommandLine.parse("nightly", "--period=2024/03"))
                .isInstanceOf(UsageException.class).hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> CommandLine.parse("nightly", "--as-of=2024-02-30"))
                .isInstanceOf(UsageException.class).hasMessageContaining("2024-02-30");
    }

    @Test
    void optionsACommandDoesNotTakeAreRefused() {
        assertThatThrownBy(() -> CommandLine.parse("import-ledger", "--period=2024-03"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--period");
        assertThatThrownBy(() -> CommandLine.parse("nightly", "--bogus=1"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--bogus");
    }

    @Test
    void unknownCommandsStrayArgumentsAndEmptyValuesAreRefused() {
        assertThatThrownBy(() -> CommandLine.parse()).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CommandLine.parse("import")).hasMessageContaining("unknown command 'import'");
        assertThatThrownBy(() -> CommandLine.parse("nightly", "2024-03")).hasMessageContaining("2024-03");
        assertThatThrownBy(() -> CommandLine.parse("nightly", "--period")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CommandLine.parse("nightly", "--period=2024-03", "--period=2024-04"))
                .hasMessageContaining("twice");
    }

    @Test
    void backupWritesToTheGivenFileOrADatedOneUnderBackups() {
        assertThat(CommandLine.parse("backup", "--to=/srv/keep/r.zip").backupFile()).contains(Path.of("/srv/keep/r.zip"));
        assertThat(CommandLine.parse("backup").backupFile().orElseThrow().toString())
                .startsWith(Path.of("backups").toAbsolutePath() + "/rectify-").endsWith(".zip");
        assertThatThrownBy(() -> CommandLine.parse("backup", "--from=x.zip")).hasMessageContaining("--from");
    }

    @Test
    void accountsResetsTheNamedAccountOnlyWhenAsked() {
        assertThat(CommandLine.parse("accounts").reset()).isEmpty();
        assertThat(CommandLine.parse("accounts", "--reset=U03").reset()).contains("U03");
        assertThat(Command.ACCOUNTS.locksData()).isTrue();
        assertThatThrownBy(() -> CommandLine.parse("accounts", "--reset")).hasMessageContaining("needs a value");
    }

    @Test
    void restoreNeedsTheBackupToRestore() {
        assertThat(CommandLine.parse("restore", "--from=r.zip").backupFile()).contains(Path.of("r.zip").toAbsolutePath());
        assertThatThrownBy(() -> CommandLine.parse("restore")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--from=FILE");
    }

    @Test
    void restartAndAbandonTakeTheExecutionIdAsTheirArgument() {
        assertThat(CommandLine.parse("restart", "12").execution()).hasValue(12);
        assertThat(CommandLine.parse("abandon", "--data=/srv/data", "7").execution()).hasValue(7);
        assertThat(CommandLine.parse("nightly").execution()).isEmpty();

        assertThatThrownBy(() -> CommandLine.parse("restart")).hasMessageContaining("needs the number of an execution");
        assertThatThrownBy(() -> CommandLine.parse("restart", "twelve")).hasMessageContaining("got 'twelve'");
        assertThatThrownBy(() -> CommandLine.parse("restart", "0")).hasMessageContaining("got '0'");
        assertThatThrownBy(() -> CommandLine.parse("abandon", "3", "4")).hasMessageContaining("unexpected argument '4'");
        assertThatThrownBy(() -> CommandLine.parse("status", "3")).hasMessageContaining("unexpected argument '3'");
    }

    @Test
    void checkTakesOneOrMoreFilesAndAPeriodAndNeedsNoLock() {
        CommandLine check = CommandLine.parse("check", "U01.xlsx", "--period=2024-03", "回执/U02 区财政局.xls");
        assertThat(check.files()).containsExactly(Path.of("U01.xlsx"), Path.of("回执/U02 区财政局.xls"));
        assertThat(check.period()).hasValue(YearMonth.of(2024, 3));
        assertThat(check.command().locksData()).isFalse();

        assertThatThrownBy(() -> CommandLine.parse("check", "--period=2024-03"))
                .hasMessageContaining("'check' needs the returns to check");
        assertThatThrownBy(() -> CommandLine.parse("check", "a.xlsx", "--as-of=2024-03-31")).hasMessageContaining("--as-of");
    }

    @Test
    void statusTakesTheJsonFlagALimitAndTheJobsFolder() {
        CommandLine table = CommandLine.parse("status");
        assertThat(table.json()).isFalse();
        assertThat(table.limit()).isEqualTo(20);
        assertThat(table.jobs()).isEqualTo(Path.of("jobs").toAbsolutePath());

        CommandLine json = CommandLine.parse("status", "--json", "--limit=5", "--jobs=/etc/rectify/jobs");
        assertThat(json.json()).isTrue();
        assertThat(json.limit()).isEqualTo(5);
        assertThat(json.jobs()).isEqualTo(Path.of("/etc/rectify/jobs"));

        assertThatThrownBy(() -> CommandLine.parse("status", "--json=yes")).hasMessageContaining("--json takes no value");
        assertThatThrownBy(() -> CommandLine.parse("nightly", "--json")).hasMessageContaining("has no option --json");
        assertThatThrownBy(() -> CommandLine.parse("status", "--limit=-1")).hasMessageContaining("--limit");
        assertThatThrownBy(() -> CommandLine.parse("serve", "--period=2024-03")).hasMessageContaining("--period");
    }

    @Test
    void helpIsRecognisedAloneAndAfterACommand() {
        assertThat(CommandLine.parse("--help").help()).isTrue();
        assertThat(CommandLine.parse("templates", "--help").help()).isTrue();
        assertThat(CommandLine.usage()).contains("import-ledger", "templates", "nightly", "--as-of", "serve", "status",
                "restart <execution-id>", "abandon <execution-id>", "--json", "--jobs=DIR");
    }
}
