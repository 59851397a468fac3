package io.rectify.rule;

/** How much an exception matters; the codes are those of docs/RULES.md and of exceptions.csv. */
public enum Severity {
    ERROR("error", "错误"),
    WARNING("warning", "警告"),
    INFO("info", "提示");

    private final String code;
    private final String label;

    Severity(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The Chinese word shown to supervisors and units. */
    public String label() {
        return label;
    }

    public static Severity of(String code) {
        for (Severity s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity " + code);
    }
}
