package org.groundmetric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * {@link ComputeEngine} on a fixed pool of threads of this JVM, and the one thread pool of the
 * library: workers take the next index when they are free and write only that index's result slot,
 * so results never depend on the thread count or the scheduling. Taking the next index (rather than
 * splitting the range into chunks) keeps every thread busy when tasks differ a lot in cost, as a cold
 * transport problem costs several warm ones.
 */
public final class LocalEngine implements ComputeEngine {
    private final int threads;
    private final ExecutorService pool;

    /** @param threads at least 1; with 1 everything runs on the caller's thread */
    public LocalEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads is " + threads + "; expected at least 1");
        }
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "groundmetric-local");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    @Override
    public String name() {
        return "local";
    }

    /** The threads {@link #forEach} runs on. */
    public int threads() {
        return threads;
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public <S, T, R> List<R> run(S shared, List<T> tasks, Task<S, T, R> function, Progress progress) {
        Object[] results = new Object[tasks.size()];
        forEach(tasks.size(), i -> {
            results[i] = ComputeEngine.runTask(function, shared, tasks.get(i), i);
            progress.advance(1, null);
        });
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }

    /**
     * Runs {@code body} for every index 0..count−1, each once, on up to {@code threads} threads, and
     * returns when all are done. The first failure is rethrown as it was thrown; the other workers
     * stop after their current index.
     */
    public void forEach(int count, IntConsumer body) {
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    body.accept(i);
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            next.set(count);
            throw rethrow(e);
        } catch (InterruptedException e) {
            next.set(count);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + count + " tasks", e);
        }
    }

    /**
     * What a task threw, as it was thrown: a {@link RuntimeException} or an {@link Error} is
     * rethrown unchanged (the return value only lets callers write {@code throw rethrow(e)}); a
     * checked exception comes back wrapped in an {@link IllegalStateException}.
     */
    public static RuntimeException rethrow(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
