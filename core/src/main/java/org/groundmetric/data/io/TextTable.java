package org.groundmetric.data.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A delimited text table (CSV, or TSV for .tsv/.txt), optionally gzip-compressed: a header row and
 * rows of fields, read by {@link DelimitedText} (quoted fields, byte-order mark), each row with the
 * line of the file it came from.
 *
 * @param lines the file's line number of each row, for messages
 */
record TextTable(List<String> header, List<String[]> rows, int[] lines) {

    static TextTable read(Path file) {
        char sep = DelimitedText.separator(file);
        List<DelimitedText.Row> records = DelimitedText.rows(file, sep);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; expected a header row");
        }
        List<String> header = List.of(records.get(0).fields());
        List<String[]> rows = new ArrayList<>(records.size() - 1);
        int[] lines = new int[records.size() - 1];
        for (int r = 1; r < records.size(); r++) {
            DelimitedText.Row row = records.get(r);
            if (row.fields().length != header.size()) {
                throw new IllegalArgumentException(file + " line " + row.line() + " has " + row.fields().length
                        + " fields, the header " + header.size() + " (separator '" + (sep == '\t' ? "\\t" : String.valueOf(sep))
                        + "')");
            }
            lines[r - 1] = row.line();
            rows.add(row.fields());
        }
        return new TextTable(header, rows, lines);
    }

    /** Column name → values; used for cell metadata tables. */
    Map<String, String[]> columns() {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (int j = 0; j < header.size(); j++) {
            String[] v = new String[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[j];
            }
            out.put(header.get(j), v);
        }
        return out;
    }

    /** True for text that stands for a missing value (empty, NA, NaN, nan), as pandas reads it. */
    static boolean missing(String s) {
        return s.isEmpty() || s.equals("NA") || s.equals("NaN") || s.equals("nan");
    }

    /** Parses a number, or returns NaN for NA-like text; null when the text is not a number. */
    static Double number(String s) {
        if (missing(s)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A metadata column: numeric when every value parses, else categorical (as pandas/anndata would make it). */
    static Column metadataColumn(String[] values) {
        double[] nums = new double[values.length];
        boolean numeric = true;
        boolean integer = true;
        for (int i = 0; i < values.length && numeric; i++) {
            Double d = number(values[i]);
            if (d == null) {
                numeric = false;
            } else {
                nums[i] = d;
                integer &= Double.isNaN(d) || d == Math.rint(d);
            }
        }
        if (numeric) {
            return new Column.Numeric(nums, integer);
        }
        List<String> list = new ArrayList<>(values.length);
        for (String v : values) {
            list.add(v.isEmpty() ? null : v);
        }
        return Column.Categorical.of(list);
    }
}
