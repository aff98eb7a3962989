package org.groundmetric.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.groundmetric.data.Representation;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.learn.EpochRecord;
import org.groundmetric.learn.GeneLoadings;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.linalg.DenseMatrix;

/**
 * A trained metric's results added to an AnnData under the keys of ggml-ot, the paper authors'
 * package, so a scanpy user moves between the two tools:
 * <ul>
 *   <li>{@code obsm["X_ggml"]}: the k-dimensional image of every cell (its Euclidean distances are the
 *       learned metric), so {@code sc.pl.embedding(adata, "X_ggml")} and neighbour graphs use it;</li>
 *   <li>{@code varm["W_ggml"]}: the map in genes, genes × k on the var rows (zeros for genes the model
 *       does not read; a diagonal model: its w, genes × 1); after a PCA, or on an embedding with gene
 *       loadings, back-projected (W·L)ᵀ (a diagonal model: (diag(w)·L)ᵀ);</li>
 *   <li>{@code uns["W_ggml"]}: W itself, k × D (float64; a diagonal model: diag(w), D × D, so that
 *       ‖W(x − y)‖ is its distance as for ggml-ot's W), acting on the features the model reads: the
 *       genes, the embedding {@code obsm[use_rep]}, or the model's own principal components;</li>
 *   <li>{@code uns["ggml_params"]}: ggml-ot's dataset settings, as far as they have a counterpart:
 *       patient_col, label_col, n_cells, n_triplets and (for an embedding) use_rep;</li>
 *   <li>{@code uns["groundmetric"]}: ours: every hyper-parameter, the preprocessing, features,
 *       classes, training loss, gene importance, and the model file itself ({@code model}, JSON), so
 *       the file can be given back as {@code --model}.</li>
 * </ul>
 */
public final class GgmlAnnData {

    public static final String OBSM_KEY = "X_ggml";
    public static final String VARM_KEY = "W_ggml";
    public static final String MAP_KEY = "W_ggml";
    public static final String PARAMS_KEY = "ggml_params";
    public static final String UNS_KEY = "groundmetric";

    private GgmlAnnData() {
    }

    /** The columns of the annotated file that named the samples and their classes (ggml-ot's patient_col, label_col). */
    public record Keys(String sampleKey, String labelKey) {
    }

    /**
     * @param copy      what to annotate (e.g. the whole input file); its obs rows are the cells of
     *                  {@code cells} in the same order
     * @param cells     the matrix the model was trained on (X, a layer or an embedding), every cell
     * @param geneNames names of {@code copy}'s var rows as the model knows genes (e.g. after
     *                  --gene-names-from)
     * @param keys      the obs columns of samples and labels in {@code copy}, for ggml_params
     */
    public static AnnData annotate(AnnData copy, AnnData cells, List<String> geneNames, TrainedMetric model, Keys keys,
                                   Consumer<String> warnings) {
        if (cells.cells() != copy.cells()) {
            throw new IllegalArgumentException("the annotated copy has " + copy.cells() + " cells but the matrix "
                    + cells.cells() + "; both must be the whole file");
        }
        DenseMatrix image = model.projectCells(cells.x(), cells.var().index(), warnings);
        AnnData out = copy.withObsm(OBSM_KEY, image);
        Map<String, Object> own = own(model);
        double[][] loadings = geneLoadings(model, geneNames);
        if (loadings != null) {
            out = out.withVarm(VARM_KEY, DenseMatrix.of(loadings));
            own.put("gene_importance", importance(loadings, geneNames));
        } else {
            warnings.accept("the model's features are the columns of obsm " + model.representation().key()
                    + ", which had no gene loadings (varm) in the training file: varm['" + VARM_KEY + "'] is not"
                    + " written, the map stays in uns['" + MAP_KEY + "']");
        }
        return out.withUns(MAP_KEY, model.linearMap()).withUns(PARAMS_KEY, params(model, keys)).withUns(UNS_KEY, own);
    }

