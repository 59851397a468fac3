package io.rectify.portal.group;

import io.rectify.consolidate.UnitFigures;
import io.rectify.rule.Rule;

/** Where a unit's return of the period stands after the nightly run, as the supervisor's pages say it. */
enum Reporting {
    ACCEPTED("已报送"),
    LATE(Rule.LATE_SUBMISSION.title()),
    REJECTED("报送未采纳"),
    MISSING(Rule.MISSING_RETURN.title()),
    NOT_EXPECTED("无需报送");

    private final String word;

    Reporting(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The unit owes a return and has none accepted: the group chases it. */
    public boolean outstanding() {
        return this == REJECTED || this == MISSING;
    }

    static Reporting of(UnitFigures unit) {
        if (unit.submitted()) {
            return unit.late() ? LATE : ACCEPTED;
        }
        if (!unit.expected()) {
            return NOT_EXPECTED;
        }
        return unit.rejected().isEmpty() ? MISSING : REJECTED;
    }
}
