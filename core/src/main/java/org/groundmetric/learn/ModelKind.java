package org.groundmetric.learn;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.groundmetric.metric.DiagonalMetric;
import org.groundmetric.metric.LowRankMahalanobis;
import org.groundmetric.metric.ProjectedMetric;

/**
 * What a model file's {@code kind} says about its {@code weights}: their shape, what {@code rank}
 * means, the ground metric they make and whether their rows are axes (gene programmes). Every other
 * field of a model is the same for every kind, and so is everything downstream of the metric: each
 * kind gives a {@link ProjectedMetric}, so prediction, distances, embeddings and reports need not
 * know which kind they use. A new kind is one more constant here (docs/model-format.md).
 */
public enum ModelKind {
    /** d(x, y) = ‖Wx − Wy‖: {@code weights} is W, rank rows of D numbers; each row is an axis. */
    LOW_RANK_MAHALANOBIS("low-rank-mahalanobis") {
        @Override
        void checkWeights(int rank, double[][] weights, int features) {
            if (rank < 1) {
                throw new IllegalArgumentException("rank is " + rank + "; expected at least 1");
            }
            rows(weights, rank, "rank = " + rank);
            for (int r = 0; r < rank; r++) {
                ModelChecks.numbers("weights[" + r + "]", weights[r], features, "one per feature");
            }
        }

        @Override
        ProjectedMetric metric(int rank, double[][] weights, int features) {
            return new LowRankMahalanobis(rowMajor(rank, weights, features), rank);
        }

        @Override
        public int axes(int rank) {
            return rank;
        }

        @Override
        double[][] linearMap(int rank, double[][] weights, int features) {
            return weights;
        }
    },

    /**
     * d(x, y) = ‖diag(w)(x − y)‖: {@code weights} is one row w of D numbers ≥ 0, and rank is D (a
     * cell's image w ⊙ x has D coordinates); no axes: each feature is weighted on its own.
     */
    DIAGONAL("diagonal") {
        @Override
        void checkWeights(int rank, double[][] weights, int features) {
            if (rank != features) {
                throw new IllegalArgumentException("rank is " + rank + "; a diagonal model's rank is its number of"
                        + " features, " + features + " (each cell's image w ⊙ x has one coordinate per feature)");
            }
            rows(weights, 1, "one row, w (a diagonal model)");
            ModelChecks.numbers("weights[0]", weights[0], features, "one per feature");
            for (int f = 0; f < features; f++) {
                if (weights[0][f] < 0) {
                    throw new IllegalArgumentException("weights[0][" + f + "] is " + weights[0][f]
                            + "; a diagonal model's weights are ≥ 0");
                }
            }
        }

        @Override
        ProjectedMetric metric(int rank, double[][] weights, int features) {
            return new DiagonalMetric(weights[0]);
        }

        @Override
        public int axes(int rank) {
            return 0;
        }

        @Override
        double[][] linearMap(int rank, double[][] weights, int features) {
            double[][] a = new double[features][features];
            for (int f = 0; f < features; f++) {
                a[f][f] = weights[0][f];
            }
            return a;
        }
    },

    /**
     * A low-rank map ‖Wx − Wy‖ that another method learned, or the Euclidean metric as W = I
     * ({@code benchmark --save-models}, {@link MahalanobisModel}): weights and metric as
     * {@link #LOW_RANK_MAHALANOBIS}, without GGML's hyper-parameters.
     */
    MAHALANOBIS("mahalanobis") {
        @Override
        void checkWeights(int rank, double[][] weights, int features) {
            LOW_RANK_MAHALANOBIS.checkWeights(rank, weights, features);
        }

        /** Named for what it is, not "ggml": "euclidean" for W = I, else "mahalanobis(k=…)". */
        @Override
        ProjectedMetric metric(int rank, double[][] weights, int features) {
            boolean identity = rank == features;
            for (int r = 0; r < rank && identity; r++) {
                for (int f = 0; identity && f < features; f++) {
                    identity = weights[r][f] == (r == f ? 1 : 0);
                }
            }
            return new LowRankMahalanobis(rowMajor(rank, weights, features), rank,
                    identity ? "euclidean" : "mahalanobis(k=" + rank + ")");
        }

        @Override
        public int axes(int rank) {
            return rank;
        }

        @Override
        double[][] linearMap(int rank, double[][] weights, int features) {
            return weights;
        }
    };

    /** W's rows as one rank × D row-major array, as {@link LowRankMahalanobis} takes it. */
    private static double[] rowMajor(int rank, double[][] weights, int features) {
        double[] w = new double[rank * features];
        for (int r = 0; r < rank; r++) {
            System.arraycopy(weights[r], 0, w, r * features, features);
        }
        return w;
    }

    private final String spelling;

    ModelKind(String spelling) {
        this.spelling = spelling;
    }

    /**
     * The kind a model file names.
     *
     * @throws IllegalArgumentException for a kind this version does not read, listing those it does
     */
    public static ModelKind named(String kind) {
        for (ModelKind k : values()) {
            if (k.spelling.equals(kind)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind is " + (kind == null ? "missing" : "'" + kind + "'")
                + "; expected one of " + Arrays.stream(values()).map(ModelKind::toString).collect(Collectors.joining(", ")));
    }

    /** Refuses weights of the wrong shape or with numbers that are not finite (or, for this kind, not allowed). */
    abstract void checkWeights(int rank, double[][] weights, int features);

    /** The ground metric of checked weights. */
    abstract ProjectedMetric metric(int rank, double[][] weights, int features);

    /** A with d(x, y) = ‖A(x − y)‖, one row per image coordinate (for a diagonal model diag(w): D×D). */
    abstract double[][] linearMap(int rank, double[][] weights, int features);

    /** How many rows of {@code weights} are axes of the metric's image, each a signed gene programme. */
    public abstract int axes(int rank);

    private static void rows(double[][] weights, int expected, String what) {
        if (weights == null || weights.length != expected) {
            throw new IllegalArgumentException("weights has " + (weights == null ? "no" : weights.length)
                    + " rows; expected " + what);
        }
    }

    /** The spelling of the model file. */
    @Override
    public String toString() {
        return spelling;
    }
}
