package io.rectify.portal.office;

/** Text from a form made safe to show and to log. */
final class OfficeText {

    private static final int MAX_NAME = 120;

    private OfficeText() {
    }

    /**
     * The last part of an uploaded file's name, without control characters and cut to a length a
     * page can show; only ever displayed and logged, never used as a path.
     */
    static String fileName(String sent) {
        if (sent == null || sent.isBlank()) {
            return "（未命名）";
        }
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "（未命名）";
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name;
    }
}