    /**
     * Genes × k: the weight of each var row on each axis of the map read in genes
     * ({@link TrainedMetric#geneLoadings}); zeros for genes the model does not read. Null when the
     * model's features cannot be read in genes (an embedding without loadings).
     */
    static double[][] geneLoadings(TrainedMetric model, List<String> geneNames) {
        GeneLoadings inGenes = model.geneLoadings(geneNames);
        if (inGenes == null) {
            if (model.representation() != null) {
                return null;
            }
            throw new IllegalArgumentException("the model's PCA acts on " + model.preprocessingSteps().pcaMean().length
                    + " genes but the file has " + geneNames.size() + "; cannot place its gene loadings");
        }
        Map<String, Integer> column = new HashMap<>();
        for (int g = 0; g < inGenes.genes().size(); g++) {
            column.putIfAbsent(inGenes.genes().get(g), g);
        }
        int k = inGenes.rank();
        double[][] out = new double[geneNames.size()][k];
        for (int v = 0; v < geneNames.size(); v++) {
            Integer g = column.get(geneNames.get(v));
            if (g != null) {
                for (int r = 0; r < k; r++) {
                    out[v][r] = inGenes.weights()[r][g];
                }
            }
        }
        return out;
    }

    /** Normalised diag(WᵀW) per var row, as {@code GeneImportance} (zero for unused genes). */
    private static Map<String, Object> importance(double[][] loadings, List<String> geneNames) {
        double[] imp = new double[loadings.length];
        double total = 0;
        for (int v = 0; v < loadings.length; v++) {
            for (double x : loadings[v]) {
                imp[v] += x * x;
            }
            total += imp[v];
        }
        if (total > 0) {
            for (int v = 0; v < imp.length; v++) {
                imp[v] /= total;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("genes", geneNames.toArray(new String[0]));
        m.put("importance", imp);
        return m;
    }

    /** ggml-ot's dataset settings that have a counterpart here (its None values are left out, as anndata does). */
    private static Map<String, Object> params(TrainedMetric model, Keys keys) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (keys.sampleKey() != null) {
            p.put("patient_col", keys.sampleKey());
        }
        if (keys.labelKey() != null) {
            p.put("label_col", keys.labelKey());
        }
        if (model.preprocessingSteps().cellsPerSample() != null) {
            p.put("n_cells", model.preprocessingSteps().cellsPerSample());
        }
        if (model.config() != null) { // null for another method's map (kind mahalanobis)
            p.put("n_triplets", model.config().neighbours());
        }
        Representation rep = model.representation();
        if (rep != null) {
            p.put("use_rep", rep.key());
        }
        return p;
    }

    private static Map<String, Object> own(TrainedMetric model) {
        GgmlConfig c = model.config();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rank", model.rank());
        if (c != null) {
            ggmlParams(c, params);
        }
        return ownRest(model, params);
    }

    private static void ggmlParams(GgmlConfig c, Map<String, Object> params) {
        params.put("neighbours", c.neighbours());
        params.put("alpha", c.alpha());
        params.put("lambda", c.lambda());
        params.put("regulariser", String.valueOf(c.regulariser()).toLowerCase(Locale.ROOT));
        params.put("learning_rate", c.learningRate());
        params.put("batch_size", c.batchSize());
        params.put("epochs", c.epochs());
        params.put("seed", c.seed());
        params.put("triplets", String.valueOf(c.triplets()).toLowerCase(Locale.ROOT));
        params.put("batch_order", String.valueOf(c.batchOrder()));
        params.put("init", String.valueOf(c.init()).toLowerCase(Locale.ROOT));
        params.put("feature_scaling", String.valueOf(c.featureScaling()).toLowerCase(Locale.ROOT));
        params.put("solver", c.solver().label());
    }

    private static Map<String, Object> ownRest(TrainedMetric model, Map<String, Object> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", params);
        m.put("preprocessing", model.preprocessingSteps().describe());
        m.put("features", model.featureNames().toArray(new String[0]));
        if (!model.classNames().isEmpty()) {
            m.put("classes", model.classNames().toArray(new String[0]));
        }
        if (!model.history().isEmpty()) {
            m.put("loss", model.history().stream().mapToDouble(EpochRecord::loss).toArray());
        }
        m.put("model", model.toJson());
        return m;
    }
}
