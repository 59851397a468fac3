package io.rectify.ops;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The commands of docs/COMMANDS.md, the options each one accepts besides the common
 * ones, the flags it takes (options without a value; a name that is both may be given either way)
 * and its positional argument, if any ({@code check} takes one or more files).
 */
public enum Command {

    IMPORT_LEDGER("import-ledger", "validate and load the master ledger in <input>/master/", List.of()),
    TEMPLATES("templates", "write each unit's prefilled return to <output>/templates/<period>/", List.of("period")),
    NIGHTLY("nightly", "import the ledger if it changed, ingest the period's returns, reconcile, "
            + "consolidate and write the outputs to <output>/<period>/", List.of("period", "as-of", "rejudge"),
            List.of("rejudge"), null),
    SAMPLE("sample", "(developers) regenerate the shipped sample ledger and returns into <input>/", List.of()),
    SERVE("serve", "keep running and run the jobs of <jobs>/ on their schedules (catching up a missed run)",
            List.of("jobs"), List.of(), null),
    STATUS("status", "list the recent job executions and what to do about a failed one",
            List.of("jobs", "limit"), List.of("json"), null),
    RESTART("restart", "continue a failed, stopped or interrupted execution where it stopped",
            List.of(), List.of(), "execution-id"),
    ABANDON("abandon", "mark a failed, stopped or interrupted execution as never to be restarted",
            List.of(), List.of(), "execution-id"),
    BACKUP("backup", "write one .zip holding a consistent copy of the database and the archive in <data>/", List.of("to")),
    RESTORE("restore", "put a backup's database and archive into <data>/ (the ones there are moved aside)", List.of("from")),
    CHECK("check", "check returns now against the current ledger, as the nightly would; receipts go to "
            + "<output>/check/, nothing is stored", List.of("period"), List.of(), "file..."),
    ACCOUNTS("accounts", "create the portal's missing accounts (each unit, each supervision group, the office) and "
            + "write their initial passwords once to <output>/accounts/; --reset=NAME gives one account a new one",
            List.of("reset"));

    static final List<String> COMMON_OPTIONS = List.of("input", "output", "data");

    private final String word;
    private final String description;
    private final List<String> options;
    private final List<String> flags;
    private final String argument;

    Command(String word, String description, List<String> options) {
        this(word, description, options, List.of(), null);
    }

    Command(String word, String description, List<String> options, List<String> flags, String argument) {
        this.word = word;
        this.description = description;
        this.options = options;
        this.flags = flags;
        this.argument = argument;
    }

    public String word() {
        return word;
    }

    String description() {
        return description;
    }

    public boolean accepts(String option) {
        return COMMON_OPTIONS.contains(option) || options.contains(option);
    }

    boolean takesFlag(String flag) {
        return flags.contains(flag);
    }

    /** The name of the positional argument, as usage shows it; empty when the command takes none. */
    Optional<String> argument() {
        return Optional.ofNullable(argument);
    }

    /** Whether the positional argument may be given more than once (check's files). */
    boolean repeatsArgument() {
        return this == CHECK;
    }

    /** The Spring Batch job a command launches; empty for the commands that launch none. */
    public Optional<String> jobName() {
        return switch (this) {
            case IMPORT_LEDGER -> Optional.of("importLedgerJob");
            case TEMPLATES -> Optional.of("templatesJob");
            case NIGHTLY -> Optional.of("nightlyJob");
            default -> Optional.empty();
        };
    }

    /**
     * Whether the command writes to the data folder or the outputs, and so takes the data folder's
     * {@link DataLock} for its whole run. serve takes it for each run instead (it stays up between
     * them); status, abandon and check never write outputs and work beside a running job.
     */
    public boolean locksData() {
        return switch (this) {
            case IMPORT_LEDGER, TEMPLATES, NIGHTLY, RESTART, BACKUP, RESTORE, ACCOUNTS -> true;
            case SAMPLE, SERVE, STATUS, ABANDON, CHECK -> false;
        };
    }

    /**
     * Whether the command writes to the database, and so, when the database is a server that other
     * machines share, takes its {@link ServerLock} for its whole run as well. serve takes it for each
     * run; backup and restore of a server database cover the data folder's archive only.
     */
    public boolean locksDatabase() {
        return switch (this) {
            case IMPORT_LEDGER, TEMPLATES, NIGHTLY, RESTART, ACCOUNTS -> true;
            case SAMPLE, SERVE, STATUS, ABANDON, CHECK, BACKUP, RESTORE -> false;
        };
    }

    /** The command that launches a job, by the job's name. */
    public static Optional<Command> ofJob(String jobName) {
        return Arrays.stream(values()).filter(c -> c.jobName().filter(jobName::equals).isPresent()).findFirst();
    }

    public static Optional<Command> of(String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
    }
}
