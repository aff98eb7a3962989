package org.groundmetric.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.groundmetric.Progress;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.CostMatrix;

/**
 * The paper's cell-level clustering scores (Table 2, appendix A.2): agglomerative clustering of
 * cells under a ground metric, the tree cut where merges pass the median pairwise distance
 * ({@link HierarchicalClustering#cutAtMedianDistance}), scored against the class of each cell's
 * sample (MI, ARI, VI; {@link ClusterScores}).
 *
 * <p>Cells: every cell of the given samples except those of modes shared by all classes (a cell
 * annotation {@value #MODE_KEY} whose value starts with {@value #SHARED_PREFIX}, as the synthetic
 * cohorts write it; the paper leaves them out), then a seeded uniform subsample of at most
 * {@code maxCells}: the distances take maxCells² doubles and the clustering O(maxCells²) time.
 *
 * @param maxCells most cells clustered (the default {@value #DEFAULT_MAX_CELLS} costs 32 MB and
 *                 about a second per clustering)
 * @param linkage  how merged clusters' distances are defined
 * @param seed     drives the subsample (with a stream number, so every method sees the same cells)
 */
public record CellClustering(int maxCells, HierarchicalClustering.Method linkage, long seed) {

    public static final int DEFAULT_MAX_CELLS = 2000;
    public static final String MODE_KEY = "mode";
    public static final String SHARED_PREFIX = "shared";

    public CellClustering {
        if (maxCells < 2 || maxCells > HierarchicalClustering.MAX_POINTS) {
            throw new IllegalArgumentException("cells to cluster must be 2.." + HierarchicalClustering.MAX_POINTS
                    + ", got " + maxCells);
        }
    }

    /**
     * Clusters the chosen cells of the samples and scores them against the samples' classes.
     *
     * @param stream   which subsample (the same stream gives the same cells for every metric)
     * @param progress receives the share of distance rows done as a detail (its count is untouched)
     * @return null when the chosen cells cover fewer than two classes (nothing to separate)
     */
    public ClusterScores score(List<Sample> samples, int[] sampleClass, GroundMetric metric, long stream,
                               Progress progress) {
        int[][] rows = chooseCells(samples, new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (stream + 1)));
        int total = 0;
        java.util.BitSet classesSeen = new java.util.BitSet();
        for (int s = 0; s < samples.size(); s++) {
            total += rows[s].length;
            if (rows[s].length > 0) {
                classesSeen.set(sampleClass[s]);
            }
        }
        if (classesSeen.cardinality() < 2) {
            return null;
        }
        int[] truth = new int[total];
        int[] offset = new int[samples.size()];
        CellMatrix[] cells = new CellMatrix[samples.size()];
        for (int s = 0, o = 0; s < samples.size(); s++) {
            offset[s] = o;
            Arrays.fill(truth, o, o + rows[s].length, sampleClass[s]);
            o += rows[s].length;
            cells[s] = rows[s].length > 0 ? samples.get(s).cells().selectRows(rows[s]) : null;
        }
        double[][] d = new double[total][total];
        for (int a = 0; a < samples.size(); a++) {
            if (cells[a] == null) {
                continue;
            }
            for (int b = a; b < samples.size(); b++) {
                if (cells[b] != null) {
                    fill(d, metric.cost(cells[a], cells[b]), offset[a], offset[b], a == b);
                }
            }
            progress.advance(0, String.format(Locale.ROOT, "clustering %d cells: distances %d%%", total,
                    100 * (offset[a] + rows[a].length) / total));
        }
        progress.advance(0, "clustering " + total + " cells: linkage");
        return ClusterScores.of(truth, HierarchicalClustering.cutAtMedianDistance(d, linkage));
    }

    /** Per sample, the rows chosen (ascending). */
    int[][] chooseCells(List<Sample> samples, SplittableRandom rng) {
        List<long[]> eligible = new ArrayList<>();
        for (int s = 0; s < samples.size(); s++) {
            List<String> modes = samples.get(s).cellAnnotations().get(MODE_KEY);
            for (int r = 0; r < samples.get(s).cellCount(); r++) {
                if (modes == null || modes.get(r) == null || !modes.get(r).startsWith(SHARED_PREFIX)) {
                    eligible.add(new long[] {s, r});
                }
            }
        }
        int m = Math.min(maxCells, eligible.size());
        for (int a = 0; a < m && m < eligible.size(); a++) {
            int b = a + rng.nextInt(eligible.size() - a);
            long[] t = eligible.get(a);
            eligible.set(a, eligible.get(b));
            eligible.set(b, t);
        }
        int[] counts = new int[samples.size()];
        for (int a = 0; a < m; a++) {
            counts[(int) eligible.get(a)[0]]++;
        }
        int[][] rows = new int[samples.size()][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = new int[counts[s]];
        }
        int[] fill = new int[samples.size()];
        for (int a = 0; a < m; a++) {
            int s = (int) eligible.get(a)[0];
            rows[s][fill[s]++] = (int) eligible.get(a)[1];
        }
        for (int[] r : rows) {
            Arrays.sort(r);
        }
        return rows;
    }

    private static void fill(double[][] d, CostMatrix block, int rowOffset, int colOffset, boolean diagonal) {
        for (int i = 0; i < block.rows(); i++) {
            for (int j = 0; j < block.cols(); j++) {
                double v = diagonal && i == j ? 0 : block.get(i, j);
                d[rowOffset + i][colOffset + j] = v;
                d[colOffset + j][rowOffset + i] = v;
            }
        }
    }
}
