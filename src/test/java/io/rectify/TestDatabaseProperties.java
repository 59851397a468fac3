package io.rectify;

import java.nio.file.Path;
import java.util.HashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Puts an application started as the command line starts it ({@code RectifyApplication.run} in a
 * test, or a child JVM on the test class path) on its data folder's test database
 * ({@link TestDatabase}), as {@link TestFolders#register} does for a test context: nothing changes
 * on H2. Its properties come before application.properties and after system properties and the
 * environment, so a test that names another database still has it.
 */
class TestDatabaseProperties implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String data = environment.getProperty("rectify.data");
        if (!TestDatabase.postgresql() || data == null) {
            return;
        }
        environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource("rectify-test-database", new HashMap<>(TestDatabase.properties(Path.of(data)))));
    }
}
