package io.rectify.consolidate;

import io.rectify.rule.Rule;
import java.util.Map;

/**
 * The period's exceptions by severity, and by rule for the rules present (in {@link Rule} order).
 */
public record ExceptionCount(int error, int warning, int info, Map<Rule, Integer> byRule) {

    public int total() {
        return error + warning + info;
    }
}
