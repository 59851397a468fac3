package io.rectify.nightly;

import io.rectify.intake.Sha256;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build of the application running, as a hash: a period reconciled by one build is never kept
 * by another, whose rules or readers may differ, with nobody having to remember to say so. Every
 * element of the class path counts: a jar (the release's rectify.jar, a library) by its real path,
 * size and last-modified time, so that a new release, even of the same version, is another build; a
 * folder of classes ({@code mvn spring-boot:run}, tests) by the names and contents of its files,
 * which stay the same when Maven compiles the same sources again. Taken once per JVM.
 */
final class BuildIdentity {

    private static String current;

    private BuildIdentity() {
    }

    static synchronized String current() {
        if (current == null) {
            current = of(Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
                    .filter(element -> !element.isEmpty()).map(Path::of).toList());
        }
        return current;
    }

    static String of(List<Path> classPath) {
        MessageDigest digest = Sha256.digest();
        try {
            for (Path element : classPath) {
                if (Files.isDirectory(element)) {
                    addFolder(digest, element);
                } else if (Files.isRegularFile(element)) {
                    add(digest, element.toRealPath() + " " + Files.size(element) + " " + Files.getLastModifiedTime(element));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell the application's build from its class path", e);
        }
        return Sha256.hex(digest);
    }

    private static void addFolder(MessageDigest digest, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            add(digest, folder.relativize(file) + " " + content.length);
            digest.update(content);
        }
    }

    private static void add(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
