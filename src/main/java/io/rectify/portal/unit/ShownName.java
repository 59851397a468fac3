package io.rectify.portal.unit;

/**
 * The name an upload was sent with, made fit to show and to keep (table upload, at most 300
 * characters): the last part of any path ({@code ../../etc/passwd} shows as {@code passwd}), control
 * and format characters removed, at most {@link #MAX} characters with the extension kept. Never a
 * path: uploads are stored under generated names.
 */
final class ShownName {

    static final int MAX = 100;
    static final String NONE = "未命名文件";

    private ShownName() {
    }

    static String of(String sent) {
        if (sent == null) {
            return NONE;
        }
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        String text = clean.toString().strip();
        if (text.isEmpty() || text.equals(".") || text.equals("..")) {
            return NONE;
        }
        if (text.codePointCount(0, text.length()) <= MAX) {
            return text;
        }
        int dot = text.lastIndexOf('.');
        String extension = dot > 0 && text.length() - dot <= 8 ? text.substring(dot) : "";
        String stem = text.substring(0, text.length() - extension.length());
        return stem.substring(0, stem.offsetByCodePoints(0, MAX - 1 - extension.length())) + "…" + extension;
    }
}
