package org.groundmetric.explain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.groundmetric.ComputeEngine;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointClouds;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.Transport;

/**
 * Solves the optimal plan of every pair of samples of a cohort under a ground metric (uniform
 * weights on the cells, as W_θ) and hands each pair's {@link PairDecomposition} to the caller in pair
 * order. This is the one place explanations solve transport problems, with the exact solver given. Pairs run on a {@link ComputeEngine} in blocks, so only a block's per-cell costs
 * are held at once; every pair is solved alone, so nothing depends on the thread count.
 */
final class PairPlans {
    /** Pairs per engine call: bounds the per-cell costs held at once. */
    static final int BLOCK = 256;

    private PairPlans() {
    }

    /**
     * Calls {@code each} with (pair index, decomposition) for the pairs (a, b), a &lt; b in cohort
     * order, in that order; {@code progress} advances by one per pair.
     */
    static void forEachPair(Cohort cohort, GroundMetric metric, CellGroups groups, Solver solver,
                            ComputeEngine engine, Progress progress, PairConsumer each) {
        int n = cohort.size();
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        Shared shared = Shared.of(cohort, metric, groups);
        Solve task = new Solve(solver);
        progress.start("pairs", pairs.size());
        for (int from = 0; from < pairs.size(); from += BLOCK) {
            List<int[]> block = pairs.subList(from, Math.min(pairs.size(), from + BLOCK));
            List<PairDecomposition> solved = engine.run(shared, block, task, progress);
            for (int p = 0; p < block.size(); p++) {
                each.accept(block.get(p)[0], block.get(p)[1], solved.get(p));
            }
        }
        progress.finish();
    }

    /** Receives one pair's decomposition. */
    @FunctionalInterface
    interface PairConsumer {
        void accept(int a, int b, PairDecomposition pair);
    }

    /** What every task needs: images under a projected metric (each sample projected once) or the cells. */
    record Shared(String[] ids, double[][] images, int[] counts, int rank, CellMatrix[] cells, GroundMetric metric,
                  int[][] groupOfCell, int groups) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Shared of(Cohort cohort, GroundMetric metric, CellGroups groups) {
            int n = cohort.size();
            String[] ids = cohort.sampleIds().toArray(new String[0]);
            int[] counts = new int[n];
            CellMatrix[] cells = new CellMatrix[n];
            for (int s = 0; s < n; s++) {
                counts[s] = cohort.sample(s).cellCount();
                cells[s] = cohort.sample(s).cells();
            }
            if (metric instanceof ProjectedMetric pm) {
                double[][] images = new double[n][];
                // each sample's image is computed alone, so the thread count cannot change it
                IntStream.range(0, n).parallel().forEach(s -> images[s] = pm.project(cells[s]));
                return new Shared(ids, images, counts, pm.rank(), null, metric, groups.groupOfCell(), groups.size());
            }
            return new Shared(ids, null, counts, 0, cells, metric, groups.groupOfCell(), groups.size());
        }

        CostMatrix cost(int a, int b) {
            if (images == null) {
                return metric.cost(cells[a], cells[b]);
            }
            return Costs.pairwise(images[a], counts[a], images[b], counts[b], rank, PointMetric.EUCLIDEAN);
        }
    }

    /**
     * One pair: its plan, decomposed. Under a projected metric the solver sees the two images as
     * point clouds (so AUTO can take the assignment or a coarse start); otherwise the cost matrix.
     */
    static final class Solve implements ComputeEngine.Task<Shared, int[], PairDecomposition> {
        private static final long serialVersionUID = 1L;
        private final Solver solver;

        Solve(Solver solver) {
            this.solver = solver;
        }

        @Override
        public PairDecomposition apply(Shared shared, int[] pair) {
            int a = pair[0];
            int b = pair[1];
            CostMatrix cost = shared.cost(a, b);
            Transport t = shared.images() == null
                    ? solver.solve(OT.uniform(cost.rows()), OT.uniform(cost.cols()), cost)
                    : solver.solve(PointClouds.uniform(shared.images()[a], shared.counts()[a], shared.images()[b],
                            shared.counts()[b], shared.rank(), PointMetric.EUCLIDEAN));
            return PairDecomposition.of(t.plan(), cost, shared.groupOfCell()[a], shared.groupOfCell()[b],
                    shared.groups());
        }

        @Override
        public String describe(Shared shared, int[] pair) {
            return "samples '" + shared.ids()[pair[0]] + "' and '" + shared.ids()[pair[1]] + "'";
        }
    }
}
