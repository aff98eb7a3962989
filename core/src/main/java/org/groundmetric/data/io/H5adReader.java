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
import org.groundmetric.IllegalParameterException;
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

    /** The smallest HDF5 superblock (version 0) with its root group entry; anything shorter is cut off. */
    private static final long MIN_HDF5_BYTES = 96;

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
                throw new IllegalParameterException("H5adReader.Options.useRep", "choose either the layer " + layer
                        + " or the obsm embedding " + useRep + ", not both: an embedding replaces the expression matrix");
            }
        }
    }

    private H5adReader() {
    }

    /** Reads the cell matrix chosen by {@code options}, obs, var and obsm (not the other layers). */
    public static AnnData read(Path file, Options options) {
        return withFile(file, h -> readAnnData(h, options, false));
    }

    /** Reads everything we model: X, obs, var, obsm, varm, every layer and uns (for a full copy). */
    public static AnnData readAll(Path file) {
        return withFile(file, h -> readAnnData(h, Options.DEFAULT, true));
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

    /**
     * Opens the file and runs {@code body} on it. Every problem found inside is reported with the
     * file's name in front; what io.jhdf throws on a damaged file becomes one plain sentence (its
     * own words stay in the cause, for a stack trace).
     */
    static <T> T withFile(Path file, Function<HdfFile, T> body) {
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
        long size = size(file);
        if (size < MIN_HDF5_BYTES) {
            throw new IllegalArgumentException(file + " holds only " + size + " bytes: it starts like an HDF5 file"
                    + " but ends inside the HDF5 header; the file is truncated (an interrupted copy or download?)");
        }
        try (HdfFile h = new HdfFile(file)) {
            return body.apply(h);
        } catch (IllegalParameterException e) {
            throw new IllegalParameterException(e.parameter(), file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (!(e instanceof HdfException || e instanceof java.nio.BufferUnderflowException
                    || e instanceof IndexOutOfBoundsException)) {
                throw e;
            }
            throw new IllegalArgumentException(file + " (" + size + " bytes) cannot be read: its HDF5 structure is"
                    + " damaged or the file is truncated; copy or write it again (h5py/anndata should refuse it too)", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static AnnData readAnnData(HdfFile h, Options o, boolean everything) {
        DataFrame obs = H5adFrames.read(requireGroup(h, "obs"), "obs");
        DataFrame var;
        CellMatrix x;
        String source = sourcePath(o);
        if (o.useRep() != null) {
            Group obsmGroup = Hdf.group(h, "obsm");
            Node rep = obsmGroup == null ? null : Hdf.child(obsmGroup, o.useRep());
            if (rep == null) {
                throw new IllegalParameterException("H5adReader.Options.useRep", "no obsm key '" + o.useRep()
                        + "'; available: " + names(obsmGroup));
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
                    throw new IllegalParameterException("H5adReader.Options.layer", "there is no X matrix; choose a"
                            + " layer (available: " + names(Hdf.group(h, "layers")) + ") or an obsm embedding ("
                            + names(Hdf.group(h, "obsm")) + ")");
                }
                x = readMatrix(xNode);
                var = H5adFrames.read(requireGroup(h, "var"), "var");
            } else if (source.equals("raw/X")) {
                Group raw = Hdf.group(h, "raw");
                if (raw == null || Hdf.child(raw, "X") == null) {
                    throw new IllegalParameterException("H5adReader.Options.layer", "there is no raw/X (layer raw);"
                            + " available layers: " + names(Hdf.group(h, "layers")));
                }
                x = readMatrix(Hdf.child(raw, "X"));
                var = H5adFrames.read(requireGroup(raw, "var"), "raw/var");
            } else {
                Group layers = Hdf.group(h, "layers");
                Node layer = layers == null ? null : Hdf.child(layers, o.layer());
                if (layer == null) {
                    throw new IllegalParameterException("H5adReader.Options.layer", "there is no layer '" + o.layer()
                            + "'; available: " + names(layers) + (Hdf.group(h, "raw") != null ? ", raw" : ""));
                }
                x = readMatrix(layer);
                var = H5adFrames.read(requireGroup(h, "var"), "var");
            }
        }
        if (x.rows() != obs.rows()) {
            throw new IllegalArgumentException(source + " has " + x.rows() + " rows but obs has " + obs.rows() + " cells");
        }
        if (x.cols() != var.rows()) {
            throw new IllegalArgumentException(source + " has " + x.cols() + " columns but "
                    + (source.equals("raw/X") ? "raw/var" : "var") + " names " + var.rows() + " features");
        }
        if (x.rows() == 0 || x.cols() == 0) {
            throw new IllegalArgumentException(source + " is " + x.rows() + " cells × " + x.cols() + " features:"
                    + " there is nothing to compute on");
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

    /** The var rows named by a var column (e.g. feature_name), made unique as {@link Options#geneNamesFrom} does. */
    public static List<String> geneNames(DataFrame var, String column) {
        return renameFeatures(var, column).index();
    }

    /** Gene symbols repeat (e.g. two Ensembl ids, one symbol): make them unique as scanpy does, NAME-1, NAME-2. */
    static DataFrame renameFeatures(DataFrame var, String column) {
        Column c = var.column(column, "H5adReader.Options.geneNamesFrom", "gene-name column");
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
                throw new IllegalArgumentException(path(node) + " has " + dims.length + " dimensions, expected a matrix");
            }
            return new DenseMatrix(dims[0], dims[1], Hdf.floats(d));
        }
        Group g = (Group) node;
        String format = sparseFormat(g);
        if (format == null || !format.equals("csr") && !format.equals("csc")) {
            throw new IllegalArgumentException(path(node) + " is a group but not a sparse matrix (encoding-type "
                    + Hdf.encoding(g) + "); expected csr_matrix or csc_matrix");
        }
        long[] shape = sparseShape(g);
        Dataset data = requireDataset(g, "data");
        Dataset indices = requireDataset(g, "indices");
        Dataset indptr = requireDataset(g, "indptr");
        int rows = (int) shape[0];
        int cols = (int) shape[1];
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
            return SparseAssembly.csr(rows, cols, ptr, idx, val, path(node));
        }
        return SparseAssembly.cscToCsr(rows, cols, ptr, idx, val, path(node));
    }

    /** A sparse group's declared shape (rows, columns), each within what an int index addresses. */
    static long[] sparseShape(Group g) {
        long[] shape = Hdf.longsAttribute(g, "shape");
        if (shape == null) {
            shape = Hdf.longsAttribute(g, "h5sparse_shape");
        }
        if (shape == null || shape.length != 2) {
            throw new IllegalArgumentException(path(g) + " is a sparse matrix without a two-entry shape attribute");
        }
        for (long n : shape) {
            if (n < 0 || n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(path(g) + " declares the shape " + shape[0] + " × " + shape[1]
                        + "; expected sizes from 0 to " + (Integer.MAX_VALUE - 8));
            }
        }
        return shape;
    }

    static String sparseFormat(Group g) {
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

    // ---- uns ----

    static Map<String, Object> readUns(Group g) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Node n : g.getChildren().values()) {
            Object v = readUnsValue(n);
            if (v != null) {
                out.put(n.getName(), v);
            }
        }
        return out;
    }

    /**
     * Strings, numbers, booleans, 1-d arrays, 2-d numeric arrays (as double[][], e.g. ggml-ot's
     * W_ggml) and nested dicts; other encodings (data frames…) are skipped.
     */
    private static Object readUnsValue(Node n) {
        if (n instanceof Group g) {
            String enc = Hdf.encoding(g);
            return enc == null || enc.equals("dict") ? readUns(g) : null;
        }
        Dataset d = (Dataset) n;
        if (d.isScalar()) {
            Hdf.requireStored(d);
            Object v = d.getData();
            return v instanceof String || v instanceof Number || v instanceof Boolean ? v : String.valueOf(v);
        }
        if (d.getDimensions().length == 2 && d.getJavaType() != String.class && !Hdf.isBoolean(d)) {
            return Hdf.doubleRows(d);
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
            return Hdf.toLongs(Hdf.flat(d));
        }
        return Hdf.doubles(d);
    }

    // ---- helpers ----

    static Group requireGroup(Group parent, String name) {
        Group g = Hdf.group(parent, name);
        if (g == null) {
            throw new IllegalArgumentException("there is no " + name + " table; is it an AnnData .h5ad file?");
        }
        return g;
    }

    static Dataset requireDataset(Group g, String name) {
        Dataset d = Hdf.dataset(g, name);
        if (d == null) {
            throw new IllegalArgumentException(path(g) + " has no '" + name + "' dataset");
        }
        return d;
    }

    /** jhdf gives groups a trailing slash; show /X, /layers/counts. */
    static String path(Node n) {
        String p = n.getPath();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String names(Group g) {
        if (g == null || g.getChildren().isEmpty()) {
            return "(none)";
        }
        return String.join(", ", g.getChildren().keySet());
    }
}
