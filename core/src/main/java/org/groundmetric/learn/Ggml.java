package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.ComputeEngine;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.LocalEngine;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.PrincipalComponents;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.Solver;

/**
 * Global Ground Metric Learning (Kühn &amp; Schaub, AISTATS 2025): learns W (k×D) so that exact
 * optimal-transport distances W_θ between samples, with ground cost ‖Wx − Wy‖ between cells,
 * satisfy the triplet constraints W_θ(X_i,X_j) + α ≤ W_θ(X_j,X_k) for samples i, j of one class
 * and k of another.
 *
 * <p>Differences from the reference code, on purpose: Adam's moments are kept across epochs (the
 * reference re-creates its optimiser every epoch), and by default W is optimised in standardised
 * coordinates ({@link FeatureScaling#STANDARDIZE}) so badly scaled features do not slow learning.
 * {@code featureScaling(NONE)} gives the paper's plain parametrisation.
 *
 * <p>Use: {@code new Ggml(config).train(cohort, listener)} gives a
 * {@link TrainedMetric}; {@link #fit(Cohort)} gives just the metric (the {@link MetricLearner} seam).
 */
public final class Ggml implements MetricLearner {
    private final GgmlConfig config;
    /** Where the transport problems of a batch run; null: threads of this JVM ({@link GgmlConfig#threads}). */
    private final ComputeEngine engine;
    /** How many steps old a pair's potentials may be to warm-start it; negative: never. */
    private final int startAge;
    /** The batch kept out of the metric; null: none. */
    private final BatchCorrection batches;

    /**
     * The learner with the solver the config names: {@link Solver#AUTO} (exact; equal-size samples
     * through an assignment warm-started from the pair's previous potentials, others through the
     * network simplex), another exact solver, or {@link Solver#SINKHORN}.
     */
    public Ggml(GgmlConfig config) {
        this(config, null, WarmStarts.MAX_AGE, null);
    }

    private Ggml(GgmlConfig config, ComputeEngine engine, int startAge, BatchCorrection batches) {
        this.config = config;
        this.engine = engine;
        this.startAge = startAge;
        this.batches = batches;
    }

    /**
     * The same learner keeping the batch named by {@code correction} out of the metric
     * ({@link BatchCorrection}); the cohort's samples must carry that annotation. Null: no correction.
     */
    public Ggml withBatches(BatchCorrection correction) {
        return new Ggml(config, engine, startAge, correction);
    }

    /**
     * The same learner solving each batch's transport problems on {@code engine} (e.g. Spark); the
     * learned W equals the local one for the same seed. The caller closes the engine.
     */
    public Ggml withEngine(ComputeEngine engine) {
        return new Ggml(config, engine, startAge, batches);
    }

    /**
     * The same learner warm-starting a pair only from potentials at most {@code maxAge} steps old
     * (default {@value WarmStarts#MAX_AGE}; negative: never). A speed setting for the exact solvers:
     * every solve is exact, so W is the same up to rounding (bench: org.groundmetric.bench.StartAgeCpu);
     * Sinkhorn stops at a tolerance, so its start moves W within that tolerance.
     */
    public Ggml withStartAge(int maxAge) {
        return new Ggml(config, engine, maxAge, batches);
    }

    /**
     * The warm starts the config's solver uses (none for the plain network simplex). Sinkhorn
     * starts from a pair's last potentials however old: a cold start costs it about three times
     * the sweeps of one from potentials many steps old (the assignment, whose old starts admit
     * many arcs, prefers a cold start past {@value WarmStarts#MAX_AGE} steps).
     */
    private WarmStarts warmStarts() {
        boolean enabled = config.solver() != Solver.NETWORK_SIMPLEX && startAge >= 0;
        boolean sinkhorn = config.solver() == Solver.SINKHORN;
        int age = sinkhorn && startAge == WarmStarts.MAX_AGE ? Integer.MAX_VALUE : Math.max(startAge, 0);
        return new WarmStarts(enabled, age, !sinkhorn);
    }

