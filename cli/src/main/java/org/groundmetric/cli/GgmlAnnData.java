package org.groundmetric.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.learn.EpochRecord;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.linalg.DenseMatrix;

/**
 * A trained metric's results added to an AnnData the way scanpy users expect them:
 * <ul>
 *   <li>{@code obsm["X_ggml"]}: the k-dimensional image of every cell (its Euclidean distances are the
 *       learned metric), so {@code sc.pl.embedding(adata, "X_ggml")} and neighbour graphs use it;</li>
 *   <li>{@code varm["ggml_W"]}: Wᵀ as genes × k on the var rows, zeros for genes the model does not use
 *       (a diagonal model: its w, genes × 1); with a PCA in the preprocessing, the gene loadings of
 *       the composed map (W·components)ᵀ (a diagonal model: (diag(w)·components)ᵀ);</li>
 *   <li>{@code uns["ggml"]}: the hyper-parameters, preprocessing, classes, training loss and the gene
 *       importance (normalised diag(WᵀW) over the var rows).</li>
 * </ul>
 */
public final class GgmlAnnData {

    public static final String OBSM_KEY = "X_ggml";
    public static final String VARM_KEY = "ggml_W";
    public static final String UNS_KEY = "ggml";

    private GgmlAnnData() {
    }

    /**
     * @param copy     what to annotate (e.g. the whole input file); its obs rows are the cells of
     *                 {@code cells} in the same order
     * @param cells    the matrix the model was trained on (X, a layer or an embedding), every cell
     * @param geneNames names of {@code copy}'s var rows as the model knows genes (e.g. after
     *                 --gene-names-from); null when the features are not genes (an obsm embedding),
     *                 then varm is not written
     */
    public static AnnData annotate(AnnData copy, AnnData cells, List<String> geneNames, TrainedMetric model,
                                   Consumer<String> warnings) {
        if (cells.cells() != copy.cells()) {
            throw new IllegalArgumentException("the annotated copy has " + copy.cells() + " cells but the matrix "
                    + cells.cells() + "; both must be the whole file");
        }
        DenseMatrix image = model.projectCells(cells.x(), cells.var().index(), warnings);
        AnnData out = copy.withObsm(OBSM_KEY, image);
        Map<String, Object> uns = uns(model);
        if (geneNames != null) {
            double[][] loadings = geneLoadings(model, geneNames);
            out = out.withVarm(VARM_KEY, DenseMatrix.of(loadings));
            uns.put("gene_importance", importance(loadings, geneNames));
        }
        return out.withUns(UNS_KEY, uns);
    }

    /** Genes × k: the weight of each var row on each axis of the (composed) map; zeros for unused genes. */
    static double[][] geneLoadings(TrainedMetric model, List<String> geneNames) {
        Preprocessing p = model.preprocessingSteps();
        // W's rows; a diagonal model's one row w (genes × 1), or, composed with a PCA, diag(w)'s rows
        double[][] w = p.pcaComponents() != null ? model.linearMap() : model.weights();
        int k = w.length;
        List<String> genes = model.featureNames();
        if (p.pcaComponents() != null) {
            if (p.keptGenes() == null && p.pcaMean().length != geneNames.size()) {
                throw new IllegalArgumentException("the model's PCA acts on " + p.pcaMean().length
                        + " genes but the file has " + geneNames.size() + "; cannot place its gene loadings");
            }
            genes = p.keptGenes() != null ? p.keptGenes() : geneNames;
            double[][] c = p.pcaComponents();
            double[][] composed = new double[k][genes.size()];
            for (int r = 0; r < k; r++) {
                for (int q = 0; q < c.length; q++) {
                    double a = w[r][q];
                    for (int g = 0; g < genes.size(); g++) {
                        composed[r][g] += a * c[q][g];
                    }
                }
            }
            w = composed;
        }
        Map<String, Integer> column = new HashMap<>();
        for (int g = 0; g < genes.size(); g++) {
            column.putIfAbsent(genes.get(g), g);
        }
        double[][] out = new double[geneNames.size()][k];
        for (int v = 0; v < geneNames.size(); v++) {
            Integer g = column.get(geneNames.get(v));
            if (g != null) {
                for (int r = 0; r < k; r++) {
                    out[v][r] = w[r][g];
                }
            }
        }
        return out;
    }

    /** Normalised diag(WᵀW) per var row, as {@link GeneImportance} (zero for unused genes). */
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

    private static Map<String, Object> uns(TrainedMetric model) {
        GgmlConfig c = model.config();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rank", c.rank());
        params.put("neighbours", c.neighbours());
        params.put("alpha", c.alpha());
        params.put("lambda", c.lambda());
        params.put("regulariser", String.valueOf(c.regulariser()).toLowerCase(java.util.Locale.ROOT));
        params.put("learning_rate", c.learningRate());
        params.put("batch_size", c.batchSize());
        params.put("epochs", c.epochs());
        params.put("seed", c.seed());
        params.put("triplets", String.valueOf(c.triplets()).toLowerCase(java.util.Locale.ROOT));
        params.put("init", String.valueOf(c.init()).toLowerCase(java.util.Locale.ROOT));
        params.put("feature_scaling", String.valueOf(c.featureScaling()).toLowerCase(java.util.Locale.ROOT));
        params.put("solver", c.solver());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", params);
        m.put("preprocessing", model.preprocessingSteps().describe());
        m.put("features", model.featureNames().toArray(new String[0]));
        m.put("classes", model.classNames().toArray(new String[0]));
        if (!model.history().isEmpty()) {
            m.put("loss", model.history().stream().mapToDouble(EpochRecord::loss).toArray());
        }
        return m;
    }
}
