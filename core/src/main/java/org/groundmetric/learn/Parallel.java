package org.groundmetric.learn;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent index tasks on a fixed number of threads. Each task writes only its own slot of
 * an output array, so results never depend on the thread count or the scheduling.
 */
final class Parallel implements AutoCloseable {
    private final ForkJoinPool pool;

    Parallel(int threads) {
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    void forEach(int n, IntConsumer body) {
        if (pool == null || n < 2) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
        } else {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