    public GgmlConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "GGML";
    }

    @Override
    public GroundMetric fit(Cohort cohort) {
        return train(cohort, TrainingListener.NONE).metric();
    }

    /**
     * Learns W on every sample of the cohort (all must carry a class label). With a summary in the
     * config, the samples are summarised first (once) and W is learned on their weighted centroids;
     * the feature scales and a principal-axes start still come from every cell.
     */
    public TrainedMetric train(Cohort cohort, TrainingListener listener) {
        return train(cohort, listener, config.epochs());
    }

    /**
     * The metric training starts from, W₀ = V₀·diag(s) ({@link GgmlConfig#init} from the seed, s the
     * feature scaling), as {@link #train} would step from it on this cohort; its history is empty. For
     * benchmarks and checks of the start: a trained model always takes at least one epoch.
     */
    public TrainedMetric start(Cohort cohort) {
        return train(cohort, TrainingListener.NONE, 0);
    }

    private TrainedMetric train(Cohort cohort, TrainingListener listener, int epochs) {
        List<CellMatrix> cells = new ArrayList<>();
        for (Sample s : cohort.samples()) {
            if (s.classLabel() == null) {
                throw new IllegalArgumentException("sample '" + s.id() + "' has no class label; GGML trains on"
                        + " labelled samples only (leave unlabelled ones out of the training cohort)");
            }
            cells.add(s.cells());
        }
        requireUniqueFeatureNames(cohort.featureNames());
        List<CellMatrix> points = cells;
        double[][] masses = new double[cohort.size()][];
        for (int s = 0; s < masses.length; s++) {
            masses[s] = cohort.sample(s).cellWeights();
        }
        if (config.summary() != null) {
            long summarising = System.nanoTime();
            Cohort summarised = config.summary().apply(cohort, config.threads());
            listener.samplesSummarised(cohort.size(), (System.nanoTime() - summarising) / 1e9);
            points = new ArrayList<>();
            for (int s = 0; s < masses.length; s++) {
                points.add(summarised.sample(s).cells());
                masses[s] = summarised.sample(s).cellWeights();
            }
        }
        int[] classOf = cohort.classIndices();
        TripletSampler sampler = new TripletSampler(classOf, cohort.classNames(), config.neighbours(),
                classWeight(config.classWeight(), batches));
        int d = cohort.featureCount();
        MetricForm form = config.form();
        int k = form.imageDimension(config.rank(), d);
        FeatureStatistics stats = FeatureStatistics.of(cells);
        double[] scale = new double[d];
        if (config.featureScaling() == FeatureScaling.STANDARDIZE) {
            scale = stats.inverseScales();
        } else {
            java.util.Arrays.fill(scale, 1);
        }
        BatchAware batchAware = batches == null ? null
                : BatchAware.of(batches, cohort, cells, classOf, scale, config.neighbours(), sampler.weight());
        Divergence divergence = new Divergence(cells, cohort.sampleIds(), scale, form.parameters(config.rank(), d) / d,
                config.learningRate());
        TrainingHistory history = new TrainingHistory();
        TrainingListener listeners = TrainingListener.all(history, listener);
        try (LocalEngine local = ComputeEngine.local(config.threads())) {
            TrainingCells training = new TrainingCells(points, masses, form, k, scale);
            PairTransports pairs = new PairTransports(engine != null ? engine : local, k, config.solver(),
                    config.sinkhornReg(), warmStarts());
            TripletObjective objective = new TripletObjective(training, config.alpha(), config.regulariser(),
                    config.lambda(), local, pairs);
            TrainingDistances distances = new TrainingDistances(training, local, pairs);
            double[] v = config.init() == Initialisation.PCA
                    ? principalAxesV(cells, scale, k, config.seed())
                    : uniformV(form.parameters(config.rank(), d) / d, d, config.seed());
            Adam adam = new Adam(v.length, config.learningRate(), config.beta1(), config.beta2(), config.epsilon());
            divergence.check(v, 0, 0, 0);
            BatchOrder order = config.batchOrder().resolve(sampler.random(new SplittableRandom(0)), classOf,
                    config.batchSize());
            for (int epoch = 1; epoch <= epochs; epoch++) {
                runEpoch(epoch, sampler, classOf, batchAware, order, objective, distances, adam, v, listeners,
                        divergence);
            }
            GgmlConfig used = config.toBuilder().classWeight(sampler.weight()).batchOrder(order).build(); // AUTO as resolved
            return new TrainedMetric(TrainedMetric.FORMAT_VERSION, form.kind().toString(), k,
                    form.weights(training.effectiveW(v), k), cohort.featureNames(), null,
                    cohort.classNames(), used, scale, history.epochs()).withBatches(batches);
        }
    }

    /**
     * The class weight training uses: {@link ClassWeight#AUTO} with a batch correction is
     * {@link ClassWeight#NONE}, since batch-aware triplets anchor every sample once (an explicit
     * {@link ClassWeight#BALANCED} is refused there); otherwise the weight as given.
     */
    public static ClassWeight classWeight(ClassWeight given, BatchCorrection batches) {
        return batches != null && given == ClassWeight.AUTO ? ClassWeight.NONE : given;
    }

    private void runEpoch(int epoch, TripletSampler sampler, int[] classOf, BatchAware batchAware, BatchOrder order,
                          TripletObjective objective, TrainingDistances distances, Adam adam, double[] v,
                          TrainingListener listener, Divergence divergence) {
        long start = System.nanoTime();
        SplittableRandom rng = new SplittableRandom(mix(config.seed(), epoch));
        boolean nearest = config.triplets() == TripletStrategy.NEAREST;
        List<Triplet> triplets = batchAware != null ? batchAware.triplets(nearest ? distances.of(v) : null, rng)
                : nearest ? sampler.nearest(distances.of(v), rng)
                : sampler.random(rng);
        triplets = order.arrange(triplets, classOf, rng);
        int batches = (triplets.size() + config.batchSize() - 1) / config.batchSize();
        listener.epochStarted(epoch, config.epochs(), triplets.size(), batches);
        double lossSum = 0;
        int active = 0;
        for (int b = 0; b < batches; b++) {
            List<Triplet> batch = triplets.subList(b * config.batchSize(),
                    Math.min(triplets.size(), (b + 1) * config.batchSize()));
            TripletObjective.Evaluation e = batchAware == null ? objective.evaluate(v, batch)
                    : batchAware.evaluate(objective, v, batch);
            double loss = e.loss();
            adam.step(v, e.gradient());
            divergence.check(v, loss, epoch, b + 1);
            lossSum += loss * batch.size();
            active += e.activeTriplets();
            listener.batchFinished(epoch, b + 1, batch.size(), loss);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        listener.epochFinished(new EpochRecord(epoch, lossSum / triplets.size(),
                (double) active / triplets.size(), seconds));
    }

    /** A model is applied to new data by feature name: two features of one name could be matched wrongly. */
    private static void requireUniqueFeatureNames(List<String> names) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            Integer first = seen.put(names.get(j), j);
            if (first != null) {
                throw new IllegalArgumentException("the feature name '" + names.get(j) + "' occurs twice (features "
                        + first + " and " + j + "); a model matches new data by feature name, so names must be"
                        + " unique (name genes by a column of unique ids, or make the names unique)");
            }
        }
    }

    /** V₀ (rows × D) with entries Uniform(−1, 1), as the reference (its diagonal form: one row). */
    static double[] uniformV(int k, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[k * d];
        for (int p = 0; p < v.length; p++) {
            v[p] = rng.nextDouble(-1, 1);
        }
        return v;
    }

    /**
     * V₀ whose rows are the top-k principal axes of the training cells in the optimisation
     * coordinates x⊙s, scaled to the expected row norm √(D/3) of the uniform start so that the two
     * start at the same overall size.
     */
    static double[] principalAxesV(List<CellMatrix> cells, double[] scale, int k, long seed) {
        int d = scale.length;
        int n = cells.stream().mapToInt(CellMatrix::rows).sum();
        if (k > Math.min(d, n)) {
            throw new IllegalParameterException("GgmlConfig.rank", "the principal-axes start (init pca) needs rank k = "
                    + k + " ≤ features D = " + d + " and ≤ training cells = " + n);
        }
        double[][] axes = PrincipalComponents.fit(cells, scale, k, seed).components();
        double norm = Math.sqrt(d / 3.0);
        double[] v = new double[k * d];
        for (int r = 0; r < k; r++) {
            boolean spans = false;
            for (int j = 0; j < d; j++) {
                v[r * d + j] = axes[r][j] * norm;
                spans |= axes[r][j] != 0;
            }
            if (!spans) {
                throw new IllegalParameterException("GgmlConfig.init", "the training cells span fewer than k = " + k
                        + " directions, too few for the principal-axes start (init pca); lower the rank or start at"
                        + " random (init random)");
            }
        }
        return v;
    }

    /** A per-epoch seed derived from the run's seed (SplitMix64 finaliser). */
    static long mix(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
