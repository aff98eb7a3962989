package org.groundmetric.learn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.Representation;

/**
 * A learned map read in genes: W_genes (k × G), the weight of each gene on each axis, such that the
 * learned distance between two cells is ‖W_genes·(x − y)‖ in the genes the model reads (after its
 * normalisation). For a model trained on genes it is W itself; on principal components or on an
 * embedding with gene loadings L (features × genes) it is W·L, the back-projection ggml-ot stores
 * as {@code varm["W_ggml"]}. Gene importance and the per-axis gene lists are read off it.
 *
 * @param genes   the G gene names, in column order
 * @param weights k rows of G numbers
 * @param through how the features became genes: "genes" (they were), "pca" (the model's own PCA) or
 *                "varm KEY" (an embedding's loadings)
 */
public record GeneLoadings(List<String> genes, double[][] weights, String through) {

    public GeneLoadings {
        genes = List.copyOf(genes);
    }

    /**
     * W read in genes through what lies between the genes and the model's features: the model's PCA
     * (features = C·inputs) and, when the inputs are an embedding's columns, its gene loadings.
     * Null when that path is broken: an embedding without loadings, or a PCA whose genes were not
     * recorded and are not given ({@code pcaGenes}).
     */
    static GeneLoadings of(double[][] w, List<String> features, Preprocessing p, Representation rep,
                           List<String> pcaGenes) {
        List<String> inputs = features;
        double[][] mix = null; // model feature f = Σ_j mix[f][j]·input_j; null = the inputs themselves
        if (p.pcaComponents() != null) {
            inputs = p.keptGenes() != null ? p.keptGenes() : pcaGenes;
            if (inputs == null || inputs.size() != p.pcaMean().length) {
                return null;
            }
            mix = p.pcaComponents();
        }
        if (rep == null) {
            return mix == null ? new GeneLoadings(features, w, "genes") : new GeneLoadings(inputs, times(w, mix), "pca");
        }
        if (!rep.hasLoadings()) {
            return null;
        }
        Map<String, Integer> row = new HashMap<>();
        List<String> columns = Representation.featureNames(rep.key(), rep.loadings().length);
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), i);
        }
        double[][] inputsInGenes = new double[inputs.size()][];
        for (int j = 0; j < inputs.size(); j++) {
            Integer i = row.get(inputs.get(j));
            if (i == null) {
                return null;
            }
            inputsInGenes[j] = rep.loadings()[i];
        }
        double[][] featuresInGenes = mix == null ? inputsInGenes : times(mix, inputsInGenes);
        return new GeneLoadings(rep.genes(), times(w, featuresInGenes), "varm " + rep.loadingsKey());
    }

    /** a·b for a (m × n) and b (n × p). */
    private static double[][] times(double[][] a, double[][] b) {
        int p = b.length == 0 ? 0 : b[0].length;
        double[][] out = new double[a.length][p];
        for (int r = 0; r < a.length; r++) {
            for (int j = 0; j < b.length; j++) {
                double x = a[r][j];
                if (x == 0) {
                    continue;
                }
                double[] row = b[j];
                for (int c = 0; c < p; c++) {
                    out[r][c] += x * row[c];
                }
            }
        }
        return out;
    }

    /** k, the number of axes. */
    public int rank() {
        return weights.length;
    }

    /** W_genes row-major (k × G), as {@code GeneImportance.of} takes it. */
    public double[] rowMajor() {
        int g = genes.size();
        double[] out = new double[weights.length * g];
        for (int r = 0; r < weights.length; r++) {
            System.arraycopy(weights[r], 0, out, r * g, g);
        }
        return out;
    }

    /** True when the model's own features are the genes (nothing was back-projected). */
    public boolean direct() {
        return "genes".equals(through);
    }
}
