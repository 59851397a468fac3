package io.rectify.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What the page inlines: its style and script, and Apache ECharts from its webjar. */
final class Assets {

    static final String STYLE = read("/io/rectify/dashboard/dashboard.css");
    static final String SCRIPT = read("/io/rectify/dashboard/dashboard.js");
    static final String ECHARTS = read("/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js");

    private Assets() {
    }

    private static String read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the application is incomplete: " + resource + " is not on its classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // inlined in a <script> or <style> element, which this text would end early
            if (text.toLowerCase().contains("</script") || text.toLowerCase().contains("</style")) {
                throw new IllegalStateException(resource + " holds a closing tag and cannot be inlined");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the application", e);
        }
    }
}
