package org.groundmetric.baseline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.LowRankMahalanobis;
import org.groundmetric.metric.MetricLearner;

/**
 * A global metric learner (LMNN, NCA, ITML, LFDA) behind the {@link MetricLearner} seam, as the
 * paper uses them: trained on cells labelled with their sample's class (at most
 * {@code cellsPerSample} cells per sample, a seeded subsample, since these methods scale with the
 * square of the number of points), then reduced from the full-rank Mahalanobis matrix M to a rank-k
 * map W by pivoted Cholesky (WᵀW ≈ M), and served as the ground metric ‖Wx − Wy‖.
 *
 * <p>Each fit gets a fresh {@link Budget} of {@code timeBudget}: a learner that runs past it throws
 * {@link Budget.OutOfTimeException}, one whose memory estimate exceeds the heap throws
 * {@link Budget.OutOfMemoryBudgetException}; the benchmark reports them as OOT and OOM.
 */
public final class BaselineLearner implements MetricLearner {

    /** Fits M from labelled points within a budget. */
    @FunctionalInterface
    public interface Fitter {
        Mahalanobis fit(LabelledPoints points, Budget budget);
    }

    /** Settings shared by the baselines of a benchmark run. */
    public record Settings(int rank, int cellsPerSample, Duration timeBudget, long seed) {
        public Settings {
            if (rank < 1) {
                throw new IllegalArgumentException("rank k must be at least 1, got " + rank);
            }
            if (cellsPerSample < 0) {
                throw new IllegalArgumentException("cells per sample must be ≥ 0 (0 = all), got " + cellsPerSample);
            }
        }
    }

    private final String name;
    private final Fitter fitter;
    private final Settings settings;

    public BaselineLearner(String name, Fitter fitter, Settings settings) {
        this.name = name;
        this.fitter = fitter;
        this.settings = settings;
    }

    /** The baseline of that name (LMNN, NCA, ITML, LFDA; any case) with metric-learn's defaults. */
    public static BaselineLearner named(String name, Settings settings) {
        switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "LMNN":
                return new BaselineLearner("LMNN", (p, b) -> new Lmnn().fit(p, b), settings);
            case "NCA":
                return new BaselineLearner("NCA", (p, b) -> new Nca().fit(p, b), settings);
            case "ITML":
                return new BaselineLearner("ITML", (p, b) -> new Itml(settings.seed()).fit(p, b), settings);
            case "LFDA":
                return new BaselineLearner("LFDA", (p, b) -> new Lfda().fit(p, b), settings);
            default:
                throw new IllegalArgumentException("unknown baseline '" + name + "'; expected LMNN, NCA, ITML or LFDA");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GroundMetric fit(Cohort cohort) {
        Budget budget = Budget.of(settings.timeBudget());
        LabelledPoints points = cells(cohort, settings.cellsPerSample(), settings.seed(), budget);
        Mahalanobis m = fitter.fit(points, budget);
        PivotedCholesky w = PivotedCholesky.of(m, settings.rank(), 1e-12);
        if (w.rows() == 0) {
            throw new IllegalStateException(name + " learned M = 0, which separates nothing");
        }
        return new LowRankMahalanobis(w.w(), w.rows());
    }

    /** Every sample's cells (at most {@code cellsPerSample}, seeded; 0 = all) labelled with its class index. */
    public static LabelledPoints cells(Cohort cohort, int cellsPerSample, long seed, Budget budget) {
        List<String> classes = cohort.classNames();
        int d = cohort.featureCount();
        SplittableRandom root = new SplittableRandom(seed);
        List<int[]> chosen = new ArrayList<>();
        long total = 0;
        for (Sample s : cohort.samples()) {
            SplittableRandom rng = root.split();
            int n = s.cellCount();
            int take = cellsPerSample == 0 ? n : Math.min(cellsPerSample, n);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            for (int i = 0; i < take; i++) { // partial Fisher–Yates: the first take are a uniform subset
                int j = i + rng.nextInt(n - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            int[] rows = java.util.Arrays.copyOf(idx, take);
            java.util.Arrays.sort(rows);
            chosen.add(rows);
            total += take;
        }
        budget.requireMemory(Budget.doubles(total, d), total + " cells × " + d + " features for the baselines");
        double[] x = new double[(int) (total * d)];
        int[] y = new int[(int) total];
        int o = 0;
        for (int s = 0; s < cohort.size(); s++) {
            Sample sample = cohort.sample(s);
            if (sample.classLabel() == null) {
                throw new IllegalArgumentException("sample '" + sample.id() + "' has no class label; the baselines"
                        + " train on labelled samples only");
            }
            int label = classes.indexOf(sample.classLabel());
            CellMatrix cells = sample.cells();
            for (int r : chosen.get(s)) {
                float[] row = cells.row(r);
                for (int j = 0; j < d; j++) {
                    x[o * d + j] = row[j];
                }
                y[o++] = label;
            }
        }
        return new LabelledPoints(x, (int) total, d, y, classes.size());
    }
}
