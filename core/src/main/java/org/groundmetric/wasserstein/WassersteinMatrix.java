package org.groundmetric.wasserstein;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.groundmetric.ComputeEngine;
import org.groundmetric.Progress;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.SolverFactory;
import org.groundmetric.ot.TransportSolver;

/**
 * Exact Wasserstein distances between samples (uniform weights on their cells, or a summarised
 * sample's centroid masses) under a ground metric: all pairs of one list (symmetric, zero diagonal, each pair solved once) or every new
 * sample against every reference sample.
 *
 * <p>When the metric is a {@link ProjectedMetric}, each sample is projected once and costs are built
 * in its k dimensions. Pairs are independent tasks of a {@link ComputeEngine} (local threads, each
 * with its own solver from the factory, or a Spark cluster); every pair is computed alone, so the
 * result does not depend on the thread count or the engine. {@link Progress} advances by one per
 * solved pair.
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

    /** All pairs of {@code samples} on {@code threads} local threads. */
    public static WassersteinMatrix pairwise(List<Sample> samples, GroundMetric metric,
                                             Supplier<? extends TransportSolver> solvers, int threads,
                                             Progress progress) {
        try (ComputeEngine engine = ComputeEngine.local(threads)) {
            return pairwise(samples, metric, SolverFactory.of(solvers), engine, progress);
        }
    }

    /** All pairs of {@code samples}: symmetric, zero diagonal, each pair solved once, on {@code engine}. */
    public static WassersteinMatrix pairwise(List<Sample> samples, GroundMetric metric, SolverFactory solvers,
                                             ComputeEngine engine, Progress progress) {
        requireSamples("samples", samples);
        int n = samples.size();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        PairData.Side side = PairData.Side.of(samples, metric);
        double[] values = solvePairs(pairs, new PairData(side, side, metric), solvers, engine, progress);
        double[][] d = new double[n][n];
        for (int p = 0; p < pairs.size(); p++) {
            int[] pair = pairs.get(p);
            d[pair[0]][pair[1]] = values[p];
            d[pair[1]][pair[0]] = values[p];
        }
        return new WassersteinMatrix(ids(samples), ids(samples), d);
    }

    /** Every new sample (rows) against every reference sample (columns), on {@code threads} local threads. */
    public static WassersteinMatrix between(List<Sample> newSamples, List<Sample> reference, GroundMetric metric,
                                            Supplier<? extends TransportSolver> solvers, int threads,
                                            Progress progress) {
        try (ComputeEngine engine = ComputeEngine.local(threads)) {
            return between(newSamples, reference, metric, SolverFactory.of(solvers), engine, progress);
        }
    }

    /** Every new sample (rows) against every reference sample (columns), on {@code engine}. */
    public static WassersteinMatrix between(List<Sample> newSamples, List<Sample> reference, GroundMetric metric,
                                            SolverFactory solvers, ComputeEngine engine, Progress progress) {
        requireSamples("new samples", newSamples);
        requireSamples("reference samples", reference);
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < newSamples.size(); i++) {
            for (int j = 0; j < reference.size(); j++) {
                pairs.add(new int[] {i, j});
            }
        }
        PairData data = new PairData(PairData.Side.of(newSamples, metric), PairData.Side.of(reference, metric), metric);
        double[] values = solvePairs(pairs, data, solvers, engine, progress);
        double[][] d = new double[newSamples.size()][reference.size()];
        for (int p = 0; p < pairs.size(); p++) {
            d[pairs.get(p)[0]][pairs.get(p)[1]] = values[p];
        }
        return new WassersteinMatrix(ids(newSamples), ids(reference), d);
    }

    /**
     * What every pair task needs, shipped once to wherever tasks run: for a projected metric only
     * the images X·Wᵀ (n×k per sample, computed once here), otherwise the cells and the metric.
     */
    record PairData(Side rows, Side cols, GroundMetric metric) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** One side's samples: ids, masses (null: uniform), and either images (rank k) or raw cells. */
        record Side(String[] ids, double[][] masses, double[][] images, int[] cellCounts, int rank, CellMatrix[] cells)
                implements Serializable {
            private static final long serialVersionUID = 1L;

            static Side of(List<Sample> samples, GroundMetric metric) {
                int n = samples.size();
                String[] ids = new String[n];
                int[] counts = new int[n];
                double[][] masses = new double[n][];
                for (int s = 0; s < n; s++) {
                    ids[s] = samples.get(s).id();
                    counts[s] = samples.get(s).cellCount();
                    masses[s] = samples.get(s).cellWeights();
                }
                if (metric instanceof ProjectedMetric pm) {
                    double[][] images = new double[n][];
                    // Each sample's image is computed alone, so the thread count cannot change it.
                    IntStream.range(0, n).parallel().forEach(s -> images[s] = pm.project(samples.get(s).cells()));
                    return new Side(ids, masses, images, counts, pm.rank(), null);
                }
                CellMatrix[] cells = new CellMatrix[n];
                for (int s = 0; s < n; s++) {
                    cells[s] = samples.get(s).cells();
                }
                return new Side(ids, masses, null, counts, 0, cells);
            }

            double[] masses(int s) {
                return masses[s] != null ? masses[s] : OT.uniform(cellCounts[s]);
            }
        }

        CostMatrix cost(int i, int j) {
            if (rows.images == null) {
                return metric.cost(rows.cells[i], cols.cells[j]);
            }
            return Costs.pairwise(rows.images[i], rows.cellCounts[i], cols.images[j], cols.cellCounts[j],
                    rows.rank, PointMetric.EUCLIDEAN);
        }
    }

    /** One pair's exact distance; each worker keeps one solver (scratch only, never changes a value). */
    static final class PairDistance implements ComputeEngine.Task<PairData, int[], Double> {
        private static final long serialVersionUID = 1L;
        private final SolverFactory solvers;
        private transient ThreadLocal<TransportSolver> solver;

        PairDistance(SolverFactory solvers) {
            this.solvers = solvers;
        }

        @Override
        public Double apply(PairData data, int[] pair) {
            CostMatrix cost = data.cost(pair[0], pair[1]);
            return solver().solve(data.rows.masses(pair[0]), data.cols.masses(pair[1]), cost).value();
        }

        @Override
        public String describe(PairData data, int[] pair) {
            return "samples '" + data.rows.ids[pair[0]] + "' and '" + data.cols.ids[pair[1]] + "'";
        }

        private synchronized TransportSolver solver() {
            if (solver == null) {
                solver = ThreadLocal.withInitial(solvers);
            }
            return solver.get();
        }
    }

    private static double[] solvePairs(List<int[]> pairs, PairData data, SolverFactory solvers,
                                       ComputeEngine engine, Progress progress) {
        progress.start("pairs", pairs.size());
        List<Double> results = engine.run(data, pairs, new PairDistance(solvers), progress);
        progress.finish();
        double[] values = new double[pairs.size()];
        for (int p = 0; p < values.length; p++) {
            values[p] = results.get(p);
        }
        return values;
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
