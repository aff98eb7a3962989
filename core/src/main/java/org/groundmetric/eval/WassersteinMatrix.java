package org.groundmetric.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.groundmetric.Progress;
import org.groundmetric.data.Sample;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.TransportSolver;

/**
 * Exact Wasserstein distances between samples (uniform weights on their cells) under a ground
 * metric: all pairs of one list (symmetric, zero diagonal, each pair solved once) or every new
 * sample against every reference sample.
 *
 * <p>When the metric is a {@link ProjectedMetric}, each sample is projected once and costs are built
 * in its k dimensions. Pairs are solved in parallel on {@code threads} threads, each with its own
 * solver from the factory; every pair is computed independently, so the result does not depend on
 * the thread count. {@link Progress} advances by one per solved pair.
 *
 * @param rowIds    sample ids of the rows
 * @param columnIds sample ids of the columns
 * @param distances rows × columns Wasserstein distances
 */
public record WassersteinMatrix(List<String> rowIds, List<String> columnIds, double[][] distances) {

    public WassersteinMatrix {
        rowIds = List.copyOf(rowIds);
        columnIds = List.copyOf(columnIds);
        if (distances.length != rowIds.size()) {
            throw new IllegalArgumentException(distances.length + " distance rows for " + rowIds.size() + " row ids");
        }
        for (double[] row : distances) {
            if (row.length != columnIds.size()) {
                throw new IllegalArgumentException("a distance row has " + row.length + " values for "
                        + columnIds.size() + " column ids");
            }
        }
    }

    public double get(int row, int column) {
        return distances[row][column];
    }

    /** All pairs of {@code samples}: symmetric, zero diagonal, each pair solved once. */
    public static WassersteinMatrix pairwise(List<Sample> samples, GroundMetric metric,
                                             Supplier<? extends TransportSolver> solvers, int threads,
                                             Progress progress) {
        requireSamples("samples", samples);
        int n = samples.size();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        Prepared prepared = Prepared.of(samples, metric, threads);
        double[] values = solvePairs(pairs, prepared, prepared, metric, solvers, threads, progress);
        double[][] d = new double[n][n];
        for (int p = 0; p < pairs.size(); p++) {
            int[] pair = pairs.get(p);
            d[pair[0]][pair[1]] = values[p];
            d[pair[1]][pair[0]] = values[p];
        }
        return new WassersteinMatrix(ids(samples), ids(samples), d);
    }

    /** Every new sample (rows) against every reference sample (columns). */
    public static WassersteinMatrix between(List<Sample> newSamples, List<Sample> reference, GroundMetric metric,
                                            Supplier<? extends TransportSolver> solvers, int threads,
                                            Progress progress) {
        requireSamples("new samples", newSamples);
        requireSamples("reference samples", reference);
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < newSamples.size(); i++) {
            for (int j = 0; j < reference.size(); j++) {
                pairs.add(new int[] {i, j});
            }
        }
        Prepared rows = Prepared.of(newSamples, metric, threads);
        Prepared cols = Prepared.of(reference, metric, threads);
        double[] values = solvePairs(pairs, rows, cols, metric, solvers, threads, progress);
        double[][] d = new double[newSamples.size()][reference.size()];
        for (int p = 0; p < pairs.size(); p++) {
            d[pairs.get(p)[0]][pairs.get(p)[1]] = values[p];
        }
        return new WassersteinMatrix(ids(newSamples), ids(reference), d);
    }

    /** Samples, and for a projected metric their images X·Wᵀ (n×k row-major), computed once. */
    private record Prepared(List<Sample> samples, double[][] images, int rank) {
        static Prepared of(List<Sample> samples, GroundMetric metric, int threads) {
            if (!(metric instanceof ProjectedMetric pm)) {
                return new Prepared(samples, null, 0);
            }
            double[][] images = new double[samples.size()][];
            runParallel(samples.size(), threads, k -> images[k] = pm.project(samples.get(k).cells()));
            return new Prepared(samples, images, pm.rank());
        }

        CostMatrix cost(int k, Prepared other, int l, GroundMetric metric) {
            if (images == null) {
                return metric.cost(samples.get(k).cells(), other.samples.get(l).cells());
            }
            return Costs.pairwise(images[k], samples.get(k).cellCount(), other.images[l],
                    other.samples.get(l).cellCount(), rank, PointMetric.EUCLIDEAN);
        }
    }

    private static double[] solvePairs(List<int[]> pairs, Prepared rows, Prepared cols, GroundMetric metric,
                                       Supplier<? extends TransportSolver> solvers, int threads, Progress progress) {
        double[] values = new double[pairs.size()];
        progress.start("pairs", pairs.size());
        ThreadLocal<TransportSolver> solver = ThreadLocal.withInitial(solvers::get);
        runParallel(pairs.size(), threads, p -> {
            int i = pairs.get(p)[0];
            int j = pairs.get(p)[1];
            CostMatrix cost = rows.cost(i, cols, j, metric);
            values[p] = solver.get().solve(OT.uniform(cost.rows()), OT.uniform(cost.cols()), cost).value();
            progress.advance(1, null);
        });
        progress.finish();
        return values;
    }

    /** Runs task(0..count−1) on up to {@code threads} threads; each index writes only its own slot. */
    private static void runParallel(int count, int threads, java.util.function.IntConsumer task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads is " + threads + "; expected at least 1");
        }
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            for (int k = 0; k < count; k++) {
                task.accept(k);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "wasserstein-matrix");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                        task.accept(k);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
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
            throw new IllegalStateException("interrupted while computing Wasserstein distances", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void requireSamples(String what, List<Sample> samples) {
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException(what + " are empty; a Wasserstein matrix needs at least one sample");
        }
    }

    private static List<String> ids(List<Sample> samples) {
        List<String> ids = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            ids.add(s.id());
        }
        return ids;
    }
}
