package org.groundmetric.learn;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.Representation;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.H5adInspector;
import org.groundmetric.data.io.H5adSlots;
import org.groundmetric.data.io.H5adSummary;

/**
 * A model kept in an AnnData {@code .h5ad} file, in the layout of ggml-ot (the paper authors'
 * package): {@code uns["W_ggml"]}, the learned map (k × D), acting on the genes (one column per var
 * row) or, when {@code uns["ggml_params"]["use_rep"]} names an embedding, on {@code obsm[use_rep]}'s
 * columns. A file written by groundmetric's AnnData export also keeps the whole model file under
 * {@code uns["groundmetric"]["model"]} (preprocessing, classes, history), which is read instead,
 * provided its W is still {@code uns["W_ggml"]}.
 *
 * <p>From ggml-ot's layout the model gets: W; features named by the var index, or {@code KEY_1 …
 * KEY_D} for an embedding (with its gene loadings from {@code varm[KEY]} or {@code varm["PCs"]}
 * when present, as ggml-ot back-projects); the class names from {@code obs[label_col]}; rank k and
 * t = {@code n_triplets}; no preprocessing (ggml-ot applies its map to X or the embedding as stored).
 */
final class AnnDataModel {

    /** ggml-ot's keys, which groundmetric's export writes too. */
    static final String MAP_KEY = "W_ggml";
    static final String PARAMS_KEY = "ggml_params";
    /** Where groundmetric keeps its own record beside them, and the model file's JSON text in it. */
    static final String OWN_KEY = "groundmetric";
    static final String MODEL_FIELD = "model";

    private AnnDataModel() {
    }

    static TrainedMetric read(Path file) {
        Map<String, Object> uns = H5adSlots.uns(file);
        Object map = uns.get(MAP_KEY);
        if (map == null) {
            throw new IllegalArgumentException("model " + file + " is an AnnData file without uns['" + MAP_KEY + "']:"
                    + " a model in AnnData is the learned map k × D that ggml-ot's training or groundmetric's AnnData"
                    + " export stores there (uns holds " + (uns.isEmpty() ? "nothing" : uns.keySet()) + ")");
        }
        if (!(map instanceof double[][] w) || w.length == 0 || w[0].length == 0) {
            throw new IllegalArgumentException("model " + file + ": uns['" + MAP_KEY + "'] is not a numeric k × D"
                    + " matrix; expected the learned map, one row per axis and one column per feature");
        }
        if (uns.get(OWN_KEY) instanceof Map<?, ?> own && own.get(MODEL_FIELD) instanceof String json) {
            return ownModel(file, json, w);
        }
        return ggmlOtModel(file, w, uns.get(PARAMS_KEY) instanceof Map<?, ?> p ? p : Map.of());
    }

    /** groundmetric's own record, refused when another tool has since replaced the map beside it. */
    private static TrainedMetric ownModel(Path file, String json, double[][] w) {
        TrainedMetric m = ModelFile.read(json, "model " + file + " (uns['" + OWN_KEY + "']['" + MODEL_FIELD + "'])");
        if (!java.util.Arrays.deepEquals(m.linearMap(), w)) { // W, or a diagonal model's diag(w)
            throw new IllegalArgumentException("model " + file + ": uns['" + MAP_KEY + "'] is not the W recorded in"
                    + " uns['" + OWN_KEY + "'] (was the map trained again by another tool?); delete uns['" + OWN_KEY
                    + "'] to use uns['" + MAP_KEY + "'] alone, or export the model again");
        }
        return m;
    }

    private static TrainedMetric ggmlOtModel(Path file, double[][] w, Map<?, ?> params) {
        int k = w.length;
        int d = w[0].length;
        for (int r = 1; r < k; r++) {
            if (w[r].length != d) {
                throw new IllegalArgumentException("model " + file + ": uns['" + MAP_KEY + "'] has rows of "
                        + w[r].length + " and " + d + " values; expected a k × D matrix");
            }
        }
        H5adSummary summary = H5adInspector.inspect(file);
        String useRep = params.get("use_rep") instanceof String s && !s.isEmpty() ? s : null;
        List<String> features;
        Representation representation = null;
        if (useRep != null) {
            H5adSummary.MatrixInfo embedding = summary.obsm().get(useRep);
            if (embedding != null && embedding.cols() != d) {
                throw new IllegalArgumentException("model " + file + ": uns['" + MAP_KEY + "'] has " + d + " columns but"
                        + " obsm['" + useRep + "'], the embedding uns['" + PARAMS_KEY + "'] says it acts on, has "
                        + embedding.cols());
            }
            features = Representation.featureNames(useRep, d);
            String loadingsKey = Representation.loadingsKey(useRep, H5adSlots.varmShapes(file).keySet());
            representation = loadingsKey == null ? Representation.withoutLoadings(useRep)
                    : Representation.withLoadings(useRep, loadingsKey, summary.var().index(),
                            H5adSlots.varm(file, loadingsKey), d);
        } else {
            if (summary.var().rows() != d) {
                throw new IllegalArgumentException("model " + file + ": uns['" + MAP_KEY + "'] is " + k + " × " + d
                        + " but var names " + summary.var().rows() + " genes, and uns['" + PARAMS_KEY + "'] names no"
                        + " use_rep embedding; the map must act on the genes (one column per var row) or on an obsm"
                        + " embedding named by use_rep");
            }
            features = summary.var().index();
        }
        // ggml-ot shuffles its triplets one by one (our random order); a file of ours names its order.
        BatchOrder order = "anchors".equals(params.get("batch_order")) ? BatchOrder.ANCHORS : BatchOrder.RANDOM;
        GgmlConfig.Builder config = GgmlConfig.builder().rank(k).batchOrder(order);
        if (params.get("n_triplets") instanceof Number t && t.intValue() >= 1) {
            config.neighbours(t.intValue());
        }
        return new TrainedMetric(TrainedMetric.FORMAT_VERSION, TrainedMetric.KIND, k, w, features, Preprocessing.NONE,
                classes(summary, params), config.build(), null, List.of(), null, representation);
    }

    /** The distinct values of obs[label_col], sorted, when the file has that column; else none. */
    private static List<String> classes(H5adSummary summary, Map<?, ?> params) {
        if (!(params.get("label_col") instanceof String labelCol) || !summary.obs().columns().containsKey(labelCol)) {
            return List.of();
        }
        Column labels = summary.obs().columns().get(labelCol);
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.text(i) != null) {
                names.add(labels.text(i));
            }
        }
        return List.copyOf(names);
    }
}
