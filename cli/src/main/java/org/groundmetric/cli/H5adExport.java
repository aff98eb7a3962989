package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.data.io.H5adWriter;
import org.groundmetric.learn.TrainedMetric;

/**
 * {@code embed --write-h5ad}: a copy of the input with the model's results in anndata's slots
 * (obsm X_ggml, varm ggml_W, uns ggml; see {@link GgmlAnnData}). Every cell of the file is
 * projected, ignoring --filter and the sample grouping: the copy keeps the input's cells in order.
 * The copy holds what our reader reads: X, obs, var, obsm, varm, layers, uns, and raw's X and var.
 */
final class H5adExport {

    private H5adExport() {
    }

    /** Writes the annotated copy (temporary file renamed at the end) and returns it. */
    static AnnData write(InputOptions input, TrainedMetric model, Path target, Consumer<String> warnings) {
        AnnData cells = input.readEveryCell();
        boolean h5ad = H5adReader.looksLikeHdf5(input.input());
        AnnData copy = h5ad ? H5adReader.readAll(input.input()) : cells;
        AnnData annotated = GgmlAnnData.annotate(copy, cells, geneNames(input, cells, copy), model, warnings);
        // raw (X and var) is copied as read; its varm, rarely used, is not.
        AnnData raw = h5ad && H5adReader.inspect(input.input()).rawX() != null
                ? H5adReader.read(input.input(), new H5adReader.Options("raw", null, null)) : null;
        H5adWriter.write(annotated, raw, target);
        return annotated;
    }

    /** The copy's var rows named as the model knows genes; null when the features are an obsm embedding. */
    private static List<String> geneNames(InputOptions input, AnnData cells, AnnData copy) {
        if (input.useRep() != null) {
            return null;
        }
        // --gene-names-from renames the rows the matrix was read with; raw/var may list other genes than var.
        return cells.var().rows() == copy.var().rows() && !"raw".equals(input.layer())
                ? cells.var().index() : copy.var().index();
    }
}
