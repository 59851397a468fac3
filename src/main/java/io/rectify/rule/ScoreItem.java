package io.rectify.rule;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An item of the monthly score (考核): what a unit loses points for, each occurrence in a period
 * costing the item's points (the ledger's sheet 考核规则, else {@link #defaultPoints()}). The items
 * count the unit's stored exceptions of the period: each item its {@link #rules()}, {@link #ENTRY_ERROR}
 * every other error of the unit. The constant order is the order of the 考核 sheet's columns.
 */
public enum ScoreItem {
    MISSING_RETURN("missing-return", Rule.MISSING_RETURN.title(), 10, Set.of(Rule.MISSING_RETURN)),
    /** Counted once per period: the unit's used return is late or it is not. */
    LATE_SUBMISSION("late-submission", Rule.LATE_SUBMISSION.title(), 2, Set.of(Rule.LATE_SUBMISSION)),
    ENTRY_ERROR("entry-error", "填报错误", 1, Set.of()),
    OVERDUE("overdue", Rule.OVERDUE.title(), 3, Set.of(Rule.OVERDUE)),
    REGRESSION("regression", Rule.REGRESSION.title(), 5, Set.of(Rule.REGRESSION)),
    SIGNOFF_RETURNED("signoff-returned", Rule.SIGNOFF_RETURNED.title(), 3,
            Set.of(Rule.SIGNOFF_RETURNED, Rule.RECHECK_FAILED));

    /** A unit's score before deductions; deductions never take it below zero. */
    public static final BigDecimal FULL_SCORE = BigDecimal.valueOf(100);

    private final String code;
    private final String label;
    private final BigDecimal defaultPoints;
    private final Set<Rule> rules;

    ScoreItem(String code, String label, int defaultPoints, Set<Rule> rules) {
        this.code = code;
        this.label = label;
        this.defaultPoints = BigDecimal.valueOf(defaultPoints);
        this.rules = rules;
    }

    public String code() {
        return code;
    }

    /** The item's Chinese name, as the 考核规则 sheet and the 考核 sheet write it. */
    public String label() {
        return label;
    }

    public BigDecimal defaultPoints() {
        return defaultPoints;
    }

    /** The occurrences of the item in a period with {@code exceptions} of its rules: a late return counts once. */
    public int occurrences(int exceptions) {
        return this == LATE_SUBMISSION ? Math.min(1, exceptions) : exceptions;
    }

    /** The rules whose exceptions this item counts; empty for {@link #ENTRY_ERROR}. */
    public Set<Rule> rules() {
        return rules;
    }

    /** The item an exception of {@code rule} counts for; empty for a rule that costs no points (warnings, info). */
    public static Optional<ScoreItem> of(Rule rule) {
        Optional<ScoreItem> item = Arrays.stream(values()).filter(i -> i.rules.contains(rule)).findFirst();
        return item.isPresent() || rule.severity() != Severity.ERROR ? item : Optional.of(ENTRY_ERROR);
    }

    /** The item named by its label or its code (white space already removed), in any letter case. */
    public static Optional<ScoreItem> named(String name) {
        return Arrays.stream(values()).filter(i -> i.label.equals(name) || i.code.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
