package org.groundmetric.learn;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent index tasks on a fixed number of threads. Each task writes only its own slot of
 * an output array, so results never depend on the thread count or the scheduling.
 */
final class Parallel implements AutoCloseable {
    private final ForkJoinPool pool;
    private final int threads;

    Parallel(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    void forEach(int n, IntConsumer body) {
        if (pool == null || n < 2) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
        } else {
            // Each thread takes the next index when it is free: tasks differ a lot in cost (a cold
            // transport problem costs several warm ones), and chunked splitting left one thread
            // idle at the end of every batch.
            AtomicInteger next = new AtomicInteger();
            int workers = Math.min(threads, n);
            pool.submit(() -> IntStream.range(0, workers).parallel().forEach(w -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    body.accept(i);
                }
            })).join();
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
