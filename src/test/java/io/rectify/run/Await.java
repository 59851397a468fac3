package io.rectify.run;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another thread does (a job reaching a state, a scheduled run happening). */
public final class Await {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private Await() {
    }

    /** Polls {@code condition} until it holds; fails after two minutes. */
    public static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + LIMIT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
