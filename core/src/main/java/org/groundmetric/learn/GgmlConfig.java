package org.groundmetric.learn;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.data.SampleSummary;
import org.groundmetric.ot.Solver;

/**
 * Hyper-parameters of GGML. {@link #builder()} starts from the paper's settings. Model files
 * written before the British spelling name two of them "neighbors" and "regularizer"; they still read.
 *
 * @param rank           k, the rows of W (5)
 * @param neighbours     t, samples drawn per class for each anchor j (3)
 * @param alpha          α, the triplet margin (10)
 * @param lambda         λ, the regularisation weight (0.1)
 * @param regulariser    R (fro, the reference code's default)
 * @param learningRate   Adam's step size (0.01)
 * @param beta1          Adam's first-moment decay (0.9)
 * @param beta2          Adam's second-moment decay (0.999)
 * @param epsilon        Adam's ε (1e-8)
 * @param batchSize      triplets per step (128)
 * @param epochs         passes over freshly drawn triplets, at least 1 (30)
 * @param seed           drives W₀ and every triplet draw (0)
 * @param threads        threads for the transport problems of a batch; never changes the result (1)
 * @param triplets       random (the paper) or nearest (hard mining)
 * @param init           random (U(−1,1), the reference) or pca
 * @param featureScaling standardize (default) or none (the paper's plain parametrisation)
 * @param solver         the transport solver of the training pairs: {@link Solver#AUTO} (exact, the
 *                       fastest for each pair: a warm-started assignment for equal-size samples;
 *                       older files say "exact"), another exact one, or {@link Solver#SINKHORN}
 * @param sinkhornReg    sinkhorn's entropic regulariser as a fraction of each pair's mean cost (0.05),
 *                       as {@code emd --reg}
 * @param classWeight    how often each class anchors triplets: none (the paper), balanced, or auto
 *                       (balanced on imbalanced cohorts; a trained model records what it resolved to);
 *                       absent in model files written before it existed, read as none
 * @param batchOrder     how an epoch's triplets are cut into batches: random (the paper, the builder's default),
 *                       anchors (each anchor's triplets together: fewer transport problems, W differs)
 *                       or auto (the command line's; a trained model records what auto resolved to);
 *                       older files, which lack it, read as random
 * @param form           low-rank (W is k×D, the default) or diagonal (one weight per feature; rank unused);
 *                       model files without it are low-rank
 * @param summary        train on summarised samples (weighted centroids, {@link SampleSummary});
 *                       null: every cell (the paper)
 */
