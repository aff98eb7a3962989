package org.groundmetric.data.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an {@code .h5ad} file holds without reading any matrix values (fast on large files): obs
 * and var tables, the shape, storage and compression of X, raw/X, layers and obsm, the uns keys.
 * The tables are read in full, so a damaged one is refused as {@link H5adReader} would.
 */
public final class H5adInspector {

    private H5adInspector() {
    }

    /** Shapes, encodings and tables without reading any matrix values. */
    public static H5adSummary inspect(Path file) {
        return H5adReader.withFile(file, h -> summarise(h, file));
    }

    private static H5adSummary summarise(HdfFile h, Path file) {
        DataFrame obs = H5adFrames.read(H5adReader.requireGroup(h, "obs"), "obs");
        DataFrame var = H5adFrames.read(H5adReader.requireGroup(h, "var"), "var");
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
                if (n instanceof Dataset || H5adReader.sparseFormat((Group) n) != null) {
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
            return new H5adSummary.MatrixInfo(H5adReader.path(n), "dense", typeName(d), rows, cols, rows * cols,
                    filters(d));
        }
        Group g = (Group) n;
        long[] shape = H5adReader.sparseShape(g);
        Dataset data = H5adReader.requireDataset(g, "data");
        return new H5adSummary.MatrixInfo(H5adReader.path(n), H5adReader.sparseFormat(g), typeName(data), shape[0],
                shape[1], Hdf.length(data), filters(data));
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
}
