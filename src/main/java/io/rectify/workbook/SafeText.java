package io.rectify.workbook;

/**
 * Neutralises text that a spreadsheet program would read as a formula (CSV injection): text
 * that begins with {@code = + - @}, a tab, a carriage return or a line feed gets a leading
 * apostrophe. Every text cell of every output goes through here. The result also fits in a cell:
 * text longer than Excel's {@value #MAX_CELL_CHARS} characters (a full cell a unit wrote, once
 * neutralised) is cut to that length, ending in "…", where POI would refuse to write it.
 */
public final class SafeText {

    /** Excel's limit on the text of a cell. */
    public static final int MAX_CELL_CHARS = 32_767;

    private SafeText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        String safe = switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\n' -> "'" + text;
            default -> text;
        };
        return safe.length() <= MAX_CELL_CHARS ? safe : safe.substring(0, MAX_CELL_CHARS - 1) + "…";
    }
}
