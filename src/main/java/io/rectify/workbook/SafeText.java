package io.rectify.workbook;

/**
 * Neutralises text that a spreadsheet program would read as a formula (CSV injection): text
 * that begins with {@code = + - @}, a tab, a carriage return or a line feed gets a leading
 * apostrophe. Every text cell of every output goes through here.
 */
public final class SafeText {

    private SafeText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\n' -> "'" + text;
            default -> text;
        };
    }
}
