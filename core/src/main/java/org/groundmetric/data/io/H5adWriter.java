package org.groundmetric.data.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Writes an {@link AnnData} as an {@code .h5ad} file in anndata's on-disk encoding (the
 * {@code encoding-type}/{@code encoding-version} attributes of anndata ≥ 0.8), so Python's
 * {@code anndata.read_h5ad} and scanpy open it: X dense or CSR; obs/var with their index and
 * categorical, string, numeric and boolean columns; obsm, varm, layers; uns as nested dicts of
 * strings, numbers and 1-d arrays. Written with io.jhdf's writer through {@link OutputFiles}, so a
 * failed write leaves no file behind.
 *
 * <p>io.jhdf 0.13 writes fixed-length UTF-8 strings (anndata reads them as str) and booleans as
 * 8-bit bitfields: our reader reads boolean columns back as booleans, anndata as uint8 0/1. The
 * categorical {@code ordered} flag must be a real h5py bool, so {@link ExtraAttributes} writes it
 * as HDF5's enum. Empty groups are never written (jhdf 0.13 writes a broken file when a group has no
 * children): empty obsm/varm/layers/uns and obsp/varp are left out, which anndata accepts; an empty
 * nested dict in uns is refused. Large matrices are gzip-compressed (deflate level 4) in
 * chunks.
 */
public final class H5adWriter {

    private static final int CHUNK = 1 << 16;

    private H5adWriter() {
    }

    public static void write(AnnData a, Path target) {
        write(a, null, target);
    }

    /**
     * Writes {@code a} and, when {@code raw} is not null, its X and var as anndata's {@code raw} slot
     * (same cells as {@code a}; raw may have other genes), e.g. to copy a file that has one.
     */
    public static void write(AnnData a, AnnData raw, Path target) {
        try (OutputFiles files = new OutputFiles()) {
            write(files, a, raw, target);
            files.commit();
        }
    }

    /** As {@link #write(AnnData, AnnData, Path)}, as one file of a set written all or nothing. */
    public static void write(OutputFiles files, AnnData a, AnnData raw, Path target) {
        if (raw != null && raw.cells() != a.cells()) {
            throw new IllegalArgumentException("raw has " + raw.cells() + " cells but X has " + a.cells()
                    + "; anndata's raw keeps the same cells");
        }
        files.writeToPath(target, tmp -> {
            try (WritableHdfFile h = HdfFile.write(tmp)) {
                encoding(h, "anndata", "0.1.0");
                writeMatrix(h, "X", a.x());
                writeFrame(h, "obs", a.obs());
                writeFrame(h, "var", a.var());
                // jhdf 0.13 corrupts files with empty groups, and anndata does not need absent slots
                if (!a.obsm().isEmpty()) {
                    WritableGroup obsm = dict(h, "obsm");
                    a.obsm().forEach((k, m) -> writeMatrix(obsm, k, m));
                }
                if (!a.varm().isEmpty()) {
                    WritableGroup varm = dict(h, "varm");
                    a.varm().forEach((k, m) -> writeMatrix(varm, k, m));
                }
                if (!a.layers().isEmpty()) {
                    WritableGroup layers = dict(h, "layers");
                    a.layers().forEach((k, m) -> writeMatrix(layers, k, m));
                }
                if (!a.uns().isEmpty()) {
                    writeDict(dict(h, "uns"), a.uns());
                }
                if (raw != null) {
                    WritableGroup g = h.putGroup("raw");
                    encoding(g, "raw", "0.1.0");
                    writeMatrix(g, "X", raw.x());
                    writeFrame(g, "var", raw.var());
                }
            }
        });
    }

    // ---- matrices ----

    private static void writeMatrix(WritableGroup parent, String name, CellMatrix m) {
        if (m instanceof DenseMatrix d) {
            float[][] rows = new float[d.rows()][];
            for (int i = 0; i < d.rows(); i++) {
                rows[i] = d.row(i);
            }
            WritableDataset ds = parent.putDataset(name, rows, options(d.storedEntries(), d.cols()));
            encoding(ds, "array", "0.2.0");
        } else if (m instanceof CsrMatrix view) {
            CsrMatrix c = view.compact();
            WritableGroup g = parent.putGroup(name);
            encoding(g, "csr_matrix", "0.1.0");
            g.putAttribute("shape", new long[] {c.rows(), c.cols()});
            g.putDataset("data", c.values(), options(c.values().length, 1));
            g.putDataset("indices", c.columnIndices(), options(c.columnIndices().length, 1));
            g.putDataset("indptr", c.rowPointers(), options(c.rowPointers().length, 1));
        }
    }

    /** Chunked gzip for anything big enough to matter; small arrays stay contiguous (cheaper to read). */
    private static DatasetCreationOptions options(long entries, int cols) {
        if (entries < CHUNK) {
            return DatasetCreationOptions.DEFAULT;
        }
        return cols == 1 ? DatasetCreationOptions.builder().chunkDimensions(CHUNK).deflate(4).build()
                : DatasetCreationOptions.builder().chunkDimensions(Math.max(1, CHUNK / cols), cols).deflate(4).build();
    }

