package org.groundmetric.wasserstein;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.groundmetric.ComputeEngine;
import org.groundmetric.Progress;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointClouds;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.Transport;

/**
 * Exact Wasserstein distances between samples (uniform weights on their cells, or a summarised
 * sample's centroid masses) under a ground metric: all pairs of one list (symmetric, zero diagonal, each pair solved once) or every new
 * sample against every reference sample.
 *
 * <p>Each pair goes to an exact {@link Solver}, by default {@link Solver#AUTO}, the fastest for
 * the pair. When the metric is a {@link ProjectedMetric}, each sample is projected once and the pair
 * is solved from its points in k dimensions (so equal-size samples reach the assignment, and every
 * pair gets the coarse start); a fixed metric on dense cells of at most {@value #POINTS_UP_TO}
 * features does the same in feature space; other pairs (sparse or wide cells) are solved from
 * their cost matrix by the network simplex. Pairs are independent tasks of a {@link ComputeEngine}
 * (local threads or a Spark cluster); every pair is computed alone, so the result does not depend
 * on the thread count or the engine. A pair whose solver could not prove its optimum fails the
 * call, naming the two samples. {@link Progress} advances by one per solved pair.
 *
 * @param rowIds    sample ids of the rows
 * @param columnIds sample ids of the columns
 * @param distances rows × columns Wasserstein distances
 */
public record WassersteinMatrix(List<String> rowIds, List<String> columnIds, double[][] distances) {

    /** Dense cells of at most this many features are solved from their points under a fixed metric. */
    public static final int POINTS_UP_TO = 64;

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

    /** All pairs of {@code samples} on {@code threads} local threads, by the exact {@code solver}. */
    public static WassersteinMatrix pairwise(List<Sample> samples, GroundMetric metric, Solver solver, int threads,
                                             Progress progress) {
        try (ComputeEngine engine = ComputeEngine.local(threads)) {
            return pairwise(samples, metric, solver, engine, progress);
        }
    }

    /** All pairs of {@code samples}: symmetric, zero diagonal, each pair solved once, on {@code engine}. */
    public static WassersteinMatrix pairwise(List<Sample> samples, GroundMetric metric, Solver solver,
                                             ComputeEngine engine, Progress progress) {
        requireExact(solver);
        requireSamples("samples", samples);
        int n = samples.size();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        PairData.Side side = PairData.Side.of(samples, metric);
        double[] values = solvePairs(pairs, new PairData(side, side, metric), solver, engine, progress);
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
                                            Solver solver, int threads, Progress progress) {
        try (ComputeEngine engine = ComputeEngine.local(threads)) {
            return between(newSamples, reference, metric, solver, engine, progress);
        }
    }

