package org.groundmetric.data.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of an AnnData table ({@code obs} or {@code var}) in the form anndata stores it:
 * categorical (codes into categories), string, numeric or boolean. Missing values: code -1, null
 * string, NaN.
 */
public sealed interface Column {

    int size();

    /** The value of one row as text (null when missing); what a cohort groups and labels by. */
    String text(int row);

    /** A short kind name for messages and {@code inspect}: categorical, string, numeric, boolean. */
    String kind();

    /** The rows at the given indices, in that order. */
    Column select(int[] rows);

    /** Counts of each distinct non-missing value, most common first (ties in order of first appearance). */
    default Map<String, Integer> valueCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < size(); i++) {
            String v = text(i);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Categories and per-row codes (-1 = missing), anndata's {@code categorical} encoding. */
    record Categorical(List<String> categories, int[] codes, boolean ordered) implements Column {
        public Categorical {
            categories = List.copyOf(categories);
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] < -1 || codes[i] >= categories.size()) {
                    throw new IllegalArgumentException("categorical code " + codes[i] + " at row " + i
                            + " is outside -1.." + (categories.size() - 1));
                }
            }
        }

        /** Encodes strings as a categorical column with categories in sorted order (as pandas does). */
        public static Categorical of(List<String> values) {
            List<String> cats = values.stream().filter(v -> v != null).distinct().sorted().toList();
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < cats.size(); i++) {
                index.put(cats.get(i), i);
            }
            int[] codes = new int[values.size()];
            for (int i = 0; i < codes.length; i++) {
                String v = values.get(i);
                codes[i] = v == null ? -1 : index.get(v);
            }
            return new Categorical(cats, codes, false);
        }

        @Override public int size() { return codes.length; }
        @Override public String text(int row) { return codes[row] < 0 ? null : categories.get(codes[row]); }
        @Override public String kind() { return "categorical"; }

        @Override
        public Categorical select(int[] rows) {
            int[] out = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = codes[rows[i]];
            }
            return new Categorical(categories, out, ordered);
        }
    }

    /** Free text, anndata's {@code string-array} encoding. */
    record Strings(String[] values) implements Column {
        @Override public int size() { return values.length; }
        @Override public String text(int row) { return values[row]; }
        @Override public String kind() { return "string"; }

        @Override
        public Strings select(int[] rows) {
            String[] out = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new Strings(out);
        }
    }

    /**
     * Numbers (integers are kept exactly up to 2^53); {@code integer} says whether the file stored
     * integers, so text shows "3" not "3.0" and the writer stores them back as integers.
     */
    record Numeric(double[] values, boolean integer) implements Column {
        @Override public int size() { return values.length; }

        @Override
        public String text(int row) {
            double v = values[row];
            if (Double.isNaN(v)) {
                return null;
            }
            return integer || (v == Math.rint(v) && Math.abs(v) < 1e15) ? Long.toString((long) v) : Double.toString(v);
        }

        @Override public String kind() { return integer ? "integer" : "numeric"; }

        @Override
        public Numeric select(int[] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new Numeric(out, integer);
        }
    }

    /** True/false per row. */
    record Booleans(boolean[] values) implements Column {
        @Override public int size() { return values.length; }
        @Override public String text(int row) { return Boolean.toString(values[row]); }
        @Override public String kind() { return "boolean"; }

        @Override
        public Booleans select(int[] rows) {
            boolean[] out = new boolean[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new Booleans(out);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Booleans b && Arrays.equals(values, b.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
