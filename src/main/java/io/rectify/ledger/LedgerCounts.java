package io.rectify.ledger;

/** How big a ledger is: the figures every import reports. */
public record LedgerCounts(int categories, int feedbackPoints, int problems, int tasks, int units, int groups) {

    public static final LedgerCounts NONE = new LedgerCounts(0, 0, 0, 0, 0, 0);

    public static LedgerCounts of(Ledger ledger) {
        return new LedgerCounts(ledger.categories().size(), ledger.feedbackPoints().size(), ledger.problems().size(),
                ledger.tasks().size(), ledger.units().size(), ledger.groups().size());
    }

    /** 4 个方面 / 13 个反馈问题 / 79 项问题 / 427 条整改措施 / 54 个责任单位 / 5 个督查组. */
    public String describe() {
        return categories + " 个方面 / " + feedbackPoints + " 个反馈问题 / " + problems + " 项问题 / " + tasks + " 条整改措施 / "
                + units + " 个责任单位 / " + groups + " 个督查组";
    }
}
