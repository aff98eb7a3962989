package org.groundmetric.eval;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.ComputeEngine;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.Solver;
import org.groundmetric.wasserstein.WassersteinMatrix;

/**
 * Whether the classes of a cohort really differ under a metric: {@link Permanova} on the W_θ matrix,
 * over all classes and for every pair of classes. A metric learned on the same samples has seen
 * their labels, so its p-value is optimistic; {@link #heldOut} instead re-learns the metric on K−1
 * class-stratified folds and tests on the held-out fold's distances only, every fold a block of
 * the test (labels shuffled within each).
 */
public final class Significance {

    /** The test on all classes and on each pair of classes (in class order). */
    public record Report(Permanova.Result overall, List<PairResult> pairs, int folds) {
    }

    /** One pair of classes; its result is null when no block holds both with a spare sample. */
    public record PairResult(String first, String second, Permanova.Result result) {
    }

    /** Distance blocks (one per fold, or the whole matrix) and the class index of each block's samples. */
    record Blocks(List<double[][]> distances, List<int[]> classes) {
    }

    private Significance() {
    }

    /** The test on the W_θ matrix of the whole cohort under a fixed (or already learned) metric. */
    public static Report of(Cohort cohort, GroundMetric metric, int permutations, long seed, ComputeEngine engine,
                            Progress progress) {
        WassersteinMatrix d = WassersteinMatrix.pairwise(cohort.samples(), metric, Solver.AUTO, engine, progress);
        return test(new Blocks(List.<double[][]>of(d.distances()), List.<int[]>of(cohort.classIndices())), cohort.classNames(),
                permutations, seed, 1);
    }

    /**
     * The honest test: for each of {@code folds} class-stratified folds ({@link CrossValidation#kFold}),
     * the metric is learned on the other folds and W_θ computed among the fold's own samples only.
     */
    public static Report heldOut(Cohort cohort, MetricLearner learner, int folds, int permutations, long seed,
                                 ComputeEngine engine, Progress progress) {
        int[] classOf = cohort.classIndices();
        int[] sizes = new int[cohort.classNames().size()];
        for (int c : classOf) {
            sizes[c]++;
        }
        for (int c = 0; c < sizes.length; c++) {
            if (sizes[c] < folds) {
                throw new IllegalParameterException("Significance.folds", "class '" + cohort.classNames().get(c)
                        + "' has " + sizes[c] + " samples, fewer than the " + folds + " folds; every held-out fold"
                        + " needs each class (use fewer folds)");
            }
        }
        List<double[][]> distances = new ArrayList<>();
        List<int[]> classes = new ArrayList<>();
        for (GroupShuffleSplit.Split fold : CrossValidation.kFold(cohort, folds, 1, 0, seed).rounds().get(0).fits()) {
            GroundMetric metric = learner.fit(cohort.subset(fold.train()));
            Cohort held = cohort.subset(fold.test());
            distances.add(WassersteinMatrix.pairwise(held.samples(), metric, Solver.AUTO, engine, progress)
                    .distances());
            classes.add(classesOf(classOf, fold.test()));
        }
        return test(new Blocks(distances, classes), cohort.classNames(), permutations, seed, folds);
    }

    private static int[] classesOf(int[] classOf, int[] samples) {
        int[] c = new int[samples.length];
        for (int a = 0; a < c.length; a++) {
            c[a] = classOf[samples[a]];
        }
        return c;
    }

    private static Report test(Blocks blocks, List<String> classNames, int permutations, long seed, int folds) {
        Permanova.Result overall = Permanova.test(blocks.distances().toArray(new double[0][][]),
                blocks.classes().toArray(new int[0][]), permutations, seed);
        List<PairResult> pairs = new ArrayList<>();
        for (int a = 0; a < classNames.size(); a++) {
            for (int b = a + 1; b < classNames.size(); b++) {
                pairs.add(new PairResult(classNames.get(a), classNames.get(b), pair(blocks, a, b, permutations, seed)));
            }
        }
        return new Report(overall, pairs, folds);
    }

    /** The test restricted to classes a and b, on the blocks that hold both and more than two samples. */
    private static Permanova.Result pair(Blocks blocks, int a, int b, int permutations, long seed) {
        List<double[][]> distances = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        for (int k = 0; k < blocks.distances().size(); k++) {
            int[] classes = blocks.classes().get(k);
            int[] keep = java.util.stream.IntStream.range(0, classes.length)
                    .filter(s -> classes[s] == a || classes[s] == b).toArray();
            long inA = java.util.Arrays.stream(keep).filter(s -> classes[s] == a).count();
            if (inA == 0 || inA == keep.length || keep.length < 3) {
                continue;
            }
            double[][] full = blocks.distances().get(k);
            double[][] d = new double[keep.length][keep.length];
            int[] g = new int[keep.length];
            for (int i = 0; i < keep.length; i++) {
                g[i] = classes[keep[i]] == a ? 0 : 1;
                for (int j = 0; j < keep.length; j++) {
                    d[i][j] = full[keep[i]][keep[j]];
                }
            }
            distances.add(d);
            groups.add(g);
        }
        return distances.isEmpty() ? null
                : Permanova.test(distances.toArray(new double[0][][]), groups.toArray(new int[0][]), permutations, seed);
    }
}
