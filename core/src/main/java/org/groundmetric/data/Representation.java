package org.groundmetric.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Where a model's features come from when they are not genes: the columns of an AnnData embedding
 * ({@code obsm[key]}, scanpy's "representation", e.g. X_pca), and, when the file has them, the
 * embedding's gene loadings ({@code varm[loadingsKey]}, genes × features, e.g. scanpy's
 * {@code varm["PCs"]}), so that a metric learned on the embedding can be read in genes:
 * W_genes = W·L. This is how scanpy's PCA relates X_pca to the genes (X_pca = (X − μ)·PCs), and
 * how ggml-ot back-projects its map.
 *
 * @param key         the obsm key whose columns are the features ({@code key_1}, {@code key_2}, …)
 * @param loadingsKey the varm key the loadings were read from, or null when the file had none
 * @param genes       the genes with a non-zero loading on some column, in var order (null without loadings)
 * @param loadings    embedding columns × genes: row j is column key_(j+1)'s loading on each of
 *                    {@code genes} (null without)
 */
public record Representation(String key, String loadingsKey, List<String> genes, double[][] loadings) {

    public Representation {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a representation needs its obsm key");
        }
        if ((loadingsKey == null) != (genes == null) || (genes == null) != (loadings == null)) {
            throw new IllegalArgumentException("representation " + key + ": loadingsKey, genes and loadings are"
                    + " given together or not at all");
        }
        genes = genes == null ? null : List.copyOf(genes);
    }

    /**
     * The varm key holding an embedding's gene loadings, as ggml-ot looks for them: {@code varm[key]}
     * itself, else scanpy's {@code varm["PCs"]} for a PCA embedding (a key containing "pca"); null
     * when the file has neither.
     */
    public static String loadingsKey(String key, Set<String> varmKeys) {
        if (varmKeys.contains(key)) {
            return key;
        }
        if (key.toLowerCase(Locale.ROOT).contains("pca") && varmKeys.contains("PCs")) {
            return "PCs";
        }
        return null;
    }

    /** An embedding without gene loadings: its features stay components. */
    public static Representation withoutLoadings(String key) {
        return new Representation(key, null, null, null);
    }

    /**
     * An embedding with the loadings of a varm matrix (genes × features, one row per var name). Genes
     * whose loadings are all zero (scanpy's PCs outside the highly variable genes) are left out.
     *
     * @throws IllegalArgumentException when the matrix does not have one row per gene and one column per feature
     */
    public static Representation withLoadings(String key, String loadingsKey, List<String> varNames,
                                              DenseMatrix varm, int features) {
        if (varm.rows() != varNames.size() || varm.cols() != features) {
            throw new IllegalArgumentException("varm " + loadingsKey + " is " + varm.rows() + " × " + varm.cols()
                    + "; the loadings of obsm " + key + " need one row per gene (" + varNames.size() + ") and one"
                    + " column per embedding dimension (" + features + ")");
        }
        List<Integer> used = new ArrayList<>();
        for (int g = 0; g < varm.rows(); g++) {
            for (int f = 0; f < features; f++) {
                if (varm.get(g, f) != 0) {
                    used.add(g);
                    break;
                }
            }
        }
        List<String> genes = new ArrayList<>(used.size());
        double[][] loadings = new double[features][used.size()];
        for (int u = 0; u < used.size(); u++) {
            int g = used.get(u);
            genes.add(varNames.get(g));
            for (int f = 0; f < features; f++) {
                loadings[f][u] = varm.get(g, f);
            }
        }
        return new Representation(key, loadingsKey, genes, loadings);
    }

    /** True when the features can be read in genes. */
    public boolean hasLoadings() {
        return loadings != null;
    }

    /** The names our readers give the embedding's columns: key_1, key_2, …. */
    public static List<String> featureNames(String key, int count) {
        List<String> names = new ArrayList<>(count);
        for (int j = 1; j <= count; j++) {
            names.add(key + "_" + j);
        }
        return names;
    }

    /**
     * Checks what a model file recorded: one loading row per embedding column, one finite number per
     * gene in each, genes named once. Messages name the field as the model file spells it.
     */
    public void check() {
        if (loadings == null) {
            return;
        }
        if (loadings.length == 0) {
            throw new IllegalArgumentException("representation.loadings is empty; expected one row per column of obsm "
                    + key);
        }
        Set<String> seen = new HashSet<>();
        for (int g = 0; g < genes.size(); g++) {
            if (genes.get(g) == null || !seen.add(genes.get(g))) {
                throw new IllegalArgumentException("representation.genes[" + g + "] is " + (genes.get(g) == null
                        ? "null" : "'" + genes.get(g) + "' again") + "; expected unique gene names");
            }
        }
        for (int f = 0; f < loadings.length; f++) {
            if (loadings[f] == null || loadings[f].length != genes.size()) {
                throw new IllegalArgumentException("representation.loadings[" + f + "] has "
                        + (loadings[f] == null ? "no" : loadings[f].length) + " values; expected one per gene ("
                        + genes.size() + ")");
            }
            for (int g = 0; g < genes.size(); g++) {
                if (!Double.isFinite(loadings[f][g])) {
                    throw new IllegalArgumentException("representation.loadings[" + f + "][" + g + "] is "
                            + loadings[f][g] + "; expected a finite number");
                }
            }
        }
    }
}
