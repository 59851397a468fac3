package io.rectify.ledger;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What a unit, problem or task code may be. Unit codes name files (回执/回执/&lt;单位代码&gt;.xlsxlt;单位代码回执/&lt;单位代码&gt;.xlsxgt;-回执/&lt;单位代码&gt;.xlsxlt;单位名称回执/&lt;单位代码&gt;.xlsxgt;-…-回执.xlsx, the
 * templates), so no code may form a path, a hidden file or a Windows device name: letters (Latin
 * or Chinese), digits, '-' and '_', with single dots inside (问题编号 1.1 is common), 1 to 40
 * characters. Codes are checked as folded by {@code Texts.code}: full-width forms are ASCII and
 * white space is gone by then, as they always were.
 */
final class LedgerCodes {

    static final int MAX_LENGTH = 40;

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9\\p{IsHan}_-]+");
    private static final Pattern SAFE = Pattern.compile(PART + "(?:\\." + PART + ")*");
    private static final Pattern DEVICE = Pattern.compile("(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\\..*)?",
            Pattern.CASE_INSENSITIVE);

    private LedgerCodes() {
    }

    /** Why a (folded, non-blank) code cannot be used, in Chinese; empty when it can. */
    static Optional<String> problem(String column, String code) {
        int length = code.codePointCount(0, code.length());
        String rule = "：" + column + "只能由字母、数字、汉字和“-”“_”组成，可用“.”分隔（不能在开头、结尾或连用），"
                + "长度 1 到 " + MAX_LENGTH + " 个字符";
        if (length > MAX_LENGTH) {
            return Optional.of(column + "过长（" + length + " 个字符）" + rule);
        }
        if (!SAFE.matcher(code).matches()) {
            return Optional.of(column + "含有不允许的字符" + offending(code) + rule + "；请修改" + column);
        }
        if (DEVICE.matcher(code).matches()) {
            return Optional.of(column + "是系统保留的设备名，不能用作文件名（回执、模板以单位代码命名）：请换一个" + column);
        }
        return Optional.empty();
    }

    /** The first character that breaks the rule, as people can see it: “/” or U+0007, else the misplaced dot. */
    private static String offending(String code) {
        OptionalInt bad = code.codePoints().filter(c -> c != '.' && !PART.matcher(Character.toString(c)).matches())
                .findFirst();
        if (bad.isEmpty()) {
            return "“.”（位置不对）";
        }
        int c = bad.getAsInt();
        return Character.isISOControl(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT
                ? "（控制字符 U+%04X）".formatted(c) : "“" + Character.toString(c) + "”";
    }
}
