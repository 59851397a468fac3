package io.rectify.dashboard;

import io.rectify.workbook.SafeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The page being written. Every text and attribute value goes through {@link #escape}: unit names,
 * messages and values come from the units' files and may hold anything, markup included. Text is
 * also neutralised as in every other output ({@link SafeText}): people copy the tables into
 * spreadsheets.
 *
 * <p>The page goes straight to its writer: a city's page lists a hundred thousand exceptions, more than a
 * night's heap should hold as text. A failed write is thrown unchecked and unwrapped by {@link Dashboard}.
 */
final class Html {

    private final Writer out;

    Html(Writer out) {
        this.out = out;
    }

    /** Markup this package wrote itself (never text from data). */
    Html raw(String markup) {
        try {
            out.write(markup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Html text(String text) {
        return raw(escape(SafeText.neutralise(text)));
    }

    /** {@code <tag a="v" ...>}; attributes as name, value pairs. */
    Html open(String tag, String... attributes) {
        raw("<").raw(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            raw(" ").raw(attributes[i]).raw("=\"").raw(escape(attributes[i + 1])).raw("\"");
        }
        return raw(">");
    }

    Html close(String tag) {
        return raw("</").raw(tag).raw(">");
    }

    /** An element holding only text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
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
