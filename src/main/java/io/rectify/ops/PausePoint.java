package io.rectify.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test hook and nothing else: lets the crash and concurrency tests stop a real run at a known
 * moment. Started with {@code -Drectify.test.pause-before=NAME}, a process pauses when a file named
 * NAME (an output, or an archive copy named by its hash) is written but not yet moved into place,
 * says so on standard output, and waits until the file given by {@code -Drectify.test.resume-when}
 * exists (forever without it) while the test kills it or starts a rival. Without the property it
 * does nothing.
 */
final class PausePoint {

    static final String PAUSE_BEFORE = "rectify.test.pause-before";
    static final String RESUME_WHEN = "rectify.test.resume-when";

    private PausePoint() {
    }

    static void beforeReplacing(Path target) {
        String name = System.getProperty(PAUSE_BEFORE);
        if (name == null || !name.equals(target.getFileName().toString())) {
            return;
        }
        System.out.println("rectify: paused before replacing " + target);
        System.out.flush();
        String resume = System.getProperty(RESUME_WHEN);
        try {
            while (resume == null || !Files.exists(Path.of(resume))) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
