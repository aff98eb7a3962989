package org.groundmetric.data.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.groundmetric.IllegalParameterException;

/**
 * Keeps the cells whose obs column has one of the given values, e.g. {@code split=train} or
 * {@code disease=normal,COVID-19}: the way to train on one split of a file and predict another.
 *
 * @param column obs column to test
 * @param values accepted values (compared as text, exactly)
 */
public record CellFilter(String column, Set<String> values) {

    public CellFilter {
        if (column == null || column.isEmpty() || values == null || values.isEmpty()) {
            throw new IllegalParameterException("CellFilter", "a cell filter needs a column and at least one value,"
                    + " as COLUMN=VALUE[,VALUE…]");
        }
        values = Set.copyOf(values);
    }

    /** Parses "COLUMN=VALUE[,VALUE…]". */
    public static CellFilter parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalParameterException("CellFilter", "cell filter '" + text + "' is not COLUMN=VALUE[,VALUE…];"
                    + " e.g. split=train");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String v : text.substring(eq + 1).split(",", -1)) {
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            throw new IllegalParameterException("CellFilter", "cell filter '" + text + "' names no value; e.g. split=train");
        }
        return new CellFilter(text.substring(0, eq), values);
    }

    /** The cells (obs rows) that pass, in their order. */
    public int[] rows(DataFrame obs) {
        Column c = obs.column(column, "CellFilter", "cell filter column");
        int[] keep = new int[c.size()];
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (values.contains(c.text(i))) {
                keep[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(keep, n);
    }

    /** The data restricted to the cells that pass every filter (X, obs, obsm and layers; var, varm, uns kept). */
    public static AnnData apply(AnnData data, List<CellFilter> filters) {
        if (filters == null || filters.isEmpty()) {
            return data;
        }
        int[] rows = null;
        for (CellFilter f : filters) {
            int[] pass = f.rows(data.obs());
            rows = rows == null ? pass : intersect(rows, pass);
            if (rows.length == 0) {
                throw new IllegalParameterException("CellFilter", "no cell is left after the cell filter "
                        + f.column() + "=" + String.join(",", f.values()) + "; values of " + f.column() + " include "
                        + examples(data.obs().column(f.column(), "CellFilter", "cell filter column")));
            }
        }
        return data.selectCells(rows);
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static String examples(Column c) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < c.size() && seen.size() < 6; i++) {
            seen.add(String.valueOf(c.text(i)));
        }
        List<String> shown = new ArrayList<>(seen);
        return String.join(", ", shown.subList(0, Math.min(5, shown.size()))) + (shown.size() > 5 ? ", …" : "");
    }
}
