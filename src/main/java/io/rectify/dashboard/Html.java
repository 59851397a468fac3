package io.rectify.dashboard;

import io.rectify.workbook.SafeText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The page being written. Every text and attribute value goes through {@link #escape}: unit names,
 * messages and values come from the units' files and may hold anything, markup included. Text is
 * also neutralised as in every other output ({@link SafeText}): people copy the tables into
 * spreadsheets.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(1 << 20);

    /** Markup this package wrote itself (never text from data). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        out.append(escape(SafeText.neutralise(text)));
        return this;
    }

    /** {@code <tag a="v" ...>}; attributes as name, value pairs. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * A link to a file of the period folder, each path segment percent-encoded: unit names may hold
     * spaces, '#' or '?', which would otherwise end the path.
     */
    static String href(String relativePath) {
        return Arrays.stream(relativePath.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
