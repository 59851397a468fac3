package io.rectify;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test class with the whole application context on its own folders: {@link #root} is a fresh
 * JUnit temporary directory per class, holding {@code input/}, {@code output/} and {@code data/}
 * (the H2 file database) as the command line would. The context is closed after the class: H2
 * keeps touching its lock file while open, which races JUnit deleting the folder.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class TempFolderContext {

    @TempDir
    protected static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        TestFolders.register(registry, root);
    }
}
