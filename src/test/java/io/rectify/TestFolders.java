package io.rectify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * Points a Spring test context at folders under a JUnit temporary directory: {@code input/},
 * {@code output/} and {@code data/} (the H2 file database, or the folder's PostgreSQL database when
 * the tests run on it: {@link TestDatabase}), as the command line would: for a class
 * of its own, {@link TempFolderContext}; the reconcile tests share one root and one context, and so
 * do the tests on the consolidated fixture ({@link #shared}).
 */
public final class TestFolders {

    private TestFolders() {
    }

    public static void register(DynamicPropertyRegistry registry, Path root) {
        registry.add("rectify.input", () -> root.resolve("input").toString());
        registry.add("rectify.output", () -> root.resolve("output").toString());
        registry.add("rectify.data", () -> root.resolve("data").toString());
        TestDatabase.properties(root.resolve("data")).forEach((key, value) -> registry.add(key, () -> value));
    }

    /**
     * The root of a context that several test classes share (the same properties give them one cached
     * Spring context, closed with the JVM): {@code target/<name>}, emptied when first asked for, so
     * that every run starts from an empty database.
     */
    public static Path shared(String name) {
        Path root = Path.of("target", name).toAbsolutePath();
        try {
            FileSystemUtils.deleteRecursively(root);
            return Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
