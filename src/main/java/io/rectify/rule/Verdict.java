package io.rectify.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A decision the supervisors or the office write into a review workbook: 审核结论 of a task awaiting
 * sign-off, 复核结论 of a 回头看 check, 审批结论 of an extension request. The drop-downs offer the words
 * of one {@link Kind} in this order; the database stores {@link #word()}.
 */
public enum Verdict {
    SIGN_OFF(Kind.SIGN_OFF, "同意销号"),
    RETURN(Kind.SIGN_OFF, "退回"),
    CONFIRMED(Kind.RECHECK, "属实"),
    REFUTED(Kind.RECHECK, "不属实"),
    GRANT(Kind.EXTENSION, "批准"),
    REFUSE(Kind.EXTENSION, "不批准");

    /** Which column of which workbook the verdict is written in. */
    public enum Kind {
        /** 审核结论 of 销号审核表's 销号审核 sheet. */
        SIGN_OFF,
        /** 复核结论 of 销号审核表's 回头看 sheet. */
        RECHECK,
        /** 审批结论 of 延期审批表. */
        EXTENSION
    }

    private final Kind kind;
    private final String word;

    Verdict(Kind kind, String word) {
        this.kind = kind;
        this.word = word;
    }

    public Kind kind() {
        return kind;
    }

    public String word() {
        return word;
    }

    /** 退回, 不属实 and 不批准 must say why: the unit is told the opinion. */
    public boolean needsOpinion() {
        return this == RETURN || this == REFUTED || this == REFUSE;
    }

    /** 退回 and 不属实 put the task back to 推进中: its lead unit must report it again. */
    public boolean reopens() {
        return this == RETURN || this == REFUTED;
    }

    /** The drop-down words of a kind, in order. */
    public static List<String> words(Kind kind) {
        return Arrays.stream(values()).filter(v -> v.kind == kind).map(Verdict::word).toList();
    }

    /**
     * The verdict of {@code kind} a written word stands for, folded like a status (full-width forms,
     * spaces); empty when it is blank or none of the kind's words.
     */
    public static Optional<Verdict> parse(Kind kind, String written) {
        if (written == null) {
            return Optional.empty();
        }
        String folded = TaskStatus.fold(written);
        return Arrays.stream(values()).filter(v -> v.kind == kind && v.word.equals(folded)).findFirst();
    }

    /** The verdict a stored word stands for. */
    public static Verdict of(String word) {
        return Arrays.stream(values()).filter(v -> v.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown verdict " + word));
    }

    @Override
    public String toString() {
        return word;
    }
}
