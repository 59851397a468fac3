package io.rectify.ops;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Independent per-file work (reading a return, writing a receipt) spread over the machine's
 * cores. A pool of its own rather than the common fork-join pool: its threads inherit the calling
 * thread's context class loader, which XMLBeans needs inside the packaged jar.
 */
public final class Parallel {

    /** A step of work on one item. */
    public interface Work<T, R> {
        R apply(T item) throws IOException;
    }

    private Parallel() {
    }

    /** {@code work} applied to every item, on as many threads as there are cores; results in the items' order. */
    public static <T, R> List<R> map(List<T> items, Work<T, R> work) throws IOException {
        return map(items, Runtime.getRuntime().availableProcessors(), work);
    }

    /**
     * {@code work} applied to every item on up to {@code threads} threads; results in the items' order. More
     * threads than cores suit work that waits on the disk (forcing files to it).
     */
    public static <T, R> List<R> map(List<T> items, int threads, Work<T, R> work) throws IOException {
        List<R> results = new ArrayList<>(items.size());
        forEach(items, threads, work, (item, result) -> results.add(result));
        return results;
    }

    /**
     * {@code work} applied to every item, on as many threads as there are cores; each result handed
     * to {@code done} on the calling thread, in the items' order, as soon as it and those before it are ready.
     */
    public static <T, R> void forEach(List<T> items, Work<T, R> work, BiConsumer<T, R> done) throws IOException {
        forEach(items, Runtime.getRuntime().availableProcessors(), work, done);
    }

    private static <T, R> void forEach(List<T> items, int maxThreads, Work<T, R> work, BiConsumer<T, R> done)
            throws IOException {
        int threads = Math.min(items.size(), maxThreads);
        if (threads <= 1) {
            for (T item : items) {
                done.accept(item, work.apply(item));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            for (int i = 0; i < items.size(); i++) {
                done.accept(items.get(i), result(futures.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R result(Future<R> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
