package io.rectify.rule;

import java.util.Locale;

/** What became of a file of a period folder; {@link #word()} is what return_file.outcome stores. */
public enum FileOutcome {
    ACCEPTED, SUPERSEDED, DUPLICATE, REJECTED, SKIPPED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome a stored word stands for. */
    public static FileOutcome of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
