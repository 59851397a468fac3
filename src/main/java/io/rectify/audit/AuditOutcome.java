package io.rectify.audit;

/** How an audited action ended. */
public enum AuditOutcome {

    SUCCESS("成功"),
    /** Tried and failed: a wrong password, a file not accepted, a run that could not start. */
    FAILURE("失败"),
    /** Not allowed: another unit's file, a page of another role, a locked account. */
    REFUSED("拒绝");

    private final String word;

    AuditOutcome(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
