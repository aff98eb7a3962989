package org.groundmetric.eval;

import java.util.List;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.neighbours.KdTree;
import org.groundmetric.neighbours.Neighbours;

/**
 * Cell-level kNN (paper, Table 1's cell columns): every test cell is classified by a uniform vote
 * of its {@code cellK} nearest training cells under the ground metric d_θ itself, each training
 * cell labelled with its sample's class. The cells are embedded so that an exact k-d tree search
 * gives the metric's neighbours: a learned metric's k-dim image X·Wᵀ (Euclidean), raw features for
 * Euclidean / squared Euclidean, Manhattan in raw features, and unit-length rows for cosine
 * (Euclidean distance between unit vectors orders pairs as cosine distance does).
 */
public final class CellKnn {
    private CellKnn() {
    }

    /** Fraction of test cells whose predicted class is their sample's class. */
    public static double accuracy(GroundMetric metric, List<Sample> train, int[] trainClass, List<Sample> test,
                                  int[] testClass, int numClasses, int cellK) {
        long cells = 0;
        for (Sample s : test) {
            cells += s.cellCount();
        }
        return (double) correct(metric, train, trainClass, test, testClass, numClasses, cellK) / cells;
    }

    /** Number of test cells whose predicted class is their sample's class (to pool over fits). */
    public static long correct(GroundMetric metric, List<Sample> train, int[] trainClass, List<Sample> test,
                               int[] testClass, int numClasses, int cellK) {
        long correct = 0;
        for (boolean c : correctCells(metric, train, trainClass, test, testClass, numClasses, cellK)) {
            correct += c ? 1 : 0;
        }
        return correct;
    }

    /**
     * For every test cell (cells of test sample 0 first, in their order), whether its vote predicts
     * its sample's class (the paper's Fig. 3 keeps the cells right in at least 90 % of the splits).
     */
    public static boolean[] correctCells(GroundMetric metric, List<Sample> train, int[] trainClass, List<Sample> test,
                                         int[] testClass, int numClasses, int cellK) {
        int[] predicted = predict(metric, train, trainClass, test, testClass, numClasses, cellK);
        boolean[] out = new boolean[predicted.length];
        int q = 0;
        for (int s = 0; s < test.size(); s++) {
            for (int c = 0; c < test.get(s).cellCount(); c++, q++) {
                out[q] = predicted[q] == testClass[s];
            }
        }
        return out;
    }

    /**
     * The class every test cell's vote predicts (cells of test sample 0 first): the most common class
     * among its {@code cellK} nearest training cells, ties to the lowest class index.
     */
    public static int[] predict(GroundMetric metric, List<Sample> train, int[] trainClass, List<Sample> test,
                                int[] testClass, int numClasses, int cellK) {
        if (cellK < 1) {
            throw new IllegalArgumentException("cell-level k must be at least 1, got " + cellK);
        }
        Embedded tr = embed(metric, train, trainClass);
        Embedded te = embed(metric, test, testClass);
        int k = Math.min(cellK, tr.n);
        Neighbours nb = new KdTree(tr.points, tr.n, tr.dim, tr.distance).query(te.points, te.n, k);
        int[] votes = new int[numClasses];
        int[] predicted = new int[te.n];
        for (int q = 0; q < te.n; q++) {
            java.util.Arrays.fill(votes, 0);
            for (int j = 0; j < k; j++) {
                votes[tr.labels[nb.index(q, j)]]++;
            }
            int best = 0;
            for (int c = 1; c < numClasses; c++) {
                if (votes[c] > votes[best]) {
                    best = c;
                }
            }
            predicted[q] = best;
        }
        return predicted;
    }

    private record Embedded(double[] points, int n, int dim, int[] labels, KdTree.Distance distance) { }

    private static Embedded embed(GroundMetric metric, List<Sample> samples, int[] classes) {
        int n = 0;
        for (Sample s : samples) {
            n += s.cellCount();
        }
        int dim;
        KdTree.Distance distance = KdTree.Distance.EUCLIDEAN;
        boolean unit = false;
        if (metric instanceof ProjectedMetric pm) {
            dim = pm.rank();
        } else if (metric instanceof FixedGroundMetric f) {
            dim = samples.get(0).cells().cols();
            switch (f.metric()) {
                case CITYBLOCK -> distance = KdTree.Distance.MANHATTAN;
                case COSINE -> unit = true;
                default -> { }
            }
        } else {
            throw new IllegalArgumentException("cell-level kNN needs a learned low-rank metric or a fixed metric,"
                    + " not " + metric.name());
        }
        double[] points = new double[Math.multiplyExact(n, dim)];
        int[] labels = new int[n];
        int o = 0;
        for (int s = 0; s < samples.size(); s++) {
            CellMatrix cells = samples.get(s).cells();
            double[] block = metric instanceof ProjectedMetric pm ? pm.project(cells) : null;
            for (int r = 0; r < cells.rows(); r++) {
                if (block != null) {
                    System.arraycopy(block, r * dim, points, o * dim, dim);
                } else {
                    float[] row = cells.row(r);
                    double norm = 0;
                    for (int j = 0; j < dim; j++) {
                        norm += (double) row[j] * row[j];
                    }
                    double scale = unit && norm > 0 ? 1 / Math.sqrt(norm) : 1;
                    for (int j = 0; j < dim; j++) {
                        points[o * dim + j] = row[j] * scale;
                    }
                }
                labels[o++] = classes[s];
            }
        }
        return new Embedded(points, n, dim, labels, distance);
    }
}
