package org.groundmetric.data.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Reads a CSV/TSV table with one cell per row: feature columns (numbers) plus metadata columns.
 * A first column named "", cell, cell_id, barcode, obs_names or index is the cell index. A column is
 * metadata when it is named in {@code metadataColumns} (the sample and label keys, which may well be
 * numeric ids) or holds any non-number; every other column is a feature.
 */
public final class DelimitedReader {

    private static final Set<String> INDEX_NAMES = Set.of("", "cell", "cell_id", "barcode", "obs_names", "index");

    private DelimitedReader() {
    }

    public static AnnData read(Path file, Set<String> metadataColumns) {
        TextTable t = TextTable.read(file);
        int n = t.rows().size();
        if (n == 0) {
            throw new IllegalArgumentException(file + " has a header but no cells");
        }
        boolean hasIndex = INDEX_NAMES.contains(t.header().get(0).toLowerCase(java.util.Locale.ROOT));
        List<String> index = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            index.add(hasIndex ? t.rows().get(i)[0] : Integer.toString(i));
        }
        List<Integer> featureCols = new ArrayList<>();
        Map<String, Column> obs = new LinkedHashMap<>();
        for (int j = hasIndex ? 1 : 0; j < t.header().size(); j++) {
            String name = t.header().get(j);
            if (metadataColumns.contains(name) || !allNumeric(t, j)) {
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = t.rows().get(i)[j];
                }
                obs.put(name, TextTable.metadataColumn(values));
            } else {
                featureCols.add(j);
            }
        }
        if (featureCols.isEmpty()) {
            throw new IllegalArgumentException(file + " has no numeric feature columns; columns: " + String.join(", ", t.header()));
        }
        int d = featureCols.size();
        float[] x = new float[n * d];
        List<String> features = new ArrayList<>(d);
        for (int c = 0; c < d; c++) {
            int j = featureCols.get(c);
            features.add(t.header().get(j));
            for (int i = 0; i < n; i++) {
                x[i * d + c] = TextTable.number(t.rows().get(i)[j]).floatValue();
            }
        }
        return AnnData.of(new DenseMatrix(n, d, x), new DataFrame(index, obs), DataFrame.ofIndex(features));
    }

    private static boolean allNumeric(TextTable t, int j) {
        for (String[] row : t.rows()) {
            if (TextTable.number(row[j]) == null) {
                return false;
            }
        }
        return true;
    }
}
