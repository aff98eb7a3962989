package org.groundmetric.learn;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.Representation;
import org.groundmetric.data.SampleSummary;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.ProjectedMetric;

/**
 * A learned ground metric and everything needed to reuse it: W, the features it acts on, the
 * preprocessing to replay on new data, the class names, the hyper-parameters and seed, and the
 * training history. Saved as JSON (schema in docs/model-format.md), readable with Python's json.load.
 *
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param kind          what the weights are ({@link ModelKind}): {@value #KIND} (W, k rows of D values) or
 *                      "diagonal" (one row w of D values ≥ 0)
 * @param rank          the coordinates of a cell's image: k rows of W, or D for a diagonal model
 * @param weights       the metric's weights as {@code kind} says, in the data's own units
 * @param featureNames  the D feature names, in W's column order
 * @param preprocessing the preprocessing to replay on new data before applying W (as fitted on the training data)
 * @param classNames    class labels seen in training
 * @param config        hyper-parameters, including the seed
 * @param featureScales s with W = V·diag(s), the optimisation coordinates (all 1 without scaling)
 * @param history       one record per epoch
 * @param reference     the training samples' ids, classes and projected cells, so the model alone can
 *                      predict new samples ({@code train --keep-reference}); null when not kept
 * @param representation when the features are the columns of an embedding (obsm) rather than genes:
 *                      its key and, when the file had them, its gene loadings; null for genes
 */
