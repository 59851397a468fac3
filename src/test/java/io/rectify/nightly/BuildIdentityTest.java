package io.rectify.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildIdentityTest {

    @TempDir
    Path root;

    @Test
    void folderOfClassesCompiledAgainToTheSameBytesIsTheSameBuild() throws IOException {
        Path classes = Files.createDirectories(root.resolve("classes/io/rectify"));
        Files.writeString(classes.resolve("Reconciler.class"), "rules 1");
        String first = BuildIdentity.of(List.of(root.resolve("classes")));

        Files.setLastModifiedTime(classes.resolve("Reconciler.class"), FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(BuildIdentity.of(List.of(root.resolve("classes")))).isEqualTo(first);

        Files.writeString(classes.resolve("Reconciler.class"), "rules 2");
        assertThat(BuildIdentity.of(List.of(root.resolve("classes")))).isNotEqualTo(first);
    }

    @Test
    void jarOfANewReleaseIsAnotherBuildEvenWithTheSameSize() throws IOException {
        Path jar = Files.writeString(root.resolve("rectify.jar"), "release 1");
        String first = BuildIdentity.of(List.of(jar));

        Files.writeString(jar, "release 2");
        Files.setLastModifiedTime(jar, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60)));

        assertThat(Files.size(jar)).isEqualTo("release 1".length());
        assertThat(BuildIdentity.of(List.of(jar))).isNotEqualTo(first);
    }

    @Test
    void everyElementOfTheClassPathCounts() throws IOException {
        Path app = Files.writeString(root.resolve("app.jar"), "app");
        Path poi = Files.writeString(root.resolve("poi-5.5.1.jar"), "poi");
        Path newerPoi = Files.writeString(root.resolve("poi-5.5.2.jar"), "poi");

        assertThat(BuildIdentity.of(List.of(app, poi))).isNotEqualTo(BuildIdentity.of(List.of(app, newerPoi)))
                .isNotEqualTo(BuildIdentity.of(List.of(app)));
    }
}
