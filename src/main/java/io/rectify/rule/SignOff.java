package io.rectify.rule;

/**
 * Where a task reported 已完成 stands in the supervisors' sign-off (销号): a task is 待销号 once its lead
 * unit reports it 已完成 with a completion date and evidence, and 已销号 once its supervision group's
 * review accepts it. A task that is not 已完成, or has no evidence, has none. The database stores
 * {@link #word()}.
 */
public enum SignOff {
    AWAITING("待销号"),
    SIGNED_OFF("已销号");

    private final String word;

    SignOff(String word) {
        this.word = word;
    }

    /** The Chinese word shown to people and stored. */
    public String word() {
        return word;
    }

    /** The sign-off a stored word stands for; null for null (no sign-off). */
    public static SignOff of(String word) {
        if (word == null) {
            return null;
        }
        for (SignOff s : values()) {
            if (s.word.equals(word)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sign-off " + word);
    }

    @Override
    public String toString() {
        return word;
    }
}
