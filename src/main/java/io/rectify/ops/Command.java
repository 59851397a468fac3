package io.rectify.ops;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The commands of SPEC §6 and the options each one accepts besides the common ones. */
public enum Command {

    IMPORT_LEDGER("import-ledger", "validate and load the master ledger in <input>/master/", List.of()),
    TEMPLATES("templates", "write each unit's prefilled return to <output>/templates/<period>/", List.of("period")),
    NIGHTLY("nightly", "import the ledger if it changed, ingest the period's returns, reconcile, "
            + "consolidate and write the outputs to <output>/<period>/", List.of("period", "as-of")),
    SAMPLE("sample", "(developers) regenerate the shipped sample ledger and returns into <input>/", List.of()),
    BACKUP("backup", "write one .zip holding a consistent copy of the database and the archive in <data>/", List.of("to")),
    RESTORE("restore", "put a backup's database and archive into <data>/ (the ones there are moved aside)", List.of("from"));

    static final List<String> COMMON_OPTIONS = List.of("input", "output", "data");

    private final String word;
    private final String description;
    private final List<String> options;

    Command(String word, String description, List<String> options) {
        this.word = word;
        this.description = description;
        this.options = options;
    }

    public String word() {
        return word;
    }

    String description() {
        return description;
    }

    boolean accepts(String option) {
        return COMMON_OPTIONS.contains(option) || options.contains(option);
    }

    static Optional<Command> of(String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
    }
}
