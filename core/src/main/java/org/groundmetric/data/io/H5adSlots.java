package org.groundmetric.data.io;

import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Single slots of an {@code .h5ad} file, read without X: its {@code uns} dictionary (where ggml-ot
 * keeps its learned map, {@code uns["W_ggml"]}) and the {@code varm} matrices (an embedding's gene
 * loadings, e.g. scanpy's {@code varm["PCs"]}). Damaged files are refused as {@link H5adReader} does.
 */
public final class H5adSlots {

    private H5adSlots() {
    }

    /**
     * The uns dictionary: strings, numbers, booleans, 1-d arrays, 2-d numeric arrays (double[][])
     * and nested maps; other encodings are left out. Empty when the file has no uns.
     */
    public static Map<String, Object> uns(Path file) {
        return H5adReader.withFile(file, h -> {
            Group uns = Hdf.group(h, "uns");
            return uns == null ? Map.of() : H5adReader.readUns(uns);
        });
    }

    /** The shapes (rows, columns) of the varm matrices, by key. */
    public static Map<String, long[]> varmShapes(Path file) {
        return H5adReader.withFile(file, h -> {
            Map<String, long[]> out = new LinkedHashMap<>();
            Group varm = Hdf.group(h, "varm");
            if (varm != null) {
                for (Node n : varm.getChildren().values()) {
                    if (n instanceof io.jhdf.api.Dataset d && d.getDimensions().length == 2) {
                        out.put(n.getName(), new long[] {d.getDimensions()[0], d.getDimensions()[1]});
                    }
                }
            }
            return out;
        });
    }

    /** One varm matrix (genes × columns) as float32, or null when the file has no such key. */
    public static DenseMatrix varm(Path file, String key) {
        return H5adReader.withFile(file, h -> {
            Group varm = Hdf.group(h, "varm");
            Node n = varm == null ? null : Hdf.child(varm, key);
            if (n == null) {
                return null;
            }
            CellMatrix m = H5adReader.readMatrix(n);
            return m instanceof DenseMatrix d ? d : SparseAssembly.densify(m);
        });
    }
}
