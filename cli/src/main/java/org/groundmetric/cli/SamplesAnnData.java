package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SampleMetadata;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.H5adWriter;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.embed.ClassicalMds;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.predict.SamplePredictions;
import org.groundmetric.wasserstein.WassersteinMatrix;

/**
 * A samples-level AnnData, as patpy and scanpy users keep sample representations: one obs row per
 * sample (index the sample id) with the obs columns that are constant within each sample (class
 * label, donor metadata) and {@code n_cells_used}; X is the Wasserstein matrix W_θ, one row per obs
 * sample and one column per var sample, the samples the distances go to (the same samples for
 * {@code distances} and {@code embed}, the reference samples for {@code predict}, with their
 * labels in var). X, not obsm or obsp: it is the one slot that holds the square and the
 * new × reference matrix alike and names its columns (var), so {@code a.to_df()} is the distance
 * table; {@code obsp} fits only the square case and {@code obsm} leaves its columns unnamed.
 * Stored as float32, as anndata's X usually is (the TSV output keeps every digit). Sample layouts
 * go to {@code obsm["X_mds"]} and {@code obsm["X_umap"]}; {@code uns["groundmetric"]} says what X is.
 */
final class SamplesAnnData {

    static final String UNS_KEY = "groundmetric";
    static final String CELLS_COLUMN = "n_cells_used";

    private SamplesAnnData() {
    }

    /**
     * @param d            W_θ, rows × columns
     * @param rows         obs: one row per row of {@code d}, indexed by its ids
     * @param columns      var: one row per column of {@code d}, indexed by its ids
     * @param groundMetric the ground metric between cells, e.g. "euclidean" or the model file
     */
    static AnnData of(WassersteinMatrix d, DataFrame rows, DataFrame columns, String groundMetric) {
        if (!rows.index().equals(d.rowIds()) || !columns.index().equals(d.columnIds())) {
            throw new IllegalStateException("the sample tables are not in the order of the distance matrix");
        }
        int n = d.rowIds().size();
        int m = d.columnIds().size();
        float[] x = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                x[i * m + j] = (float) d.get(i, j);
            }
        }
        Map<String, Object> uns = new LinkedHashMap<>();
        uns.put("X", "Wasserstein distances W_theta between samples (obs) and samples (var), exact optimal transport");
        uns.put("ground_metric", groundMetric);
        return AnnData.of(new DenseMatrix(n, m, x), rows, columns).withUns(UNS_KEY, uns);
    }

    /**
     * The obs table of a cohort's samples: the columns of the cell table {@code obs} constant within
     * each sample, the class label under its column name (the majority label when the label policy
     * took one) and the number of cells each sample contributed.
     */
    static DataFrame metadata(DataFrame obs, String sampleKey, String labelKey, Cohort cohort) {
        DataFrame t = SampleMetadata.of(obs, sampleKey, cohort.sampleIds());
        if (labelKey != null && !t.columns().containsKey(labelKey)) {
            List<String> labels = new ArrayList<>();
            cohort.samples().forEach(s -> labels.add(s.classLabel()));
            t = t.with(labelKey, Column.Categorical.of(labels));
        }
        double[] used = new double[cohort.size()];
        for (int s = 0; s < used.length; s++) {
            used[s] = cohort.sample(s).cellCount();
        }
        return t.with(CELLS_COLUMN, new Column.Numeric(used, true));
    }

    /**
     * {@code predict}'s samples: obs = the new samples' metadata plus {@code predicted} and one
     * {@code p_CLASS} column per class (as the TSV); var = the reference samples with their labels
     * (column {@code labelColumn}); X = W_θ new × reference.
     */
    static AnnData ofPredictions(SamplePredictions p, DataFrame newSamples, Map<String, String> referenceLabels,
                                 String labelColumn, String groundMetric) {
        DataFrame obs = newSamples;
        List<String> predicted = new ArrayList<>();
        p.rows().forEach(r -> predicted.add(r.predictedClass()));
        obs = obs.with("predicted", Column.Categorical.of(predicted));
        for (int c = 0; c < p.classNames().size(); c++) {
            double[] prob = new double[p.rows().size()];
            for (int s = 0; s < prob.length; s++) {
                prob[s] = p.rows().get(s).probabilities()[c];
            }
            obs = obs.with("p_" + p.classNames().get(c), new Column.Numeric(prob, false));
        }
        List<String> labels = new ArrayList<>();
        p.distances().columnIds().forEach(id -> labels.add(referenceLabels.get(id)));
        DataFrame var = DataFrame.ofIndex(p.distances().columnIds()).with(labelColumn, Column.Categorical.of(labels));
        return of(p.distances(), obs, var, groundMetric);
    }

    /** The 2-D classical MDS of a square W_θ, for obsm["X_mds"]. */
    static DenseMatrix mds(WassersteinMatrix d) {
        return DenseMatrix.of(ClassicalMds.embed(d.distances(), 2));
    }

    /** Stages the file into {@code files} (renamed with the command's other outputs). */
    static void write(OutputFiles files, AnnData samples, Path target) {
        H5adWriter.write(files, samples, null, target);
    }
}