    /** Every new sample (rows) against every reference sample (columns), on {@code engine}. */
    public static WassersteinMatrix between(List<Sample> newSamples, List<Sample> reference, GroundMetric metric,
                                            Solver solver, ComputeEngine engine, Progress progress) {
        requireExact(solver);
        requireSamples("new samples", newSamples);
        requireSamples("reference samples", reference);
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < newSamples.size(); i++) {
            for (int j = 0; j < reference.size(); j++) {
                pairs.add(new int[] {i, j});
            }
        }
        PairData data = new PairData(PairData.Side.of(newSamples, metric), PairData.Side.of(reference, metric), metric);
        double[] values = solvePairs(pairs, data, solver, engine, progress);
        double[][] d = new double[newSamples.size()][reference.size()];
        for (int p = 0; p < pairs.size(); p++) {
            d[pairs.get(p)[0]][pairs.get(p)[1]] = values[p];
        }
        return new WassersteinMatrix(ids(newSamples), ids(reference), d);
    }

    /**
     * What every pair task needs, shipped once to wherever tasks run: points (for a projected
     * metric the images X·Wᵀ, n×k per sample, computed once here; for a fixed metric on narrow
     * dense cells the cells themselves), otherwise the cells and the metric.
     */
    record PairData(Side rows, Side cols, GroundMetric metric) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * One side's samples: ids, masses (null: uniform), and either points (dim coordinates each,
         * under pointMetric) or raw cells.
         */
        record Side(String[] ids, double[][] masses, double[][] points, int[] cellCounts, int dim, PointMetric pointMetric,
                    CellMatrix[] cells) implements Serializable {
            private static final long serialVersionUID = 1L;

            static Side of(List<Sample> samples, GroundMetric metric) {
                int n = samples.size();
                String[] ids = new String[n];
                int[] counts = new int[n];
                double[][] masses = new double[n][];
                boolean narrowDense = metric instanceof FixedGroundMetric;
                for (int s = 0; s < n; s++) {
                    ids[s] = samples.get(s).id();
                    counts[s] = samples.get(s).cellCount();
                    masses[s] = samples.get(s).cellWeights();
                    CellMatrix cells = samples.get(s).cells();
                    narrowDense &= cells instanceof DenseMatrix && cells.cols() <= POINTS_UP_TO;
                }
                if (metric instanceof ProjectedMetric pm) {
                    double[][] images = new double[n][];
                    // Each sample's image is computed alone, so the thread count cannot change it.
                    IntStream.range(0, n).parallel().forEach(s -> images[s] = pm.project(samples.get(s).cells()));
                    return new Side(ids, masses, images, counts, pm.rank(), PointMetric.EUCLIDEAN, null);
                }
                if (narrowDense) {
                    double[][] points = new double[n][];
                    for (int s = 0; s < n; s++) {
                        float[] data = ((DenseMatrix) samples.get(s).cells()).data();
                        points[s] = new double[data.length];
                        for (int q = 0; q < data.length; q++) {
                            points[s][q] = data[q];
                        }
                    }
                    return new Side(ids, masses, points, counts, samples.get(0).cells().cols(),
                            ((FixedGroundMetric) metric).metric(), null);
                }
                CellMatrix[] cells = new CellMatrix[n];
                for (int s = 0; s < n; s++) {
                    cells[s] = samples.get(s).cells();
                }
                return new Side(ids, masses, null, counts, 0, null, cells);
            }

            double[] masses(int s) {
                return masses[s] != null ? masses[s] : OT.uniform(cellCounts[s]);
            }
        }

        /** Pair (i, j) by {@code solver}: from the points when there are any, else from the cost matrix. */
        Transport solve(int i, int j, Solver solver) {
            if (rows.points == null) {
                CostMatrix cost = metric.cost(rows.cells[i], cols.cells[j]);
                return solver.solve(rows.masses(i), cols.masses(j), cost);
            }
            return solver.solve(new PointClouds(rows.points[i], rows.cellCounts[i], cols.points[j],
                    cols.cellCounts[j], rows.dim, rows.masses(i), cols.masses(j), rows.pointMetric));
        }
    }

    /** One pair's exact distance; a pair the solver could not prove optimal fails the call (the engine names it). */
    static final class PairDistance implements ComputeEngine.Task<PairData, int[], Double> {
        private static final long serialVersionUID = 1L;
        private final Solver solver;

        PairDistance(Solver solver) {
            this.solver = solver;
        }

        @Override
        public Double apply(PairData data, int[] pair) {
            Transport t = data.solve(pair[0], pair[1], solver);
            if (!t.converged()) {
                throw new IllegalStateException("the network simplex stopped at its pivot limit after " + t.iterations()
                        + " pivots without proving the optimum");
            }
            return t.value();
        }

        @Override
        public String describe(PairData data, int[] pair) {
            return "samples '" + data.rows.ids[pair[0]] + "' and '" + data.cols.ids[pair[1]] + "'";
        }
    }

    private static double[] solvePairs(List<int[]> pairs, PairData data, Solver solver, ComputeEngine engine,
                                       Progress progress) {
        progress.start("pairs", pairs.size());
        List<Double> results = engine.run(data, pairs, new PairDistance(solver), progress);
        progress.finish();
        double[] values = new double[pairs.size()];
        for (int p = 0; p < values.length; p++) {
            values[p] = results.get(p);
        }
        return values;
    }

    private static void requireExact(Solver solver) {
        if (solver == null || !solver.exact()) {
            throw new IllegalArgumentException("Wasserstein distances are exact; the solver must be auto,"
                    + " network-simplex or assignment, got " + solver);
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
