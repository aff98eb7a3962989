package org.groundmetric.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.groundmetric.predict.Vote;

/**
 * What {@link Benchmark#run} finds, at three levels: every fit (the held-out samples' class
 * probabilities and counts), every round (the fits' held-out samples pooled and scored as one
 * set) and every method (mean and spread over rounds).
 *
 * @param scheme     the protocol the rounds come from
 * @param vote       the kNN vote used for every method
 * @param classNames the cohort's classes, in the order of every probability and recall
 * @param methods    one per method, in the order given
 * @param fits       every fit of every method, in order
 */
public record BenchmarkResult(CrossValidation.Scheme scheme, Vote vote, List<String> classNames,
                              List<Method> methods, List<Fit> fits) {

    public BenchmarkResult {
        classNames = List.copyOf(classNames);
        methods = List.copyOf(methods);
        fits = List.copyOf(fits);
    }

    /**
     * One method fitted on one fit's training part and scored on its held-out samples.
     *
     * @param status        "ok", "OOT", "OOM" or "failed: reason"; the rest is empty unless ok
     * @param heldOut       sample indices (into the cohort) of the held-out samples
     * @param truth         their class indices
     * @param probabilities their kNN class probabilities (held-out × classes)
     * @param cellsCorrect  held-out cells the cell-level kNN classifies right, of {@code cellsTested}
     * @param samples       clustering of the held-out samples by W_θ (null with fewer than two)
     * @param cells         cell-level clustering (null when off or the cells cover one class)
     * @param alpha         the margin chosen by tuning (NaN when not tuned)
     * @param lambda        the regularisation weight chosen by tuning (NaN when not tuned)
     * @param batchSeparation {@link BatchSeparation} of the held-out samples' W_θ (NaN: not asked or undefined)
     * @param cellCorrect   for every held-out cell (cells of heldOut[0] first, in order), whether the
     *                      cell-level kNN classifies it right (empty when not recorded)
     */
    public record Fit(String method, int round, int index, String status, double fitSeconds, int[] heldOut,
                      int[] truth, double[][] probabilities, long cellsCorrect, long cellsTested,
                      ClusterScores samples, ClusterScores cells, double alpha, double lambda,
                      double batchSeparation, boolean[] cellCorrect) {

        /** Without the per-cell record. */
        public Fit(String method, int round, int index, String status, double fitSeconds, int[] heldOut,
                   int[] truth, double[][] probabilities, long cellsCorrect, long cellsTested,
                   ClusterScores samples, ClusterScores cells, double alpha, double lambda, double batchSeparation) {
            this(method, round, index, status, fitSeconds, heldOut, truth, probabilities, cellsCorrect, cellsTested,
                    samples, cells, alpha, lambda, batchSeparation, new boolean[0]);
        }

        public boolean ok() {
            return "ok".equals(status);
        }

        static Fit failed(String method, int round, int index, String status, double seconds) {
            return new Fit(method, round, index, status, seconds, new int[0], new int[0], new double[0][], 0, 0,
                    null, null, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * The pooled scores of one round of one method.
     *
     * @param patients     kNN of the held-out samples: accuracy, balanced accuracy, recall, AUC
     * @param cellAccuracy share of held-out cells classified right by the cell-level kNN
     * @param samples      mean clustering scores of the held-out samples over the round's fits (null: none)
     * @param cells        mean cell-level clustering scores over the round's fits (null: none)
     * @param fitSeconds   mean seconds per fit
     */
    public record Round(String method, int round, HeldOutScores patients, double cellAccuracy,
                        ClusterScores samples, ClusterScores cells, double fitSeconds) {

        /** Pools the fits of one round (all ok). */
        static Round pool(String method, int round, List<Fit> fits, int numClasses) {
            List<Integer> truth = new ArrayList<>();
            List<double[]> probabilities = new ArrayList<>();
            long correct = 0;
            long tested = 0;
            double seconds = 0;
            List<ClusterScores> samples = new ArrayList<>();
            List<ClusterScores> cells = new ArrayList<>();
            for (Fit f : fits) {
                for (int i = 0; i < f.heldOut().length; i++) {
                    truth.add(f.truth()[i]);
                    probabilities.add(f.probabilities()[i]);
                }
                correct += f.cellsCorrect();
                tested += f.cellsTested();
                seconds += f.fitSeconds();
                samples.add(f.samples());
                cells.add(f.cells());
            }
            HeldOutScores patients = HeldOutScores.of(truth.stream().mapToInt(Integer::intValue).toArray(),
                    probabilities.toArray(new double[0][]), numClasses);
            return new Round(method, round, patients, tested == 0 ? Double.NaN : (double) correct / tested,
                    mean(samples), mean(cells), seconds / fits.size());
        }

        public double balancedAccuracy() { return patients.balancedAccuracy(); }
        public double accuracy() { return patients.accuracy(); }
        public double auc() { return patients.auc(); }
        public double recall(int c) { return patients.recall(c); }
        public double mi() { return samples == null ? Double.NaN : samples.mutualInformation(); }
        public double ari() { return samples == null ? Double.NaN : samples.adjustedRandIndex(); }
        public double vi() { return samples == null ? Double.NaN : samples.variationOfInformation(); }
        public double cellMi() { return cells == null ? Double.NaN : cells.mutualInformation(); }
        public double cellAri() { return cells == null ? Double.NaN : cells.adjustedRandIndex(); }
        public double cellVi() { return cells == null ? Double.NaN : cells.variationOfInformation(); }

        private static ClusterScores mean(List<ClusterScores> scores) {
            List<ClusterScores> present = scores.stream().filter(s -> s != null).toList();
            if (present.isEmpty()) {
                return null;
            }
            double mi = 0;
            double ari = 0;
            double vi = 0;
            for (ClusterScores s : present) {
                mi += s.mutualInformation();
                ari += s.adjustedRandIndex();
                vi += s.variationOfInformation();
            }
            int n = present.size();
            return new ClusterScores(mi / n, ari / n, vi / n);
        }
    }

    /**
     * One method over the whole protocol.
     *
     * @param status     "ok", or the status of the fit that stopped it (then {@code rounds} is empty)
     * @param rounds     the pooled scores of every round
     * @param fitSeconds mean seconds per fit (of the fits run)
     */
    public record Method(String name, String status, List<Round> rounds, double fitSeconds) {
        public Method {
            rounds = List.copyOf(rounds);
        }

        public boolean ok() {
            return "ok".equals(status);
        }

        /** Mean of a score over the rounds where it is defined; NaN where it never is. */
        public double mean(ToDoubleFunction<Round> score) {
            return BenchmarkResult.mean(defined(score));
        }

        /** Population standard deviation (ddof = 0, numpy's default) over the rounds where it is defined. */
        public double std(ToDoubleFunction<Round> score) {
            return BenchmarkResult.std(defined(score));
        }

        private double[] defined(ToDoubleFunction<Round> score) {
            return rounds.stream().mapToDouble(score).filter(v -> !Double.isNaN(v)).toArray();
        }
    }

    /** The summary of the method with this name. */
    public Method method(String name) {
        for (Method m : methods) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no method '" + name + "' in this result; methods: "
                + methods.stream().map(Method::name).toList());
    }

    static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    /** Population standard deviation (numpy's default ddof = 0). */
    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return v.length == 0 ? Double.NaN : Math.sqrt(s / v.length);
    }
}
