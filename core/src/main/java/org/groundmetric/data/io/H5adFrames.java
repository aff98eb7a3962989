package org.groundmetric.data.io;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an AnnData table ({@code obs}, {@code var}, {@code raw/var}) from its HDF5 group: the index
 * and every column in {@code column-order}, as categorical, string, numeric or boolean columns (also
 * the nullable encodings and anndata 0.7's {@code __categories} layout). Every column must have one
 * value per index row, and categorical codes must point at a category: a damaged table is refused
 * naming the column.
 */
final class H5adFrames {

    private H5adFrames() {
    }

    static DataFrame read(Group g, String what) {
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
        int rows = indexSet != null ? Hdf.length(indexSet)
                : columns.isEmpty() ? 0 : columns.values().iterator().next().size();
        List<String> index = indexSet != null ? List.of(Hdf.strings(indexSet)) : DataFrame.rangeIndex(rows);
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            if (e.getValue().size() != index.size()) {
                throw new IllegalArgumentException(what + "/" + e.getKey() + " has " + e.getValue().size()
                        + " values but the " + what + " index has " + index.size() + " rows; the table is damaged");
            }
        }
        return new DataFrame(index, columns);
    }

    private static Column readColumn(Group frame, Node n) {
        String enc = Hdf.encoding(n);
        if (n instanceof Group g) {
            if ("categorical".equals(enc)) {
                String[] cats = Hdf.strings(H5adReader.requireDataset(g, "categories"));
                return categorical(n, cats, Hdf.ints(H5adReader.requireDataset(g, "codes")),
                        "true".equalsIgnoreCase(Hdf.stringAttribute(g, "ordered")));
            }
            if ("nullable-integer".equals(enc) || "nullable-boolean".equals(enc)) {
                double[] values = Hdf.doubles(H5adReader.requireDataset(g, "values"));
                boolean[] mask = mask(g, values.length);
                for (int i = 0; i < values.length; i++) {
                    if (mask[i]) {
                        values[i] = Double.NaN;
                    }
                }
                return "nullable-boolean".equals(enc) ? booleanOrNumeric(values) : new Column.Numeric(values, true);
            }
            if ("nullable-string-array".equals(enc)) {
                String[] values = Hdf.strings(H5adReader.requireDataset(g, "values"));
                boolean[] mask = mask(g, values.length);
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
            return categorical(n, cats, Hdf.ints(d), false);
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

    /** Codes checked here, so a bad one is reported with its column (the column type cannot name it). */
    private static Column.Categorical categorical(Node column, String[] categories, int[] codes, boolean ordered) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < -1 || codes[i] >= categories.length) {
                throw new IllegalArgumentException(H5adReader.path(column) + ": categorical code " + codes[i]
                        + " at row " + i + " points at no category (there are " + categories.length
                        + "; -1 means missing); the column is damaged");
            }
        }
        return new Column.Categorical(List.of(categories), codes, ordered);
    }

    private static boolean[] mask(Group g, int rows) {
        Dataset d = H5adReader.requireDataset(g, "mask");
        boolean[] mask = Hdf.booleans(d);
        if (mask.length != rows) {
            throw new IllegalArgumentException(H5adReader.path(g) + ": the mask has " + mask.length
                    + " entries for " + rows + " values; the column is damaged");
        }
        return mask;
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
}
