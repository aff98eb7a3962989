package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.H5adInspector;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.data.io.H5adWriter;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.linalg.DenseMatrix;

/**
 * {@code embed --write-h5ad}: a copy of the input with the model's results in anndata's slots under
 * ggml-ot's keys (obsm X_ggml, varm W_ggml, uns W_ggml and ggml_params, and ours in uns groundmetric;
 * see {@link GgmlAnnData}); {@code explain --write-h5ad}: a copy with the cells' shift scores in obs.
 * Every cell of the file is
 * projected, ignoring --filter and the sample grouping: the copy keeps the input's cells in order.
 * The copy holds what our reader reads: X, obs, var, obsm, varm, layers, uns, and raw's X and var.
 */
final class H5adExport {

    private H5adExport() {
    }

    /** Writes the annotated copy into {@code files} (renamed when they are committed) and returns it. */
    static AnnData write(OutputFiles files, InputOptions input, TrainedMetric model, Path target,
                         Consumer<String> warnings) {
        AnnData cells = input.readEveryCell(warnings);
        AnnData copy = copyOf(input, cells);
        AnnData annotated = GgmlAnnData.annotate(copy, cells, geneNames(input, cells, copy), model,
                new GgmlAnnData.Keys(input.sampleKey(), input.labelKey()), warnings);
        requireFinite(annotated.obsm().get(GgmlAnnData.OBSM_KEY));
        H5adWriter.write(files, annotated, raw(input), target);
        return annotated;
    }

    /**
     * {@code explain --write-h5ad}: a copy of the input with one more numeric obs column, each cell's
     * value found by its obs name (NaN for cells that have none, e.g. left out by --filter).
     *
     * @return the copy and how many of its cells got a value
     */
    static Written writeObsColumn(OutputFiles files, InputOptions input, Path target, String column,
                                  Map<String, Double> byCellId, Consumer<String> warnings) {
        AnnData copy = copyOf(input, input.readEveryCell(warnings));
        List<String> names = copy.obs().index();
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("the obs names of " + input.input() + " are not unique, so the values"
                    + " of obs['" + column + "'] cannot be placed by cell; make them unique first"
                    + " (anndata: adata.obs_names_make_unique())");
        }
        double[] values = new double[names.size()];
        int placed = 0;
        for (int i = 0; i < values.length; i++) {
            Double v = byCellId.get(names.get(i));
            values[i] = v == null ? Double.NaN : v;
            placed += v == null ? 0 : 1;
        }
        AnnData out = new AnnData(copy.x(), copy.obs().with(column, new Column.Numeric(values, false)), copy.var(),
                copy.obsm(), copy.varm(), copy.layers(), copy.uns());
        H5adWriter.write(files, out, raw(input), target);
        return new Written(out, placed);
    }

    /** An annotated copy and how many cells got a value. */
    record Written(AnnData data, int cellsWithValue) {
    }

    /** Every slot of an .h5ad input as read (for other inputs, the cells themselves). */
    private static AnnData copyOf(InputOptions input, AnnData cells) {
        return H5adReader.looksLikeHdf5(input.input()) ? H5adReader.readAll(input.input()) : cells;
    }

    /** raw (X and var) as read; its varm, rarely used, is not copied. */
    private static AnnData raw(InputOptions input) {
        return H5adReader.looksLikeHdf5(input.input()) && H5adInspector.inspect(input.input()).rawX() != null
                ? H5adReader.read(input.input(), new H5adReader.Options("raw", null, null)) : null;
    }

    /** The input was checked for NaN and ±Inf; an image that still is not finite is our bug, not a result. */
    private static void requireFinite(DenseMatrix image) {
        for (float v : image.data()) {
            if (!Float.isFinite(v)) {
                throw new IllegalStateException("a cell's image X·Wᵀ is not finite although the cells and W are");
            }
        }
    }

    /** The copy's var rows named as the model knows genes (for an obsm embedding, as its loadings were recorded). */
    private static List<String> geneNames(InputOptions input, AnnData cells, AnnData copy) {
        if (input.useRep() != null) {
            return input.geneNamesFrom() == null ? copy.var().index()
                    : H5adReader.geneNames(copy.var(), input.geneNamesFrom());
        }
        // --gene-names-from renames the rows the matrix was read with; raw/var may list other genes than var.
        return cells.var().rows() == copy.var().rows() && !"raw".equals(input.layer())
                ? cells.var().index() : copy.var().index();
    }
}