public record TrainedMetric(int formatVersion, String kind, int rank, double[][] weights, List<String> featureNames,
                            Preprocessing preprocessing, List<String> classNames, GgmlConfig config,
                            double[] featureScales, List<EpochRecord> history,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<ReferenceSample> reference,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Representation representation) {

    public static final int FORMAT_VERSION = 1;
    public static final String KIND = "low-rank-mahalanobis";

    public TrainedMetric {
        ModelChecks.require(formatVersion, kind, rank, weights, featureNames, preprocessing, classNames, featureScales,
                history, reference);
        if (representation != null) {
            representation.check();
        }
        if (preprocessing == null) {
            preprocessing = Preprocessing.NONE;
        }
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        history = history == null ? List.of() : List.copyOf(history);
        if (reference != null) {
            reference = List.copyOf(reference);
        }
    }

    /** A model without a kept reference (what training returns). */
    public TrainedMetric(int formatVersion, String kind, int rank, double[][] weights, List<String> featureNames,
                         Preprocessing preprocessing, List<String> classNames, GgmlConfig config,
                         double[] featureScales, List<EpochRecord> history) {
        this(formatVersion, kind, rank, weights, featureNames, preprocessing, classNames, config, featureScales,
                history, null, null);
    }

    /** A model on genes (no {@link Representation}). */
    public TrainedMetric(int formatVersion, String kind, int rank, double[][] weights, List<String> featureNames,
                         Preprocessing preprocessing, List<String> classNames, GgmlConfig config,
                         double[] featureScales, List<EpochRecord> history, List<ReferenceSample> reference) {
        this(formatVersion, kind, rank, weights, featureNames, preprocessing, classNames, config, featureScales,
                history, reference, null);
    }

    /** What the weights are: a low-rank W or a diagonal w. */
    public ModelKind modelKind() {
        return ModelKind.named(kind);
    }

    /**
     * The learned metric: d_W(x, y) = ‖Wx − Wy‖ ({@link org.groundmetric.metric.LowRankMahalanobis})
     * or ‖diag(w)(x − y)‖ ({@link org.groundmetric.metric.DiagonalMetric}), as the model's kind says.
     */
    public ProjectedMetric metric() {
        return modelKind().metric(rank, weights, featureNames.size());
    }

    /**
     * A with d(x, y) = ‖A(x − y)‖, rank × D: W itself, or diag(w) for a diagonal model (D × D, so
     * for few features only, e.g. a picture of the unit ball or a map composed with a PCA).
     */
    public double[][] linearMap() {
        return modelKind().linearMap(rank, weights, featureNames.size());
    }

    /** The k-dimensional image of a sample's cells (n×k row-major), as metric-learn's transform. */
    public double[] transform(CellMatrix cells) {
        return metric().project(cells);
    }

    /** This model with the preprocessing recorded (e.g. by the CLI, which knows the options used). */
    public TrainedMetric withPreprocessing(Preprocessing newPreprocessing) {
        return new TrainedMetric(formatVersion, kind, rank, weights, featureNames, newPreprocessing, classNames,
                config, featureScales, history, reference, representation);
    }

    /** This model recording that its features are an embedding's columns (e.g. by the CLI, which read the file). */
    public TrainedMetric withRepresentation(Representation newRepresentation) {
        return new TrainedMetric(formatVersion, kind, rank, weights, featureNames, preprocessing, classNames,
                config, featureScales, history, reference, newRepresentation);
    }

    /**
     * W read in genes: W itself (a diagonal model: its row w) when the features are genes,
     * back-projected through the model's PCA axes or an embedding's recorded loadings otherwise (a
     * diagonal model: diag(w) composed with them; {@link GeneLoadings}). Null when that
     * cannot be done: an embedding whose file had no loadings, or a PCA from a model file written
     * before the PCA recorded its genes (see {@link #geneLoadings(List)}).
     */
    public GeneLoadings geneLoadings() {
        return geneLoadings(null);
    }

    /**
     * As {@link #geneLoadings()}; {@code pcaGenes} names the genes of an older model's PCA (which
     * read them by position: the data's genes, after no gene filter), used only when it did not
     * record them.
     */
    public GeneLoadings geneLoadings(List<String> pcaGenes) {
        // a diagonal model's one row w is read in genes as it is; through a PCA or an embedding, its
        // map diag(w) is composed (D rows), as W is for a low-rank model
        boolean composed = preprocessingSteps().pcaComponents() != null || representation != null;
        return GeneLoadings.of(composed ? linearMap() : weights, featureNames, preprocessingSteps(), representation,
                pcaGenes);
    }

    /**
     * This model keeping its training samples' projected cells (or, for a model trained on
     * summarised samples, their projected centroids and masses), so that prediction needs no
     * training data ({@code train --keep-reference}).
     *
     * @param training the training cohort after preprocessing (the cohort W was learned on)
     */
    public TrainedMetric withReference(Cohort training) {
        requireFeatures(training);
        return new TrainedMetric(formatVersion, kind, rank, weights, featureNames, preprocessing, classNames,
                config, featureScales, history, ReferenceSample.project(summarised(training, 1), metric()), representation);
    }

    /** How the model summarises samples (the training's {@link GgmlConfig#summary}); null: cell by cell. */
    @JsonIgnore
    public SampleSummary summary() {
        return config == null ? null : config.summary();
    }

    /**
     * This model comparing samples cell by cell even though it was trained on summaries (the
     * command line's {@code --full-samples}): the summary is left out of its config, and a kept
     * reference of centroids is dropped (give the training cells instead). A model trained on
     * every cell is returned as it is.
     */
    public TrainedMetric withoutSummary() {
        if (summary() == null) {
            return this;
        }
        List<ReferenceSample> cells = reference == null || reference.stream().anyMatch(r -> r.weights() != null)
                ? null : reference;
        return new TrainedMetric(formatVersion, kind, rank, weights, featureNames, preprocessing, classNames,
                config.toBuilder().summary(null).build(), featureScales, history, cells, representation);
    }

    /**
     * Preprocessed samples as the model compares them: summarised as in training when the model
     * was trained on summaries, else unchanged.
     */
    public Cohort summarised(Cohort prepared, int threads) {
        return summary() == null ? prepared : summary().apply(prepared, threads);
    }

    /** True when the model file carries its reference samples. */
    public boolean hasReference() {
        return reference != null && !reference.isEmpty();
    }

    /** The preprocessing record to replay on new data ({@link Preprocessing#NONE} when none was recorded). */
    public Preprocessing preprocessingSteps() {
        return preprocessing == null ? Preprocessing.NONE : preprocessing;
    }

    /**
     * New data as the model sees it: checks that every gene the model needs is present (by name, in any
     * order), replays the recorded preprocessing (normalisation, gene selection, PCA; cell subsampling
     * with the same seed) and puts the features in the model's order. Samples smaller than the recorded
     * --cells-per-sample are kept whole and --min-cells is not applied: every new sample gets a prediction.
     *
     * @throws IllegalArgumentException when model genes are missing, saying how many and which
     */
    public Cohort prepare(Cohort raw, Consumer<String> warnings) {
        return prepare(raw, true, warnings);
    }

    /**
     * The k-dimensional image of every cell of a matrix (cells × the named features), after the
     * per-cell steps of the model's preprocessing (normalisation, gene selection, PCA). Samples play
     * no part: cells that training left out (subsampled away, or in no sample) are projected too.
     *
     * @return cells × k, in the matrix's row order
     */
    public DenseMatrix projectCells(CellMatrix cells, List<String> features, Consumer<String> warnings) {
        Cohort one = new Cohort(List.of(org.groundmetric.data.Sample.of("cells", null, cells)), features);
        CellMatrix prepared = prepare(one, false, warnings).sample(0).cells();
        double[] image = metric().project(prepared);
        float[] f = new float[image.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) image[i];
        }
        return new DenseMatrix(cells.rows(), rank, f);
    }

    private Cohort prepare(Cohort raw, boolean sampleCells, Consumer<String> warnings) {
        Preprocessing p = preprocessingSteps();
        List<String> needed = p.keptGenes() != null ? p.keptGenes() : p.pca() == null ? featureNames : null;
        if (needed != null && representation == null) { // an embedding's columns are checked as features below
            requireGenes(needed, raw.featureNames());
        }
        Preprocessing replay = new Preprocessing(null, sampleCells ? p.cellsPerSample() : null, true, p.seed(), p.normalize(),
                p.geneFilter(), p.pca(), p.keptGenes(), p.pcaMean(), p.pcaComponents());
        Cohort c = replay.apply(raw, warnings);
        if (p.keptGenes() == null && p.pca() == null && !c.featureNames().equals(featureNames)
                && new HashSet<>(c.featureNames()).containsAll(featureNames)) {
            c = reorder(c, featureNames);
        }
        requireFeatures(c);
        return c;
    }

    /** Refuses data that lacks genes the model needs. */
    private static void requireGenes(List<String> needed, List<String> available) {
        Set<String> have = new HashSet<>(available);
        List<String> missing = new ArrayList<>();
        for (String g : needed) {
            if (!have.contains(g)) {
                missing.add(g);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " of the " + needed.size() + " genes the model uses are"
                    + " missing from the data: " + head(missing) + "; the new data needs the model's genes (by var"
                    + " name; a gene-name column can rename them)");
        }
    }

    /** The cohort's features in the given order, by name. */
    private static Cohort reorder(Cohort c, List<String> order) {
        int[] cols = c.featureColumns(order);
        List<org.groundmetric.data.Sample> out = new ArrayList<>(c.size());
        for (org.groundmetric.data.Sample s : c.samples()) {
            out.add(s.withCells(s.cells().selectColumns(cols)));
        }
        return new Cohort(out, order);
    }

    /**
     * Refuses data whose features are not the model's, in the model's order.
     *
     * @throws IllegalArgumentException naming how many and which features differ
     */
    public void requireFeatures(List<String> dataFeatures) {
        if (dataFeatures.equals(featureNames)) {
            return;
        }
        Set<String> data = new HashSet<>(dataFeatures);
        Set<String> model = new HashSet<>(featureNames);
        List<String> missing = new ArrayList<>();
        for (String f : featureNames) {
            if (!data.contains(f)) {
                missing.add(f);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String f : dataFeatures) {
            if (!model.contains(f)) {
                extra.add(f);
            }
        }
        String what = missing.isEmpty() && extra.isEmpty()
                ? "the same " + featureNames.size() + " features appear in a different order"
                : missing.size() + " model features are missing from the data " + head(missing) + " and "
                        + extra.size() + " data features are not in the model " + head(extra);
        String fix = representation != null ? "the model reads the embedding obsm " + representation.key()
                + ": read the data's " + representation.key() + " as its features"
                : "apply the model's preprocessing (same gene selection) to the data first";
        throw new IllegalArgumentException("the model was trained on " + featureNames.size() + " features, the data has "
                + dataFeatures.size() + ": " + what + "; " + fix);
    }

    /** Same as {@link #requireFeatures(List)} for a cohort. */
    public void requireFeatures(Cohort cohort) {
        requireFeatures(cohort.featureNames());
    }

    private static String head(List<String> names) {
        List<String> shown = names.subList(0, Math.min(5, names.size()));
        return shown + (names.size() > 5 ? " (first 5)" : "");
    }

    /** Writes the model as JSON (atomically). */
    public void write(Path file) {
        ModelFile.write(this, file);
    }

    /**
     * Reads a model written by {@link #write(Path)}, checking it field by field, or the learned map an
     * AnnData {@code .h5ad} file carries in {@code uns["W_ggml"]} (written by ggml-ot or by
     * groundmetric's AnnData export; see {@link AnnDataModel}).
     *
     * @throws IllegalArgumentException in one line naming the file and the field at fault
     */
    public static TrainedMetric read(Path file) {
        return H5adReader.looksLikeHdf5(file) ? AnnDataModel.read(file) : ModelFile.read(file);
    }

    /** The model as the JSON text of its model file. */
    public String toJson() {
        return ModelFile.text(this);
    }

    /** W as k rows of length D from a row-major array. */
    static double[][] rows(double[] w, int k) {
        int d = w.length / k;
        double[][] out = new double[k][d];
        for (int r = 0; r < k; r++) {
            System.arraycopy(w, r * d, out[r], 0, d);
        }
        return out;
    }
}
