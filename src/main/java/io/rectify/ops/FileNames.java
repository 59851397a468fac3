package io.rectify.ops;

/** File names made from names people chose (a unit's, a supervision group's). */
public final class FileNames {

    private FileNames() {
    }

    /** {@code name} with every character that Windows, macOS or Linux refuses in a file name replaced by an underscore. */
    public static String safe(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F || "\\/:*?\"<>|".indexOf(c) >= 0) {
                safe.append('_');
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString().strip();
    }
}