    // ---- data frames ----

    private static void writeFrame(WritableGroup parent, String name, DataFrame frame) {
        WritableGroup g = parent.putGroup(name);
        encoding(g, "dataframe", "0.2.0");
        g.putAttribute("_index", "_index");
        List<String> order = new ArrayList<>(frame.columns().keySet());
        if (order.contains("_index")) {
            throw new IllegalArgumentException(name + " has a column named '_index', which anndata reserves for the index");
        }
        // h5py/anndata write an empty float array for "no columns"; jhdf cannot write empty arrays itself
        if (order.isEmpty()) {
            ExtraAttributes.putEmptyArray(g, "column-order");
        } else {
            g.putAttribute("column-order", order.toArray(new String[0]));
        }
        stringArray(g, "_index", frame.index().toArray(new String[0]));
        frame.columns().forEach((col, c) -> writeColumn(g, col, c));
    }

    private static void writeColumn(WritableGroup g, String name, Column c) {
        if (c instanceof Column.Categorical cat) {
            WritableGroup cg = g.putGroup(name);
            encoding(cg, "categorical", "0.2.0");
            ExtraAttributes.put(cg, "ordered", cat.ordered());
            stringArray(cg, "categories", cat.categories().toArray(new String[0]));
            WritableDataset codes = cg.putDataset("codes", codes(cat.codes(), cat.categories().size()));
            encoding(codes, "array", "0.2.0");
        } else if (c instanceof Column.Strings s) {
            stringArray(g, name, nonNull(s.values()));
        } else if (c instanceof Column.Numeric n) {
            Object values = n.integer() ? toLongs(n.values()) : n.values();
            encoding(g.putDataset(name, values), "array", "0.2.0");
        } else if (c instanceof Column.Booleans b) {
            encoding(g.putDataset(name, b.values()), "array", "0.2.0");
        }
    }

    /** The narrowest signed type anndata would choose (pandas does the same). */
    private static Object codes(int[] codes, int categories) {
        if (categories < Byte.MAX_VALUE) {
            byte[] out = new byte[codes.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) codes[i];
            }
            return out;
        }
        if (categories < Short.MAX_VALUE) {
            short[] out = new short[codes.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) codes[i];
            }
            return out;
        }
        return codes;
    }

    // ---- uns ----

    @SuppressWarnings("unchecked")
    private static void writeDict(WritableGroup g, Map<String, Object> map) {
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                if (nested.isEmpty()) {
                    throw new IllegalArgumentException("uns['" + k + "'] is an empty map; io.jhdf cannot write empty groups");
                }
                writeDict(dict(g, k), (Map<String, Object>) nested);
            } else if (v instanceof String s) {
                encoding(g.putDataset(k, s), "string", "0.2.0");
            } else if (v instanceof Boolean b) {
                encoding(g.putDataset(k, (byte) (b ? 1 : 0)), "numeric-scalar", "0.2.0");
            } else if (v instanceof Integer || v instanceof Long) {
                encoding(g.putDataset(k, ((Number) v).longValue()), "numeric-scalar", "0.2.0");
            } else if (v instanceof Number n) {
                encoding(g.putDataset(k, n.doubleValue()), "numeric-scalar", "0.2.0");
            } else if (v instanceof String[] s) {
                stringArray(g, k, nonNull(s));
            } else if (v instanceof double[] || v instanceof long[] || v instanceof float[] || v instanceof int[]) {
                encoding(g.putDataset(k, v), "array", "0.2.0");
            } else if (v instanceof double[][] m) {
                encoding(g.putDataset(k, m), "array", "0.2.0");
            } else if (v instanceof List<?> list && list.stream().allMatch(e -> e instanceof String)) {
                stringArray(g, k, list.toArray(new String[0]));
            } else {
                throw new IllegalArgumentException("uns['" + k + "'] is a " + (v == null ? "null" : v.getClass().getSimpleName())
                        + "; uns holds strings, numbers, booleans, 1-d arrays, string lists and nested maps");
            }
        });
    }

    // ---- helpers ----

    private static WritableGroup dict(WritableGroup parent, String name) {
        WritableGroup g = parent.putGroup(name);
        encoding(g, "dict", "0.1.0");
        return g;
    }

    private static void stringArray(WritableGroup g, String name, String[] values) {
        encoding(g.putDataset(name, values), "string-array", "0.2.0");
    }

    private static void encoding(WritableNode node, String type, String version) {
        node.putAttribute("encoding-type", type);
        node.putAttribute("encoding-version", version);
    }

    private static String[] nonNull(String[] values) {
        String[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = "";
            }
        }
        return out;
    }

    private static long[] toLongs(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("an integer column holds a missing value; anndata's plain integer"
                        + " arrays cannot store it");
            }
            out[i] = (long) values[i];
        }
        return out;
    }
}
