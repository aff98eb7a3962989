package org.groundmetric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ComputeEngine} on a fixed pool of threads of this JVM: workers take the next task index
 * and write only that task's result slot, so the results never depend on the thread count.
 */
final class LocalEngine implements ComputeEngine {
    private final int threads;
    private final ExecutorService pool;

    LocalEngine(int threads) {
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

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public <S, T, R> List<R> run(S shared, List<T> tasks, Task<S, T, R> function, Progress progress) {
        int count = tasks.size();
        Object[] results = new Object[count];
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            for (int i = 0; i < count; i++) {
                results[i] = ComputeEngine.runTask(function, shared, tasks.get(i), i);
                progress.advance(1, null);
            }
            return list(results);
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    results[i] = ComputeEngine.runTask(function, shared, tasks.get(i), i);
                    progress.advance(1, null);
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            next.set(count); // the other workers stop after their current task
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + count + " tasks", e);
        }
        return list(results);
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> list(Object[] results) {
        return (List<R>) Arrays.asList(results);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
