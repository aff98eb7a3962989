package org.groundmetric.data.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.IllegalParameterException;

/**
 * AnnData's {@code obs} or {@code var} table: a string index (cell barcodes, gene ids) and named
 * columns of equal length, in their stored order.
 */
public record DataFrame(List<String> index, Map<String, Column> columns) {

    public DataFrame {
        index = Collections.unmodifiableList(new ArrayList<>(index));
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            if (e.getValue().size() != index.size()) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' has " + e.getValue().size()
                        + " values but the index has " + index.size() + " rows");
            }
        }
    }

    /** An index without columns. */
    public static DataFrame ofIndex(List<String> index) {
        return new DataFrame(index, Map.of());
    }

    /** The index "0", "1", … (what anndata uses when a file names no rows). */
    public static List<String> rangeIndex(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    public int rows() {
        return index.size();
    }

    /**
     * The named column, or an {@link IllegalParameterException} for {@code parameter} listing the
     * columns there are ({@code role} says what the name was for, e.g. "sample key").
     */
    public Column column(String name, String parameter, String role) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalParameterException(parameter, missing(name, role));
        }
        return c;
    }

    /** The named column, or an {@link IllegalArgumentException} listing the columns there are. */
    public Column column(String name, String role) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException(missing(name, role));
        }
        return c;
    }

    private String missing(String name, String role) {
        return role + " '" + name + "' is not among the columns: "
                + (columns.isEmpty() ? "(none)" : String.join(", ", columns.keySet()));
    }

    /** The same table with one more (or a replaced) column. */
    public DataFrame with(String name, Column column) {
        Map<String, Column> out = new LinkedHashMap<>(columns);
        out.put(name, column);
        return new DataFrame(index, out);
    }

    /** The rows at the given indices, in that order. */
    public DataFrame selectRows(int[] rows) {
        List<String> idx = new ArrayList<>(rows.length);
        for (int r : rows) {
            idx.add(index.get(r));
        }
        Map<String, Column> out = new LinkedHashMap<>();
        columns.forEach((k, v) -> out.put(k, v.select(rows)));
        return new DataFrame(idx, out);
    }
}
