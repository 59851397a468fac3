package io.rectify.workbook;

import java.text.Normalizer;
import java.util.Locale;

/** Cleaning of the text people type into spreadsheets. */
public final class Texts {

    private Texts() {
    }

    /** Trims white space, full-width and non-breaking spaces included; null becomes "". */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * A code as units type it, made comparable: trimmed, full-width letters and digits folded to
     * ASCII, upper-cased, inner white space removed.
     */
    public static String code(String text) {
        String folded = Normalizer.normalize(clean(text), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(c -> !blank((char) c) && !Character.isWhitespace(c)).forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** Header text made comparable: all white space (line breaks in wrapped headers too) removed. */
    public static String header(String text) {
        StringBuilder out = new StringBuilder();
        clean(text).codePoints().filter(c -> !Character.isWhitespace(c) && !blank((char) c)).forEach(out::appendCodePoint);
        String header = out.toString();
        // templates mark required columns with a star; units copy it into retyped sheets
        while (header.endsWith("*") || header.endsWith("＊")) {
            header = header.substring(0, header.length() - 1);
        }
        while (header.startsWith("*") || header.startsWith("＊")) {
            header = header.substring(1);
        }
        return header;
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0' || c == '\u2007' || c == '\u202F'
                || c == '\uFEFF' || c == '\u200B';
    }
}
