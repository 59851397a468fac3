package io.rectify.rule;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task's rectification status (整改状态). The database stores {@link #word()}, and the template's
 * drop-down offers the words of {@link #values()} in this order.
 */
public enum TaskStatus {
    NOT_STARTED("未启动"),
    IN_PROGRESS("推进中"),
    COMPLETED("已完成");

    /** The template's words and those units write instead. */
    private static final Map<String, TaskStatus> WRITTEN = Map.of(
            "未启动", NOT_STARTED, "未开始", NOT_STARTED,
            "推进中", IN_PROGRESS, "进行中", IN_PROGRESS, "正在推进", IN_PROGRESS,
            "已完成", COMPLETED, "完成", COMPLETED, "已办结", COMPLETED);

    private final String word;

    TaskStatus(String word) {
        this.word = word;
    }

    /** The Chinese word of the template, shown to units and stored. */
    public String word() {
        return word;
    }

    /** The template's words in order: 未启动, 推进中, 已完成. */
    public static List<String> words() {
        return Arrays.stream(values()).map(TaskStatus::word).toList();
    }

    /** The status a unit's word stands for; empty when it is blank or unknown. */
    public static Optional<TaskStatus> parse(String written) {
        return written == null ? Optional.empty() : Optional.ofNullable(WRITTEN.get(fold(written)));
    }

    /** Full-width forms folded and every space removed (" 已 完成 " is 已完成), as units' codes are. */
    static String fold(String written) {
        StringBuilder out = new StringBuilder(written.length());
        Normalizer.normalize(written, Normalizer.Form.NFKC).codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF' && c != '\u200B')
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The status a stored word stands for. */
    public static TaskStatus of(String word) {
        for (TaskStatus s : values()) {
            if (s.word.equals(word)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown task status " + word);
    }

    @Override
    public String toString() {
        return word;
    }
}
