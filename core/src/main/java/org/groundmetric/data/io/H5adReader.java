package org.groundmetric.data.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Reads AnnData {@code .h5ad} files (anndata 0.7 and later) with the pure-Java io.jhdf library:
 * X dense or sparse (CSR, or CSC converted to CSR), any numeric type stored as float32; obs and var
 * tables with categorical, string, numeric and boolean columns (also the nullable encodings and
 * anndata 0.7's {@code __categories} layout); {@code raw/X}, {@code layers/NAME} and {@code obsm}
 * embeddings as alternative sources of the cell matrix; gzip-compressed datasets.
 */
public final class H5adReader {

    /** The 8-byte signature every HDF5 file starts with (at offset 0 when there is no user block). */
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /**
     * Where the cell matrix comes from and how features are named.
     *
     * @param layer         null or "X" for X, "raw" for raw/X (with raw/var), else a name in layers/
     * @param useRep        an obsm key (e.g. X_pca) whose columns become the features; null for none
     * @param geneNamesFrom a var column (e.g. feature_name) whose values name the features instead of
     *                      the var index; null for the index
     */
    public record Options(String layer, String useRep, String geneNamesFrom) {
        public static final Options DEFAULT = new Options(null, null, null);

        public Options {
            if (layer != null && useRep != null && !"X".equals(layer)) {
                throw new IllegalArgumentException("choose either --layer " + layer + " or --use-rep " + useRep
                        + ", not both: an obsm embedding replaces the expression matrix");
            }
        }
    }

    private H5adReader() {
    }

    /** Reads the cell matrix chosen by {@code options}, obs, var and obsm (not the other layers). */
    public static AnnData read(Path file, Options options) {
        return withFile(file, h -> readAnnData(h, file, options, false));
    }

    /** Reads everything we model: X, obs, var, obsm, varm, every layer and uns (for a full copy). */
    public static AnnData readAll(Path file) {
        return withFile(file, h -> readAnnData(h, file, Options.DEFAULT, true));
    }

    /** Shapes, encodings and tables without reading any matrix values: fast on large files. */
    public static H5adSummary inspect(Path file) {
        return withFile(file, h -> summarise(h, file));
    }

    /** True when the file starts with the HDF5 signature. */
    public static boolean looksLikeHdf5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return java.util.Arrays.equals(head, HDF5_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    private static <T> T withFile(Path file, Function<HdfFile, T> body) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("input file " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory, expected an .h5ad file");
        }
        if (!looksLikeHdf5(file)) {
            throw new IllegalArgumentException(file + " is not an HDF5 file (an .h5ad file starts with the HDF5"
                    + " signature); check the path, or use a 10x directory or a .csv/.tsv table");
        }
        try (HdfFile h = new HdfFile(file)) {
            return body.apply(h);
        } catch (HdfException | java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("could not read " + file + ": the HDF5 structure is damaged"
                    + " or the file is truncated (" + e.getMessage() + ")", e);
        }
    }

    private static AnnData readAnnData(HdfFile h, Path file, Options o, boolean everything) {
        DataFrame obs = readFrame(requireGroup(h, "obs", file), "obs");
        DataFrame var;
        CellMatrix x;
        String source = sourcePath(o);
        if (o.useRep() != null) {
            Group obsmGroup = Hdf.group(h, "obsm");
            Node rep = obsmGroup == null ? null : Hdf.child(obsmGroup, o.useRep());
            if (rep == null) {
                throw new IllegalArgumentException("--use-rep " + o.useRep() + ": no such obsm key in " + file
                        + "; available: " + names(obsmGroup));
            }
            x = readMatrix(rep);
            List<String> names = new ArrayList<>();
            for (int j = 0; j < x.cols(); j++) {
                names.add(o.useRep() + "_" + (j + 1));
            }
            var = DataFrame.ofIndex(names);
        } else {
            Node xNode = h.getChildren().get("X");
            if (source.equals("X")) {
                if (xNode == null) {
                    throw new IllegalArgumentException(file + " has no X matrix; choose --layer (available: "
                            + names(Hdf.group(h, "layers")) + ") or --use-rep (obsm keys: "
                            + names(Hdf.group(h, "obsm")) + ")");
                }
                x = readMatrix(xNode);
                var = readFrame(requireGroup(h, "var", file), "var");
            } else if (source.equals("raw/X")) {
                Group raw = Hdf.group(h, "raw");
                if (raw == null || Hdf.child(raw, "X") == null) {
                    throw new IllegalArgumentException("--layer raw: " + file + " has no raw/X; available layers: "
                            + names(Hdf.group(h, "layers")));
                }
                x = readMatrix(Hdf.child(raw, "X"));
                var = readFrame(requireGroup(raw, "var", file), "raw/var");
            } else {
                Group layers = Hdf.group(h, "layers");
                Node layer = layers == null ? null : Hdf.child(layers, o.layer());
                if (layer == null) {
                    throw new IllegalArgumentException("--layer " + o.layer() + ": no such layer in " + file
                            + "; available: " + names(layers) + (Hdf.group(h, "raw") != null ? ", raw" : ""));
                }
                x = readMatrix(layer);
                var = readFrame(requireGroup(h, "var", file), "var");
            }
        }
        if (x.rows() != obs.rows()) {
            throw new IllegalArgumentException(file + ": " + source + " has " + x.rows() + " rows but obs has "
                    + obs.rows() + " cells");
        }
        if (o.geneNamesFrom() != null) {
            var = renameFeatures(var, o.geneNamesFrom());
        }
        Map<String, DenseMatrix> obsm = readDenseMap(Hdf.group(h, "obsm"));
        Map<String, DenseMatrix> varm = everything ? readDenseMap(Hdf.group(h, "varm")) : Map.of();
        Map<String, CellMatrix> layers = new LinkedHashMap<>();
        if (everything && Hdf.group(h, "layers") != null) {
            for (Node n : Hdf.group(h, "layers").getChildren().values()) {
                layers.put(n.getName(), readMatrix(n));
            }
        }
        Map<String, Object> uns = everything && Hdf.group(h, "uns") != null
                ? readUns(Hdf.group(h, "uns")) : Map.of();
        return new AnnData(x, obs, var, obsm, varm, layers, uns);
    }

    private static String sourcePath(Options o) {
        if (o.layer() == null || o.layer().equals("X")) {
            return "X";
        }
        if (o.layer().equals("raw") || o.layer().equals("raw/X")) {
            return "raw/X";
        }
        return "layers/" + o.layer();
    }

    /** Gene symbols repeat (e.g. two Ensembl ids, one symbol): make them unique as scanpy does, NAME-1, NAME-2. */
    static DataFrame renameFeatures(DataFrame var, String column) {
        Column c = var.column(column, "--gene-names-from");
        List<String> names = new ArrayList<>(var.rows());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < var.rows(); i++) {
            String name = c.text(i) == null ? var.index().get(i) : c.text(i);
            int count = seen.merge(name, 1, Integer::sum);
            names.add(count == 1 ? name : name + "-" + (count - 1));
        }
        return new DataFrame(names, var.columns());
    }

    // ---- matrices ----

    /** A dense dataset, or a CSR/CSC group (anndata ≥0.8 encoding-type, or 0.7's h5sparse_format). */
    static CellMatrix readMatrix(Node node) {
        if (node instanceof Dataset d) {
            int[] dims = d.getDimensions();
            if (dims.length == 1) {
                return new DenseMatrix(dims[0], 1, Hdf.floats(d));
            }
            if (dims.length != 2) {
                throw new IllegalArgumentException(node.getPath() + " has " + dims.length + " dimensions, expected a matrix");
            }
            return new DenseMatrix(dims[0], dims[1], Hdf.floats(d));
        }
        Group g = (Group) node;
        String format = sparseFormat(g);
        long[] shape = Hdf.longsAttribute(g, "shape");
        if (shape == null) {
            shape = Hdf.longsAttribute(g, "h5sparse_shape");
        }
        if (format == null || shape == null || shape.length != 2) {
            throw new IllegalArgumentException(node.getPath() + " is a group but not a sparse matrix (encoding-type "
                    + Hdf.encoding(g) + "); expected csr_matrix or csc_matrix with a shape attribute");
        }
        Dataset data = requireDataset(g, "data");
        Dataset indices = requireDataset(g, "indices");
        Dataset indptr = requireDataset(g, "indptr");
        int rows = Math.toIntExact(shape[0]);
        int cols = Math.toIntExact(shape[1]);
        int[] ptr = Hdf.ints(indptr);
        int[] idx = ChunkedArrays.ints(indices);
        if (idx == null) {
            idx = Hdf.ints(indices);
        }
        float[] val = ChunkedArrays.floats(data);
        if (val == null) {
            val = Hdf.floats(data);
        }
        if (format.equals("csr")) {
            return SparseAssembly.csr(rows, cols, ptr, idx, val, node.getPath());
        }
        return SparseAssembly.cscToCsr(rows, cols, ptr, idx, val, node.getPath());
    }

    private static String sparseFormat(Group g) {
        String enc = Hdf.encoding(g);
        if ("csr_matrix".equals(enc)) {
            return "csr";
        }
        if ("csc_matrix".equals(enc)) {
            return "csc";
        }
        String legacy = Hdf.stringAttribute(g, "h5sparse_format");
        return legacy == null ? null : legacy.toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, DenseMatrix> readDenseMap(Group g) {
        Map<String, DenseMatrix> out = new LinkedHashMap<>();
        if (g == null) {
            return out;
        }
        for (Node n : g.getChildren().values()) {
            // obsm may hold data frames (groups without a matrix encoding); only matrices are modelled
            if (n instanceof Dataset || sparseFormat((Group) n) != null) {
                CellMatrix m = readMatrix(n);
                out.put(n.getName(), m instanceof DenseMatrix dm ? dm : SparseAssembly.densify(m));
            }
        }
        return out;
    }

    // ---- data frames ----

    static DataFrame readFrame(Group g, String what) {
        String indexName = Hdf.stringAttribute(g, "_index");
        Dataset indexSet = indexName == null ? null : Hdf.dataset(g, indexName);
        List<String> order = new ArrayList<>(List.of(Hdf.stringsAttribute(g, "column-order")));
        if (order.isEmpty()) {
            // anndata 0.7 files may omit column-order; take every child but the index and helpers
            for (String name : g.getChildren().keySet()) {
                if (!name.equals(indexName) && !name.equals("__categories")) {
                    order.add(name);
                }
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String name : order) {
            Node n = Hdf.child(g, name);
            if (n == null) {
                throw new IllegalArgumentException(what + ": column-order names '" + name + "' but there is no such column");
            }
            columns.put(name, readColumn(g, n));
        }
        int rows = indexSet != null ? indexSet.getDimensions()[0]
                : columns.isEmpty() ? 0 : columns.values().iterator().next().size();
        List<String> index = indexSet != null ? List.of(Hdf.strings(indexSet)) : DataFrame.rangeIndex(rows);
        return new DataFrame(index, columns);
    }

    private static Column readColumn(Group frame, Node n) {
        String enc = Hdf.encoding(n);
        if (n instanceof Group g) {
            if ("categorical".equals(enc)) {
                String[] cats = Hdf.strings(requireDataset(g, "categories"));
                int[] codes = Hdf.ints(requireDataset(g, "codes"));
                String ordered = Hdf.stringAttribute(g, "ordered");
                return new Column.Categorical(List.of(cats), codes, "true".equalsIgnoreCase(ordered));
            }
            if ("nullable-integer".equals(enc) || "nullable-boolean".equals(enc)) {
                double[] values = Hdf.doubles(requireDataset(g, "values"));
                boolean[] mask = Hdf.booleans(requireDataset(g, "mask"));
                for (int i = 0; i < values.length; i++) {
                    if (mask[i]) {
                        values[i] = Double.NaN;
                    }
                }
                return "nullable-boolean".equals(enc) ? booleanOrNumeric(values) : new Column.Numeric(values, true);
            }
            if ("nullable-string-array".equals(enc)) {
                String[] values = Hdf.strings(requireDataset(g, "values"));
                boolean[] mask = Hdf.booleans(requireDataset(g, "mask"));
                for (int i = 0; i < values.length; i++) {
                    if (mask[i]) {
                        values[i] = null;
                    }
                }
                return new Column.Strings(values);
            }
            throw new IllegalArgumentException(n.getPath() + ": column encoding '" + enc + "' is not supported");
        }
        Dataset d = (Dataset) n;
        // anndata 0.7: categorical codes with the categories in __categories/NAME
        Group legacy = Hdf.group(frame, "__categories");
        if (enc == null && legacy != null && Hdf.dataset(legacy, n.getName()) != null) {
            String[] cats = Hdf.strings(Hdf.dataset(legacy, n.getName()));
            return new Column.Categorical(List.of(cats), Hdf.ints(d), false);
        }
        // h5py stores bool as an enum FALSE/TRUE, which jhdf returns as strings: test it first
        if (Hdf.isBoolean(d)) {
            return new Column.Booleans(Hdf.booleans(d));
        }
        if (d.getJavaType() == String.class) {
            return new Column.Strings(Hdf.strings(d));
        }
        return new Column.Numeric(Hdf.doubles(d), Hdf.isIntegerType(d));
    }

    private static Column booleanOrNumeric(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return new Column.Numeric(values, true);
            }
        }
        boolean[] b = new boolean[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = values[i] != 0;
        }
        return new Column.Booleans(b);
    }

    // ---- uns ----

    private static Map<String, Object> readUns(Group g) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Node n : g.getChildren().values()) {
            Object v = readUnsValue(n);
            if (v != null) {
                out.put(n.getName(), v);
            }
        }
        return out;
    }

    /** Strings, numbers, booleans, 1-d arrays and nested dicts; other encodings (data frames…) are skipped. */
    private static Object readUnsValue(Node n) {
        if (n instanceof Group g) {
            String enc = Hdf.encoding(g);
            return enc == null || enc.equals("dict") ? readUns(g) : null;
        }
        Dataset d = (Dataset) n;
        if (d.isScalar()) {
            Object v = d.getData();
            return v instanceof String || v instanceof Number || v instanceof Boolean ? v : String.valueOf(v);
        }
        if (d.getDimensions().length != 1) {
            return null;
        }
        if (Hdf.isBoolean(d)) {
            return Hdf.booleans(d);
        }
        if (d.getJavaType() == String.class) {
            return Hdf.strings(d);
        }
        if (Hdf.isIntegerType(d)) {
            return Hdf.toLongs(d.getDataFlat());
        }
        return Hdf.doubles(d);
    }

    // ---- inspect ----

    private static H5adSummary summarise(HdfFile h, Path file) {
        DataFrame obs = readFrame(requireGroup(h, "obs", file), "obs");
        DataFrame var = readFrame(requireGroup(h, "var", file), "var");
        Node x = h.getChildren().get("X");
        H5adSummary.MatrixInfo xInfo = x == null ? null : matrixInfo(x);
        Group raw = Hdf.group(h, "raw");
        H5adSummary.MatrixInfo rawInfo = raw == null || Hdf.child(raw, "X") == null ? null : matrixInfo(Hdf.child(raw, "X"));
        Map<String, H5adSummary.MatrixInfo> layers = infos(Hdf.group(h, "layers"));
        Map<String, H5adSummary.MatrixInfo> obsm = infos(Hdf.group(h, "obsm"));
        Group uns = Hdf.group(h, "uns");
        List<String> unsKeys = uns == null ? List.of() : List.copyOf(uns.getChildren().keySet());
        String encodingVersion = Hdf.stringAttribute(h, "encoding-version");
        return new H5adSummary(file, obs, var, xInfo, rawInfo, layers, obsm, unsKeys, encodingVersion);
    }

    private static Map<String, H5adSummary.MatrixInfo> infos(Group g) {
        Map<String, H5adSummary.MatrixInfo> out = new LinkedHashMap<>();
        if (g != null) {
            for (Node n : g.getChildren().values()) {
                if (n instanceof Dataset || sparseFormat((Group) n) != null) {
                    out.put(n.getName(), matrixInfo(n));
                }
            }
        }
        return out;
    }

    private static H5adSummary.MatrixInfo matrixInfo(Node n) {
        if (n instanceof Dataset d) {
            int[] dims = d.getDimensions();
            long rows = dims.length > 0 ? dims[0] : 1;
            long cols = dims.length > 1 ? dims[1] : 1;
            return new H5adSummary.MatrixInfo(path(n), "dense", typeName(d), rows, cols, rows * cols, filters(d));
        }
        Group g = (Group) n;
        long[] shape = Hdf.longsAttribute(g, "shape");
        if (shape == null) {
            shape = Hdf.longsAttribute(g, "h5sparse_shape");
        }
        Dataset data = requireDataset(g, "data");
        return new H5adSummary.MatrixInfo(path(n), sparseFormat(g), typeName(data), shape[0], shape[1],
                data.getDimensions()[0], filters(data));
    }

    /** jhdf gives groups a trailing slash; show /X, /layers/counts. */
    private static String path(Node n) {
        String p = n.getPath();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String typeName(Dataset d) {
        Class<?> t = d.getJavaType();
        int bits = d.getDataType().getSize() * 8;
        if (t == float.class || t == double.class) {
            return "float" + bits;
        }
        if (Hdf.isBoolean(d)) {
            return "bool";
        }
        if (Hdf.isIntegerType(d)) {
            return "int" + bits;
        }
        return t.getSimpleName();
    }

    private static String filters(Dataset d) {
        List<String> names = new ArrayList<>();
        d.getFilters().forEach(f -> names.add(f.getName()));
        return names.isEmpty() ? "uncompressed" : String.join("+", names);
    }

    // ---- helpers ----

    private static Group requireGroup(Group parent, String name, Path file) {
        Group g = Hdf.group(parent, name);
        if (g == null) {
            throw new IllegalArgumentException(file + " has no " + name + " table; is it an AnnData .h5ad file?");
        }
        return g;
    }

    private static Dataset requireDataset(Group g, String name) {
        Dataset d = Hdf.dataset(g, name);
        if (d == null) {
            throw new IllegalArgumentException(g.getPath() + " has no '" + name + "' dataset");
        }
        return d;
    }

    private static String names(Group g) {
        if (g == null || g.getChildren().isEmpty()) {
            return "(none)";
        }
        return String.join(", ", g.getChildren().keySet());
    }
}
