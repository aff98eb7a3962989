package org.groundmetric.wasserstein;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.groundmetric.Progress;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.wasserstein.WassersteinMatrix;
import org.junit.jupiter.api.Test;

class WassersteinMatrixTest {

    @Test
    void pairwiseIsSymmetricWithZeroDiagonalAndMatchesSingleSolves() {
        List<Sample> samples = samples(new Random(41), 6, 3);
        FixedGroundMetric metric = FixedGroundMetric.parse("euclidean");
        CountingProgress progress = new CountingProgress();
        WassersteinMatrix w = WassersteinMatrix.pairwise(samples, metric, Solver.AUTO, 1, progress);
        assertEquals(15, progress.steps.get(), "each pair solved once");
        for (int i = 0; i < 6; i++) {
            assertEquals(0.0, w.get(i, i));
            for (int j = 0; j < 6; j++) {
                assertEquals(w.get(i, j), w.get(j, i));
            }
        }
        CostMatrix m = metric.cost(samples.get(1).cells(), samples.get(4).cells());
        assertEquals(OT.emd2(OT.uniform(m.rows()), OT.uniform(m.cols()), m), w.get(1, 4), 0);
        assertEquals(List.of("s0", "s1", "s2", "s3", "s4", "s5"), w.rowIds());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        List<Sample> samples = samples(new Random(42), 9, 4);
        ProjectedMetric metric = new TestProjection(new double[] {1, 0.5, 0, -1, 0, 2, 0.3, 0}, 2);
        double[][] one = WassersteinMatrix.pairwise(samples, metric, Solver.AUTO, 1, Progress.NONE).distances();
        double[][] three = WassersteinMatrix.pairwise(samples, metric, Solver.AUTO, 3, Progress.NONE).distances();
        for (int i = 0; i < 9; i++) {
            assertArrayEquals(one[i], three[i]);
        }
    }

    @Test
    void projectedMetricsBuildCostsInTheImage() {
        List<Sample> samples = samples(new Random(43), 3, 4);
        TestProjection metric = new TestProjection(new double[] {1, 0.5, 0, -1, 0, 2, 0.3, 0}, 2);
        WassersteinMatrix w = WassersteinMatrix.pairwise(samples, metric, Solver.AUTO, 2, Progress.NONE);
        CostMatrix m = metric.cost(samples.get(0).cells(), samples.get(2).cells());
        assertEquals(OT.emd2(OT.uniform(m.rows()), OT.uniform(m.cols()), m), w.get(0, 2), 1e-12);
    }

    @Test
    void betweenNewAndReferenceSamples() {
        List<Sample> all = samples(new Random(44), 5, 3);
        FixedGroundMetric metric = FixedGroundMetric.parse("cityblock");
        WassersteinMatrix full = WassersteinMatrix.pairwise(all, metric, Solver.AUTO, 2, Progress.NONE);
        WassersteinMatrix part = WassersteinMatrix.between(all.subList(0, 2), all.subList(2, 5), metric,
                Solver.AUTO, 2, Progress.NONE);
        assertEquals(List.of("s2", "s3", "s4"), part.columnIds());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(full.get(i, j + 2), part.get(i, j), 0);
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> WassersteinMatrix.between(List.of(), all, metric, Solver.AUTO, 1, Progress.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> WassersteinMatrix.pairwise(all, metric, Solver.AUTO, 0, Progress.NONE));
    }

    private static List<Sample> samples(Random rnd, int count, int dim) {
        List<Sample> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int cells = 10 + rnd.nextInt(20);
            float[][] x = new float[cells][dim];
            for (float[] row : x) {
                for (int d = 0; d < dim; d++) {
                    row[d] = (float) (rnd.nextGaussian() + s);
                }
            }
            out.add(Sample.of("s" + s, "c" + (s % 2), DenseMatrix.of(x)));
        }
        return out;
    }

    /** d(x, y) = ‖Wx − Wy‖ for a fixed k×D matrix W. */
    private record TestProjection(double[] w, int rank) implements ProjectedMetric {
        @Override public String name() {
            return "test";
        }

        @Override public double distance(float[] x, float[] y) {
            throw new UnsupportedOperationException("not used");
        }

        @Override public CostMatrix cost(CellMatrix x, CellMatrix y) {
            return Costs.pairwise(project(x), x.rows(), project(y), y.rows(), rank, PointMetric.EUCLIDEAN);
        }

        @Override public double[] project(CellMatrix cells) {
            return cells.projectRows(w, rank);
        }
    }

    private static final class CountingProgress implements Progress {
        final AtomicLong steps = new AtomicLong();

        @Override public void start(String task, long total) {
            assertTrue(total > 0);
        }

        @Override public void advance(long s, String detail) {
            steps.addAndGet(s);
        }

        @Override public void finish() {
        }
    }
}
