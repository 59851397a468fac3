package io.rectify;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at folders under a JUnit temporary directory: {@code input/},
 * {@code output/} and {@code data/} (the H2 file database), as the command line would: for a class
 * of its own, {@link TempFolderContext}; the reconcile tests share one root and one context.
 */
public final class TestFolders {

    private TestFolders() {
    }

    public static void register(DynamicPropertyRegistry registry, Path root) {
        registry.add("rectify.input", () -> root.resolve("input").toString());
        registry.add("rectify.output", () -> root.resolve("output").toString());
        registry.add("rectify.data", () -> root.resolve("data").toString());
    }
}