public record GgmlConfig(int rank, @JsonAlias("neighbors") int neighbours, double alpha, double lambda,
                         @JsonAlias("regularizer") Regulariser regulariser,
                         double learningRate, double beta1, double beta2, double epsilon, int batchSize,
                         int epochs, long seed, int threads, TripletStrategy triplets, Initialisation init,
                         FeatureScaling featureScaling, Solver solver, double sinkhornReg,
                         ClassWeight classWeight, BatchOrder batchOrder, MetricForm form,
                         @JsonInclude(JsonInclude.Include.NON_NULL) SampleSummary summary) {

    /** The most threads a pool of ours accepts (Java's ForkJoinPool refuses more than 32767). */
    public static final int MAX_THREADS = 32767;

    public GgmlConfig {
        if (batchOrder == null) {
            batchOrder = BatchOrder.RANDOM;
        }
        positive("rank", "rank k", rank);
        positive("neighbours", "neighbours t", neighbours);
        positive("batchSize", "batch size", batchSize);
        positive("epochs", "epochs", epochs);
        positive("threads", "threads", threads);
        if (threads > MAX_THREADS) {
            throw new IllegalParameterException("GgmlConfig.threads", "threads = " + threads + " is more than a thread"
                    + " pool holds (" + MAX_THREADS + ")");
        }
        nonNegative("alpha", "margin alpha", alpha);
        nonNegative("lambda", "regularisation lambda", lambda);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalParameterException("GgmlConfig.learningRate", "learning rate = " + learningRate
                    + "; expected a finite number > 0 (the paper uses 0.01)");
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalParameterException("GgmlConfig.beta1", "Adam betas (" + beta1 + ", " + beta2
                    + ") must lie in [0, 1)");
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalParameterException("GgmlConfig.epsilon", "Adam epsilon = " + epsilon
                    + "; expected a finite number > 0");
        }
        if (regulariser == null || triplets == null || init == null || featureScaling == null || solver == null) {
            throw new IllegalArgumentException("regulariser, triplets, init, featureScaling and solver must be set");
        }
        if (form == null) {
            form = MetricForm.LOW_RANK; // files written before the diagonal form
        }
        if (form == MetricForm.DIAGONAL && init == Initialisation.PCA) {
            throw new IllegalParameterException("GgmlConfig.init", "the diagonal form has one weight per feature and"
                    + " no axes to start from principal axes (init pca); start at random (init random)");
        }
        if (!(sinkhornReg > 0) || !Double.isFinite(sinkhornReg)) {
            throw new IllegalParameterException("GgmlConfig.sinkhornReg", "sinkhorn regularisation = " + sinkhornReg
                    + "; expected a finite number > 0");
        }
        if (classWeight == null) {
            classWeight = ClassWeight.NONE;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.rank = rank;
        b.neighbours = neighbours;
        b.alpha = alpha;
        b.lambda = lambda;
        b.regulariser = regulariser;
        b.learningRate = learningRate;
        b.beta1 = beta1;
        b.beta2 = beta2;
        b.epsilon = epsilon;
        b.batchSize = batchSize;
        b.epochs = epochs;
        b.seed = seed;
        b.threads = threads;
        b.triplets = triplets;
        b.init = init;
        b.featureScaling = featureScaling;
        b.solver = solver;
        b.sinkhornReg = sinkhornReg;
        b.classWeight = classWeight;
        b.batchOrder = batchOrder;
        b.form = form;
        b.summary = summary;
        return b;
    }

    private static void positive(String parameter, String what, int v) {
        if (v <= 0) {
            throw new IllegalParameterException("GgmlConfig." + parameter, what + " = " + v + "; expected at least 1");
        }
    }

    private static void nonNegative(String parameter, String what, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalParameterException("GgmlConfig." + parameter, what + " = " + v
                    + "; expected a finite number ≥ 0");
        }
    }

    /** Defaults are the paper's (and its reference code's) settings. */
    public static final class Builder {
        private int rank = 5;
        private int neighbours = 3;
        private double alpha = 10;
        private double lambda = 0.1;
        private Regulariser regulariser = Regulariser.FRO;
        private double learningRate = 0.01;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private int batchSize = 128;
        private int epochs = 30;
        private long seed = 0;
        private int threads = 1;
        private TripletStrategy triplets = TripletStrategy.RANDOM;
        private Initialisation init = Initialisation.RANDOM;
        private FeatureScaling featureScaling = FeatureScaling.STANDARDIZE;
        private Solver solver = Solver.AUTO;
        private double sinkhornReg = 0.05;
        private ClassWeight classWeight = ClassWeight.NONE;
        private BatchOrder batchOrder = BatchOrder.RANDOM;
        private MetricForm form = MetricForm.LOW_RANK;
        private SampleSummary summary;

        public Builder rank(int v) { rank = v; return this; }
        public Builder neighbours(int v) { neighbours = v; return this; }
        public Builder alpha(double v) { alpha = v; return this; }
        public Builder lambda(double v) { lambda = v; return this; }
        public Builder regulariser(Regulariser v) { regulariser = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder beta1(double v) { beta1 = v; return this; }
        public Builder beta2(double v) { beta2 = v; return this; }
        public Builder epsilon(double v) { epsilon = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder triplets(TripletStrategy v) { triplets = v; return this; }
        public Builder init(Initialisation v) { init = v; return this; }
        public Builder featureScaling(FeatureScaling v) { featureScaling = v; return this; }
        public Builder solver(Solver v) { solver = v; return this; }
        public Builder sinkhornReg(double v) { sinkhornReg = v; return this; }
        public Builder classWeight(ClassWeight v) { classWeight = v; return this; }
        public Builder batchOrder(BatchOrder v) { batchOrder = v; return this; }
        public Builder form(MetricForm v) { form = v; return this; }
        public Builder summary(SampleSummary v) { summary = v; return this; }

        public GgmlConfig build() {
            return new GgmlConfig(rank, neighbours, alpha, lambda, regulariser, learningRate, beta1, beta2,
                    epsilon, batchSize, epochs, seed, threads, triplets, init, featureScaling, solver, sinkhornReg,
                    classWeight, batchOrder, form, summary);
        }
    }
}
