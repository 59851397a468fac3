package io.rectify.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The text resources under {@code sample/} the generator is written from: lines without comments and blanks. */
final class SampleText {

    /** A line of a resource and where it stands, for error messages. */
    record Line(String resource, int number, String text) {

        IllegalStateException error(String reason) {
            return new IllegalStateException("sample/" + resource + " line " + number + ": " + reason + ": " + text);
        }
    }

    private SampleText() {
    }

    static List<Line> lines(String resource) {
        InputStream in = SampleText.class.getResourceAsStream("/sample/" + resource);
        if (in == null) {
            throw new IllegalStateException("resource sample/" + resource + " missing from the build");
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                String line = text.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(new Line(resource, number, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample/" + resource, e);
        }
        return lines;
    }
}
